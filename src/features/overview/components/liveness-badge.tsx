import type { FleetLivenessFilter } from '@/entities/node/model/fleet-filters.ts'
import { cn } from '@/lib/cn.ts'

const tone: Record<FleetLivenessFilter, string> = {
  online: 'text-ok',
  stale: 'text-warn',
  offline: 'text-bad',
  unknown: 'text-unknown',
  unreachable: 'text-unknown',
  invalid: 'text-bad',
}

// A different glyph per state, so the state reads without colour too.
const glyph: Record<FleetLivenessFilter, string> = {
  online: '●',
  stale: '◐',
  offline: '○',
  unknown: '◌',
  unreachable: '?',
  invalid: '⚠',
}

/** The derived liveness as a dot and a word; the reported status is shown elsewhere, apart from it. */
export function LivenessBadge({ liveness, label }: { liveness: FleetLivenessFilter; label: string }) {
  return (
    <span className={cn('inline-flex items-center gap-1.5 text-sm font-medium', tone[liveness])}>
      <span aria-hidden="true" className="w-3 text-center leading-none">
        {glyph[liveness]}
      </span>
      {label}
    </span>
  )
}
