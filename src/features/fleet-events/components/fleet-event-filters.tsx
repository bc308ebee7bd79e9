import { useT } from '@/lib/i18n/use-t.ts'
import { Button } from '@/ui/button.tsx'
import { SearchField } from '@/ui/search-field.tsx'
import { ToggleGroup, toggled } from '@/ui/toggle-group.tsx'
import { EVENT_KINDS, type EventFilters } from '../model/derive-events.ts'
import { fleetEventsMessages } from '../fleet-events-messages.ts'

/** Node and kind filters of the timeline; the state lives in the URL (`?node=…&kind=stale,offline`). */
export function FleetEventFilters({
  filters,
  onChange,
  summary,
}: {
  filters: EventFilters
  onChange: (f: EventFilters) => void
  summary: string
}) {
  const t = useT(fleetEventsMessages)
  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-border bg-surface px-4 py-3">
      <SearchField
        label={t('filterNode')}
        labelClassName="text-sm font-medium"
        value={filters.node}
        placeholder={t('filterNodePlaceholder')}
        onChange={(e) => onChange({ ...filters, node: e.target.value })}
        className="basis-56"
      />
      <ToggleGroup
        label={t('filterKinds')}
        options={EVENT_KINDS}
        selected={filters.kinds}
        labelOf={(k) => t(k)}
        onToggle={(k) => onChange({ ...filters, kinds: toggled(filters.kinds, k) })}
      />
      {(filters.node !== '' || filters.kinds.length > 0) && (
        <Button variant="ghost" onClick={() => onChange({ node: '', kinds: [] })}>
          {t('clear')}
        </Button>
      )}
      <span role="status" className="ml-auto text-sm tabular-nums text-muted">
        {summary}
      </span>
    </div>
  )
}
