import type { IFilterDefinition } from 'matrix-js-sdk'

/** How many recent events a sync brings per room; older ones come from back-pagination. */
export const INITIAL_SYNC_LIMIT = 30

/**
 * A lean sync: the console shows one room, so no global account data (push rules are fetched apart),
 * members loaded lazily, a short timeline, and of the room's account data only the read marker.
 */
export const syncFilterDefinition: IFilterDefinition = {
  account_data: { not_types: ['*'] },
  room: {
    timeline: { limit: INITIAL_SYNC_LIMIT },
    state: { lazy_load_members: true },
    account_data: { types: ['m.fully_read'] },
    ephemeral: { types: ['m.receipt', 'm.typing'] },
  },
}
