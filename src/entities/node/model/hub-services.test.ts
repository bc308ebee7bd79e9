import { describe, expect, it } from 'vitest'
import { spokeMap } from './hub-services.ts'

const row = (node_id: string, node_role: string, node_type: string, services: string[] = []) => ({
  node_id,
  node_role,
  node_type,
  metadata: { capabilities: { services } },
})

describe('spokeMap', () => {
  it('gives every node the service providers it reaches through, production first, never itself', () => {
    const map = spokeMap([
      row('dev-router', 'development', 'router'),
      row('prod-router', 'production', 'router', ['infra.nats']),
      row('worker', 'worker', 'worker'),
    ])
    expect(map.get('worker')).toEqual(['prod-router'])
    expect(map.get('dev-router')).toEqual(['prod-router'])
    expect(map.get('prod-router')).toEqual([])
  })
})
