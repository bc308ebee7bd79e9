import { describe, expect, it } from 'vitest'
import { createCapabilities, createNode } from '@mocks/registry/factories.ts'
import { NodeSchema } from '../model/schemas.ts'
import { createFleetParser } from './fleet-parser.ts'
import { parseNodeEntry } from './node-entry.ts'

// The fleet's parser, whose caches must not change what it reads.
const parser = createFleetParser()
const ok = (raw: unknown) => {
  const e = parser.entry(raw)
  if (e.kind !== 'ok') throw new Error(`expected a usable node: ${e.error}`)
  return e
}

describe('parseNodeEntry', () => {
  it('reads a node exactly as the schema does', () => {
    for (const raw of [
      createNode({ node_id: 'same-a' }),
      createNode({ node_id: 'same-b', metadata: 'oops' }),
      createNode({ node_id: 'same-c', metadata: undefined }),
      { node_id: 'same-d' },
    ]) {
      expect(ok(raw).node).toEqual(NodeSchema.parse(raw))
    }
  })

  it('re-parses the metadata of a node when it changes, and reuses it while it does not', () => {
    const first = ok(createNode({ node_id: 'meta-1' })).node.metadata
    expect(ok(createNode({ node_id: 'meta-1', status: 'degraded' })).node.metadata).toBe(first)
    const caps = createCapabilities({ services: ['node-agent', 'ollama'] })
    const changed = ok(createNode({ node_id: 'meta-1', metadata: { capabilities: caps } })).node.metadata
    expect(changed.capabilities.services).toEqual(['node-agent', 'ollama'])
    expect(
      ok(createNode({ node_id: 'meta-1', metadata: 'oops' })).node.metadata.capabilities.system,
    ).toBeNull()
  })

  it('an unreadable record keeps its raw value and says why', () => {
    const e = parseNodeEntry({ node_id: '', hostname: 'x' })
    expect(e).toMatchObject({ kind: 'invalid', raw: { node_id: '', hostname: 'x' } })
    expect(e.kind === 'invalid' && e.error).toContain('node_id')
    expect(parseNodeEntry(null)).toMatchObject({ kind: 'invalid', raw: null })
  })
})
