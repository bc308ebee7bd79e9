import type { Capabilities } from '@/entities/node/model/schemas.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { Card, Chips, Field, FieldList } from './field-list.tsx'
import { nodePageMessages } from '../node-page-messages.ts'

/** What the node agent says the machine can do (metadata.capabilities); any part may be missing. */
export function NodeCapabilities({ capabilities }: { capabilities: Capabilities }) {
  const t = useT(nodePageMessages)
  const { system, services, features, gpu, ollama } = capabilities
  const platform = [system?.platform, system?.platform_version].filter(Boolean).join(' ')
  const gpuText =
    gpu === null
      ? t('noneReported')
      : gpu.available
        ? gpu.gpus.length > 0
          ? gpu.gpus.join(', ')
          : String(gpu.count ?? '')
        : t('gpuNone')
  return (
    <Card title={t('capabilities')} id="node-capabilities">
      <FieldList>
        <Field label={t('platform')}>{platform || t('noneReported')}</Field>
        <Field label={t('architecture')}>{system?.architecture ?? t('noneReported')}</Field>
        <Field label={t('cpus')}>{system?.cpu_count ?? t('noneReported')}</Field>
        <Field label={t('memoryTotal')}>
          {system?.memory_total_gb == null ? t('noneReported') : t('gb', { n: system.memory_total_gb })}
        </Field>
        <Field label={t('diskTotal')}>
          {system?.disk_total_gb == null ? t('noneReported') : t('gb', { n: system.disk_total_gb })}
        </Field>
        {system?.python_version && <Field label={t('python')}>{system.python_version}</Field>}
        <Field label={t('services')}>
          <Chips items={services} empty={t('noneReported')} />
        </Field>
        <Field label={t('features')}>
          <Chips items={features} empty={t('noneReported')} />
        </Field>
        <Field label={t('gpu')}>{gpuText}</Field>
        <Field label={t('models')}>
          <Chips items={ollama?.models ?? []} empty={t('noneReported')} />
        </Field>
      </FieldList>
    </Card>
  )
}
