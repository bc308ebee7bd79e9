import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { useNodeEntry } from '@/entities/node/api/use-node-entry.ts'
import { useNodeProfile } from '@/entities/node/api/get-node-profile.ts'
import type { LivenessThresholds } from '@/entities/node/model/liveness.ts'
import type { TimeWindow } from '@/entities/node/model/outages.ts'
import { useThresholds } from '@/entities/node/model/use-thresholds.ts'
import type { RegistryNode } from '@/entities/node/model/schemas.ts'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime } from '@/lib/time/format-time.ts'
import { Banner } from '@/ui/banner.tsx'
import { Button } from '@/ui/button.tsx'
import { ErrorDetails } from '@/ui/error-details.tsx'
import { RegistryText, VisibleId } from '@/ui/registry-text.tsx'
import { NodeCapabilities } from './node-capabilities.tsx'
import { NodeHistoryArea } from './node-history-area.tsx'
import { LivenessLine, NodeAddresses, NodeIdentity, ReportedStatus } from './node-identity.tsx'
import { NodeInvalid, NodeNotFound, NodePageSkeleton } from './node-page-states.tsx'
import { nodePageMessages } from '../node-page-messages.ts'
import { NodeProfileCard, type ProfileState } from './node-profile-card.tsx'
import { OrphanBanner } from './orphan-banner.tsx'

/**
 * One node: identity, addresses, capabilities, profile, latest metrics and heartbeat history. `actions` is
 * where the app puts buttons from other features (e.g. "share to room"); this page never imports them.
 */
export function NodePage({
  nodeId,
  actions,
  incidents,
  maintenance,
}: {
  nodeId: string
  actions?: ReactNode
  /** The node's maintenance windows (from the team room): drawn on the strip, left out of uptime. */
  maintenance?: readonly TimeWindow[]
  /** Below the header: the node's open incident and maintenance (from the incidents feature). */
  incidents?: ReactNode
}) {
  const t = useT(nodePageMessages)
  const lang = useLang()
  const thresholds = useThresholds()
  // The fleet poll's data: liveness at the overview's rhythm, and a page for ids the registry cannot route.
  const node = useNodeEntry(nodeId)
  const entry = node.entry

  if (!entry && node.pending) return <NodePageSkeleton label={t('loading')} />
  if (!entry) {
    return (
      <div className="mx-auto max-w-3xl p-4">
        <Banner tone="bad" action={<Button onClick={node.retry}>{t('retry')}</Button>}>
          <ErrorDetails detail={node.error?.message} summary={t('technicalDetails')}>
            {t('loadFailed')}
          </ErrorDetails>
        </Banner>
      </div>
    )
  }
  if (entry.kind === 'not-found') return <NodeNotFound nodeId={nodeId} />
  if (entry.kind === 'invalid') return <NodeInvalid nodeId={nodeId} raw={entry.raw} error={entry.error} />

  return (
    <div className="mx-auto max-w-7xl space-y-4 p-4">
      <Link to="/" className="text-sm text-accent underline">
        {t('back')}
      </Link>
      <NodeHeader node={entry.node} thresholds={thresholds} readAt={node.readAt} actions={actions} />
      {incidents}
      {entry.issues.length > 0 && (
        <Banner tone="warn">{t('fieldIssues', { fields: entry.issues.join(', ') })}</Banner>
      )}
      {node.readAt !== null && (
        <Banner tone="warn" action={<Button onClick={node.retry}>{t('retry')}</Button>}>
          {t('registryUnreachable', { time: formatDateTime(node.readAt, lang) })}
        </Banner>
      )}
      {!node.routable && <Banner tone="info">{t('unroutable')}</Banner>}
      <OrphanBanner nodeId={nodeId} />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <NodeIdentity node={entry.node} thresholds={thresholds} readAt={node.readAt} />
        <NodeAddressesWithVpn node={entry.node} routable={node.routable} />
        <NodeCapabilities capabilities={entry.node.metadata.capabilities} />
      </div>
      <NodeHistoryArea
        nodeId={nodeId}
        lastHeartbeat={entry.node.last_heartbeat}
        registeredAt={entry.node.registered_at}
        thresholds={thresholds}
        unreachable={node.readAt !== null}
        maintenance={maintenance}
      />
      {node.routable && <NodeProfileSection nodeId={nodeId} />}
    </div>
  )
}

function NodeHeader({
  node,
  thresholds,
  readAt,
  actions,
}: {
  node: RegistryNode
  thresholds: LivenessThresholds
  readAt: number | null
  actions: ReactNode
}) {
  return (
    <header className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0 space-y-1">
        {/* Long names wrap at word boundaries; only an unbreakable run is broken. */}
        <h1 className="text-2xl font-semibold break-words">
          {node.node_name && node.node_name !== node.node_id ? (
            <RegistryText value={node.node_name} />
          ) : (
            <VisibleId value={node.node_id} />
          )}
        </h1>
        {node.node_name && node.node_name !== node.node_id && (
          <p className="font-mono text-sm text-muted">
            <VisibleId value={node.node_id} />
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <LivenessLine lastHeartbeat={node.last_heartbeat} thresholds={thresholds} readAt={readAt} />
          <ReportedStatus status={node.status} />
        </div>
      </div>
      {actions && <div className="flex items-center gap-2">{actions}</div>}
    </header>
  )
}

function useProfileState(nodeId: string): ProfileState {
  const profile = useNodeProfile(nodeId)
  const data = profile.data
  if (data?.kind === 'ok') return { kind: 'ok', profile: data.profile }
  if (data?.kind === 'unavailable')
    return { kind: 'unavailable', status: data.status ?? null, reason: data.reason }
  if (profile.isError) return { kind: 'unavailable', status: null, reason: profile.error.message }
  return { kind: 'loading' }
}

function NodeAddressesWithVpn({ node, routable }: { node: RegistryNode; routable: boolean }) {
  if (!routable) return <NodeAddresses node={node} vpnIp={null} />
  return <RoutedAddresses node={node} />
}

function RoutedAddresses({ node }: { node: RegistryNode }) {
  const state = useProfileState(node.node_id)
  return <NodeAddresses node={node} vpnIp={state.kind === 'ok' ? state.profile.vpn_ip : null} />
}

function NodeProfileSection({ nodeId }: { nodeId: string }) {
  return <NodeProfileCard state={useProfileState(nodeId)} />
}
