import { METRICS, summarizeMetric, type MetricSeries } from '@/entities/node/model/history-range.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { nodePageMessages } from '../node-page-messages.ts'

const LABEL = { cpu: 'cpu', mem: 'memory', disk: 'disk' } as const
const fmt = (v: number | undefined) => (v === undefined ? '—' : `${v.toFixed(1)}%`)

/** The chart's numbers for screen readers: latest, min, mean and max of each metric over the range. */
export function MetricsSummaryTable({
  series,
  domain,
  caption,
}: {
  series: MetricSeries
  domain: { from: number; to: number }
  caption: string
}) {
  const t = useT(nodePageMessages)
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('metric')}</th>
          <th scope="col">{t('latest')}</th>
          <th scope="col">{t('min')}</th>
          <th scope="col">{t('avg')}</th>
          <th scope="col">{t('max')}</th>
        </tr>
      </thead>
      <tbody>
        {METRICS.map((k) => {
          const s = summarizeMetric(series.t, series[k], domain)
          return (
            <tr key={k}>
              <th scope="row">{t(LABEL[k])}</th>
              <td>{fmt(s?.last)}</td>
              <td>{fmt(s?.min)}</td>
              <td>{fmt(s?.avg)}</td>
              <td>{fmt(s?.max)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
