import type { Query, QueryClient } from '@tanstack/react-query'
import type { ObservedHistoryStore } from '../model/observed-history-store.ts'
import type { FleetSnapshot } from './get-fleet.ts'
import type { NodeLookup } from './get-node.ts'
import { nodeKeyKind } from './query-keys.ts'

/**
 * Feeds the observed history from the query cache: every successful fleet poll and node fetch is recorded
 * as seen at its request's start, so a fetch in flight across a clock jump (a sleeping laptop, a faked clock)
 * says nothing about the jump. The query functions only return data. Returns the unsubscribe.
 */
export function observeRegistryQueries(client: QueryClient, store: ObservedHistoryStore): () => void {
  const fetchStarts = new WeakMap<Query, number>()
  return client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return
    const { action } = event
    const query = event.query as Query
    const kind = nodeKeyKind(query.queryKey)
    if (kind !== 'fleet' && kind !== 'detail') return
    if (action.type === 'fetch') fetchStarts.set(query, Date.now())
    if (action.type !== 'success') return
    if (kind === 'fleet') {
      const snapshot = action.data as FleetSnapshot
      // Only the nodes this pass returned: the ones carried over from the pass before were not seen again.
      store.record(snapshot.seen ?? snapshot.entries, snapshot.startedAt)
      return
    }
    const lookup = action.data as NodeLookup
    if (lookup.kind === 'ok') store.record([lookup], fetchStarts.get(query) ?? Date.now())
  })
}
