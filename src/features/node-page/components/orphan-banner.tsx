import { Link } from 'react-router'
import { useNodeOrphan } from '@/entities/node/api/use-node-orphan.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { revealControls } from '@/lib/text/reveal-controls.ts'
import { Banner } from '@/ui/banner.tsx'
import { nodePageMessages } from '../node-page-messages.ts'

/** Says on the orphan's own page what the overview and the map flag: whose orphan it is, with a way there. */
export function OrphanBanner({ nodeId }: { nodeId: string }) {
  const t = useT(nodePageMessages)
  const orphan = useNodeOrphan(nodeId)
  if (!orphan) return null
  const node = revealControls(orphan.aliveNodeId)
  return (
    <Banner
      tone="warn"
      action={
        <Link
          to={`/nodes/${encodeURIComponent(orphan.aliveNodeId)}`}
          className="text-sm text-accent underline"
        >
          {t('openAlive', { node })}
        </Link>
      }
    >
      <bdi>{t('orphan', { node, host: revealControls(orphan.hostname) })}</bdi>
    </Banner>
  )
}
