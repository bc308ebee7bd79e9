// Polling figures: placeholder.
export async function pollingHourFigures() {
  return [
    { name: 'heap_growth_pct_1h_1k', value: null, unit: '%', budget: 10, note: 'MISSING: not measured yet' },
    {
      name: 'registry_requests_per_min_1k',
      value: null,
      unit: 'req/min',
      budget: 10,
      note: 'MISSING: not measured yet',
    },
  ]
}
