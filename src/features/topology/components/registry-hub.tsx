import { useT } from '@/lib/i18n/use-t.ts'
import type { Rect } from '../model/layout.ts'
import { topologyMessages } from './topology-messages.ts'

/** The centre of the map: the registry every node sends its heartbeats to. */
export function RegistryHub({ rect, host }: { rect: Rect; host: string | null }) {
  const t = useT(topologyMessages)
  return (
    <div
      role="group"
      aria-label={t('registry')}
      className="absolute flex flex-col items-center justify-center rounded-xl border-2 border-accent bg-raised px-3 text-center shadow"
      style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}
    >
      <span className="text-sm font-semibold">{t('registry')}</span>
      <span className="truncate text-xs text-muted">
        {host ? t('registryHostedOn', { node: host }) : t('registryUnknownHost')}
      </span>
    </div>
  )
}
