import type { Incident } from '@/entities/incident/model/incident.ts'

/** One change of an incident, as its message's edits tell it. */
export type IncidentChange =
  | { at: number; kind: 'opened'; nodes: string[] }
  | { at: number; kind: 'joined'; nodes: string[] }
  | { at: number; kind: 'back'; nodes: string[] }
  | { at: number; kind: 'down-again'; nodes: string[] }
  | { at: number; kind: 'flapping'; nodes: string[] }
  | { at: number; kind: 'acknowledged'; userId: string }
  | { at: number; kind: 'escalated'; reason: 'unacknowledged' | 'acknowledger-offline' }
  | { at: number; kind: 'resolved'; durationMs: number }
  | { at: number; kind: 'reopened' }

const added = (after: readonly string[], before: readonly string[]) =>
  after.filter((x) => !before.includes(x))

/**
 * The changes between consecutive versions of an incident (its first message, then each edit, oldest
 * first), so the view can tell its story without the bot keeping one. A version that changes nothing the
 * reader cares about adds nothing.
 */
export function timelineOf(versions: readonly { at: number; incident: Incident }[]): IncidentChange[] {
  const sorted = [...versions].sort((a, b) => a.at - b.at)
  const out: IncidentChange[] = []
  let prev: Incident | null = null
  for (const { at, incident: i } of sorted) {
    if (!prev) {
      out.push({ at: i.since, kind: 'opened', nodes: [...i.nodes, ...i.through] })
    } else {
      const joined = added([...i.nodes, ...i.through], [...prev.nodes, ...prev.through])
      if (joined.length > 0) out.push({ at, kind: 'joined', nodes: joined })
      const back = added(prev.down, i.down).filter((id) => !joined.includes(id))
      if (back.length > 0 && i.state !== 'resolved') out.push({ at, kind: 'back', nodes: back })
      const again = added(i.down, prev.down).filter((id) => !joined.includes(id))
      if (again.length > 0) out.push({ at, kind: 'down-again', nodes: again })
      const flapping = added(i.flapping, prev.flapping)
      if (flapping.length > 0) out.push({ at, kind: 'flapping', nodes: flapping })
      if (i.ack && i.ack.userId !== prev.ack?.userId)
        out.push({ at: i.ack.at, kind: 'acknowledged', userId: i.ack.userId })
      for (const e of i.escalations.slice(prev.escalations.length))
        out.push({ at: e.at, kind: 'escalated', reason: e.reason })
      if (i.state === 'resolved' && prev.state !== 'resolved')
        out.push({ at: i.resolvedAt ?? at, kind: 'resolved', durationMs: (i.resolvedAt ?? at) - i.since })
      if (i.state !== 'resolved' && prev.state === 'resolved') out.push({ at, kind: 'reopened' })
    }
    prev = i
  }
  return out
}
