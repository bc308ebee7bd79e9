import {
  livenessAsKnown,
  classifyReportedStatus,
  type LivenessThresholds,
} from '@/entities/node/model/liveness.ts'
import type { RegistryNode } from '@/entities/node/model/schemas.ts'
import { livenessBorder, livenessText } from '@/entities/node/ui/liveness-style.ts'
import { nodeMessages } from '@/entities/node/ui/node-messages.ts'
import { cn } from '@/lib/cn.ts'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime, formatRelative } from '@/lib/time/format-time.ts'
import { useNow } from '@/lib/time/now-store.ts'
import { RegistryText, VisibleId } from '@/ui/registry-text.tsx'
import { Card, Field, FieldList } from './field-list.tsx'
import { nodePageMessages } from '../node-page-messages.ts'

/** Derived liveness with the heartbeat's age, ticking on the shared 1 s clock. */
export function LivenessLine({
  lastHeartbeat,
  thresholds,
  readAt = null,
}: {
  lastHeartbeat: number | null
  thresholds: LivenessThresholds
  /** While the registry cannot be read: the start of the last good read. */
  readAt?: number | null
}) {
  const t = useT(nodePageMessages)
  const livenessWord = useT(nodeMessages)
  const lang = useLang()
  const now = useNow()
  const liveness = livenessAsKnown(lastHeartbeat, now, thresholds, readAt)
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span
        className={cn(
          'rounded-full border px-2 py-0.5 text-xs font-semibold',
          livenessBorder[liveness],
          livenessText[liveness],
        )}
      >
        {liveness === 'unreachable'
          ? t('livenessUnreachable', { time: formatDateTime(readAt ?? now, lang) })
          : livenessWord(liveness)}
      </span>
      <span className="text-sm text-muted">
        {lastHeartbeat === null ? (
          t('neverBeat')
        ) : (
          <time dateTime={new Date(lastHeartbeat).toISOString()} title={formatDateTime(lastHeartbeat, lang)}>
            {formatRelative(lastHeartbeat, now, lang)}
          </time>
        )}
      </span>
    </span>
  )
}

/** The reported status, shown apart from liveness: the registry keeps whatever the last heartbeat sent. */
export function ReportedStatus({ status }: { status: string | null }) {
  const t = useT(nodePageMessages)
  const kind = classifyReportedStatus(status)
  const cls =
    kind === 'maintenance'
      ? 'text-info'
      : kind === 'degraded'
        ? 'text-warn'
        : kind === 'other'
          ? 'text-unknown'
          : 'text-fg'
  return (
    <span className={cn('font-mono text-sm', cls)} title={t('reportedStatusHint')}>
      {status === null ? t('noReportedStatus') : <RegistryText value={status} />}
    </span>
  )
}

export function NodeIdentity({
  node,
  thresholds,
  readAt,
}: {
  node: RegistryNode
  thresholds: LivenessThresholds
  readAt: number | null
}) {
  const t = useT(nodePageMessages)
  const lang = useLang()
  return (
    <Card title={t('identity')} id="node-identity">
      <FieldList>
        <Field label={t('nodeId')} mono>
          <VisibleId value={node.node_id} />
        </Field>
        <Field label={t('role')}>
          {node.node_role ? <RegistryText value={node.node_role} /> : t('none')}
        </Field>
        <Field label={t('type')}>
          {node.node_type ? <RegistryText value={node.node_type} /> : t('none')}
        </Field>
        <Field label={t('liveness')}>
          <LivenessLine lastHeartbeat={node.last_heartbeat} thresholds={thresholds} readAt={readAt} />
        </Field>
        <Field label={t('reportedStatus')}>
          <ReportedStatus status={node.status} />
        </Field>
        <Field label={t('registered')}>
          {node.registered_at === null ? t('none') : formatDateTime(node.registered_at, lang)}
        </Field>
        {node.id && (
          <Field label={t('databaseId')} mono>
            {node.id}
          </Field>
        )}
      </FieldList>
    </Card>
  )
}

export function NodeAddresses({ node, vpnIp }: { node: RegistryNode; vpnIp: string | null }) {
  const t = useT(nodePageMessages)
  const system = node.metadata.capabilities.system
  return (
    <Card title={t('addresses')} id="node-addresses">
      <FieldList>
        <Field label={t('ip')} mono>
          {node.ip_address ?? system?.public_ip ?? t('none')}
        </Field>
        <Field label={t('localIp')} mono>
          {node.local_ip ?? system?.local_ip ?? t('none')}
        </Field>
        <Field label={t('hostname')} mono>
          {(node.hostname ?? system?.hostname) ? (
            <VisibleId value={node.hostname ?? system?.hostname ?? ''} />
          ) : (
            t('none')
          )}
        </Field>
        <Field label={t('vpnIp')} mono>
          {vpnIp ?? t('none')}
        </Field>
      </FieldList>
    </Card>
  )
}
