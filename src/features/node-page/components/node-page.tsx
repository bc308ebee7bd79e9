import { useMemo, type ReactNode } from 'react'
import { Link } from 'react-router'
import { useNode } from '@/entities/node/api/get-node.ts'
import { useNodeProfile } from '@/entities/node/api/get-node-profile.ts'
import { thresholdsFromConfig } from '@/entities/node/model/liveness.ts'
import type { RegistryNode } from '@/entities/node/model/schemas.ts'
import { useConfig } from '@/lib/config/config-context.tsx'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime } from '@/lib/time/format-time.ts'
import { Banner } from '@/ui/banner.tsx'
import { Button } from '@/ui/button.tsx'
import { NodeCapabilities } from './node-capabilities.tsx'
import { NodeHistoryArea } from './node-history-area.tsx'
import { LivenessLine, NodeAddresses, NodeIdentity, ReportedStatus } from './node-identity.tsx'
import { NodeInvalid, NodeNotFound, NodePageSkeleton } from './node-page-states.tsx'
import { nodePageMessages } from '../node-page-messages.ts'
import { NodeProfileCard, type ProfileState } from './node-profile-card.tsx'

/**
 * One node: identity, addresses, capabilities, profile, latest metrics and heartbeat history. `actions` is
 * where the app puts buttons from other features (e.g. "share to room"); this page never imports them.
 */
export function NodePage({ nodeId, actions }: { nodeId: string; actions?: ReactNode }) {
  const t = useT(nodePageMessages)
  const lang = useLang()
  const config = useConfig()
  const thresholds = useMemo(() => thresholdsFromConfig(config), [config])
  const node = useNode(nodeId, { refetchInterval: config.heartbeatIntervalSeconds * 1000 })
  const entry = node.data

  if (node.isPending) return <NodePageSkeleton label={t('loading')} />
  if (!entry) {
    return (
      <div className="mx-auto max-w-3xl p-4">
        <Banner tone="bad" action={<Button onClick={() => void node.refetch()}>{t('retry')}</Button>}>
          {t('loadFailed', { error: node.error.message })}
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
      <NodeHeader node={entry.node} thresholds={thresholds} actions={actions} />
      {entry.issues.length > 0 && (
        <Banner tone="warn">{t('fieldIssues', { fields: entry.issues.join(', ') })}</Banner>
      )}
      {node.isError && (
        <Banner tone="warn">{t('staleSince', { time: formatDateTime(node.dataUpdatedAt, lang) })}</Banner>
      )}
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <NodeIdentity node={entry.node} thresholds={thresholds} />
        <NodeAddressesWithVpn node={entry.node} />
        <NodeCapabilities capabilities={entry.node.metadata.capabilities} />
      </div>
      <NodeHistoryArea
        nodeId={nodeId}
        lastHeartbeat={entry.node.last_heartbeat}
        registeredAt={entry.node.registered_at}
        thresholds={thresholds}
      />
      <NodeProfileSection nodeId={nodeId} />
    </div>
  )
}

function NodeHeader({
  node,
  thresholds,
  actions,
}: {
  node: RegistryNode
  thresholds: ReturnType<typeof thresholdsFromConfig>
  actions: ReactNode
}) {
  return (
    <header className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0 space-y-1">
        <h1 className="text-2xl font-semibold break-all">{node.node_name ?? node.node_id}</h1>
        {node.node_name && node.node_name !== node.node_id && (
          <p className="font-mono text-sm text-muted break-all">{node.node_id}</p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <LivenessLine lastHeartbeat={node.last_heartbeat} thresholds={thresholds} />
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

function NodeAddressesWithVpn({ node }: { node: RegistryNode }) {
  const state = useProfileState(node.node_id)
  return <NodeAddresses node={node} vpnIp={state.kind === 'ok' ? state.profile.vpn_ip : null} />
}

function NodeProfileSection({ nodeId }: { nodeId: string }) {
  return <NodeProfileCard state={useProfileState(nodeId)} />
}
