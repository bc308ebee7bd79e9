import type { NodeProfile } from '@/entities/node/model/schemas.ts'
import { cn } from '@/lib/cn.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { Banner } from '@/ui/banner.tsx'
import { Skeleton } from '@/ui/skeleton.tsx'
import { Card, Chips, Field, FieldList } from './field-list.tsx'
import { nodePageMessages } from '../node-page-messages.ts'

export type ProfileState =
  | { kind: 'loading' }
  | { kind: 'ok'; profile: NodeProfile }
  | { kind: 'unavailable'; status: number | null; reason: string }

/** `{"name": "…", "vram_gb": 20}` → "… · 20 GB VRAM"; any other shape as key: value text. */
function gpuText(gpu: Record<string, unknown> | null, none: string): string {
  if (!gpu) return none
  const name = typeof gpu.name === 'string' ? gpu.name : null
  const extras = Object.entries(gpu)
    .filter(([k]) => k !== 'name')
    .map(
      ([k, v]) =>
        `${k.replace(/_/g, ' ')}: ${typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v)}`,
    )
  return [name, ...extras].filter(Boolean).join(' · ') || none
}

/** The /profile answer: roles, GPU, version, VPN address and modules; or why it is missing. */
export function NodeProfileCard({ state }: { state: ProfileState }) {
  const t = useT(nodePageMessages)
  return (
    <Card title={t('profile')} id="node-profile">
      {state.kind === 'loading' && (
        <div className="space-y-2" aria-busy="true" aria-label={t('profileLoading')}>
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
          <Skeleton className="h-24 w-full" />
        </div>
      )}
      {state.kind === 'unavailable' && (
        <Banner tone="warn">
          {state.status === null
            ? t('profileUnavailableReason', { reason: state.reason })
            : t('profileUnavailable', { status: state.status })}
        </Banner>
      )}
      {state.kind === 'ok' && (
        <div className="space-y-4">
          <FieldList>
            <Field label={t('roles')}>
              <Chips items={state.profile.roles} empty={t('none')} />
            </Field>
            <Field label={t('gpu')}>{gpuText(state.profile.gpu, t('gpuNone'))}</Field>
            <Field label={t('version')} mono>
              {state.profile.version ?? t('none')}
            </Field>
            <Field label={t('vpnIp')} mono>
              {state.profile.vpn_ip ?? t('none')}
            </Field>
          </FieldList>
          <ModulesTable modules={state.profile.modules} />
        </div>
      )}
    </Card>
  )
}

function ModulesTable({ modules }: { modules: NodeProfile['modules'] }) {
  const t = useT(nodePageMessages)
  if (modules.length === 0) return <p className="text-sm text-muted">{t('noModules')}</p>
  return (
    <div
      // A scrollable box must be reachable by keyboard, or its lower rows are out of reach.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above (axe: scrollable-region-focusable)
      tabIndex={0}
      role="region"
      aria-label={t('modulesCount', { count: modules.length })}
      className="max-h-96 overflow-auto rounded border border-border"
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('modulesCount', { count: modules.length })}</caption>
        <thead className="sticky top-0 bg-sunken text-xs text-muted">
          <tr>
            <th scope="col" className="px-2 py-1 font-medium">
              {t('moduleId')}
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              {t('modulePort')}
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              {t('moduleStatus')}
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              {t('moduleModels')}
            </th>
          </tr>
        </thead>
        <tbody>
          {modules.map((m, i) => (
            <tr key={`${m.id}-${i}`} className="border-t border-border">
              <th scope="row" className="px-2 py-1 font-mono font-normal">
                {m.id}
              </th>
              <td className="px-2 py-1 tabular-nums">{m.port ?? '—'}</td>
              <td className="px-2 py-1">
                <span
                  className={cn(
                    'font-medium',
                    m.status === 'up' ? 'text-ok' : m.status === 'degraded' ? 'text-warn' : 'text-unknown',
                  )}
                >
                  {m.status ?? '—'}
                </span>
              </td>
              <td className="px-2 py-1 text-xs">{m.models?.join(', ') ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
