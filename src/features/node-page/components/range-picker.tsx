import { useId } from 'react'
import { HISTORY_RANGES, type HistoryRange } from '@/entities/node/model/history-range.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { nodePageMessages } from '../node-page-messages.ts'

export const RANGE_LABEL = { '1h': 'range1h', '24h': 'range24h', '7d': 'range7d', '30d': 'range30d' } as const
export const RANGE_NAME = {
  '1h': 'rangeName1h',
  '24h': 'rangeName24h',
  '7d': 'rangeName7d',
  '30d': 'rangeName30d',
} as const

/** The range choice as a native radio group (arrow keys move between ranges), styled as segmented buttons. */
export function RangePicker({
  value,
  onChange,
}: {
  value: HistoryRange
  onChange: (r: HistoryRange) => void
}) {
  const t = useT(nodePageMessages)
  const name = useId()
  return (
    <fieldset className="inline-flex rounded-md border border-border p-0.5">
      <legend className="sr-only">{t('range')}</legend>
      {HISTORY_RANGES.map((r) => (
        <label
          key={r}
          className="relative cursor-pointer rounded px-3 py-1 text-sm has-checked:bg-accent has-checked:text-accent-fg has-focus-visible:outline-2 has-focus-visible:outline-accent"
        >
          <input
            type="radio"
            name={name}
            value={r}
            checked={value === r}
            onChange={() => onChange(r)}
            // Invisible but covering its label: clicks land on the radio itself.
            className="absolute inset-0 cursor-pointer opacity-0"
          />
          {t(RANGE_LABEL[r])}
        </label>
      ))}
    </fieldset>
  )
}
