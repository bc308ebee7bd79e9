import { cn } from '@/lib/cn.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import type { RowLiveness } from '../model/fleet.ts'
import { livenessGlyph, livenessText } from './liveness-style.ts'
import { nodeMessages } from './node-messages.ts'

/** The derived liveness as a glyph and a word; the reported status is shown elsewhere, apart from it. */
export function LivenessBadge({ liveness }: { liveness: RowLiveness }) {
  const t = useT(nodeMessages)
  return (
    <span className={cn('inline-flex items-center gap-1.5 text-sm font-medium', livenessText[liveness])}>
      <span aria-hidden="true" className="w-3 text-center leading-none">
        {livenessGlyph[liveness]}
      </span>
      {t(liveness)}
    </span>
  )
}
