import type { PresenceTransport } from '../model/presence-transport.ts'
import { createDirectTransport } from './direct-transport.ts'
import { createGatewayTransport } from './gateway-transport.ts'
import type { PresenceClient } from './presence-client.ts'

export type PresenceTransportKind = 'direct' | 'gateway'

/**
 * The transport the configuration asks for (`presenceTransport`, `gatewayUrl`). The gateway needs its URL:
 * without one, presence goes direct rather than nowhere.
 */
export function createPresenceTransport(
  client: PresenceClient,
  kind: PresenceTransportKind,
  gatewayUrl: string | undefined,
): PresenceTransport {
  return kind === 'gateway' && gatewayUrl
    ? createGatewayTransport(client, gatewayUrl)
    : createDirectTransport(client)
}
