import {
  isOpen,
  type Escalation,
  type Incident,
  type Maintenance,
} from '../../../src/entities/incident/model/incident.ts'
import {
  escalationContent,
  incidentContent,
  incidentEditContent,
  MAINTENANCE_EVENT_TYPE,
} from '../../../src/entities/incident/model/incident-content.ts'
import {
  acknowledge,
  observeFleet,
  presenceChanged,
  restoreIncidents,
} from '../../../src/entities/incident/model/incident-machine.ts'
import {
  initialIncidentState,
  type IncidentStep,
} from '../../../src/entities/incident/model/incident-step.ts'
import {
  ackOf,
  maintenanceOf,
  readIncidents,
  type RoomEvent,
} from '../../../src/entities/incident/model/room-record.ts'
import type { BotConfig } from './bot-config.ts'
import type { MatrixRoomPort, SyncBatch } from './matrix-room-port.ts'
import type { RegistryReader } from './registry-reader.ts'

export interface IncidentBotDeps {
  room: MatrixRoomPort
  registry: RegistryReader
  now: () => number
  log: (line: string) => void
  config: Pick<BotConfig, 'language' | 'pollMs' | 'rules' | 'historyLimit'>
}

export interface IncidentBot {
  /** Joins the room and rebuilds the open incidents from the bot's own messages there. */
  start(): Promise<void>
  /** One poll of the fleet, and what it changed published. */
  poll(): Promise<void>
  /** What one `/sync` brought: maintenance, 👀 reactions, presence. */
  receive(batch: Pick<SyncBatch, 'timeline' | 'state' | 'presence'>): Promise<void>
  /** Polls and syncs until `signal` aborts. */
  run(signal: AbortSignal): Promise<void>
  openIncidents(): Incident[]
}

/**
 * The incident bot: the pure incident model driven by the registry's polls and the room's sync, publishing
 * each incident as one `m.notice` that later changes edit in place. It keeps no state of its own: on start
 * it reads its own messages back from the room. Sends go out one at a time, so edits stay in order.
 */
export function createIncidentBot(deps: IncidentBotDeps): IncidentBot {
  const { room, config, log } = deps
  let state = initialIncidentState()
  const maintenance = new Map<string, Maintenance>()
  const messageOf = new Map<string, string>()
  const incidentOfMessage = new Map<string, string>()
  /** The latest version of each incident not yet published; a failed send stays here for the next flush. */
  const outbox = new Map<string, Incident>()
  const escalations: { incident: Incident; escalation: Escalation }[] = []
  let me = ''
  let since: string | null = null
  let edits = 0
  let chain: Promise<void> = Promise.resolve()

  const apply = (s: IncidentStep) => {
    state = s.state
    for (const e of s.effects) {
      if (e.kind === 'escalated') escalations.push({ incident: e.incident, escalation: e.escalation })
      else outbox.set(e.incident.id, e.incident)
    }
  }

  const remember = (incidentId: string, eventId: string) => {
    messageOf.set(incidentId, eventId)
    incidentOfMessage.set(eventId, incidentId)
  }

  const publish = async () => {
    for (const [id, incident] of [...outbox]) {
      const eventId = messageOf.get(id)
      try {
        if (eventId === undefined) {
          // The same transaction id on a retry returns the first event instead of a second message.
          remember(id, await room.send({ ...incidentContent(incident, config.language) }, `incident-${id}`))
          log(`opened ${id}: ${incident.nodes.join(', ') || incident.kind}`)
        } else {
          const content = incidentEditContent(incident, config.language, eventId)
          await room.send(content, `incident-${id}-edit-${deps.now()}-${++edits}`)
          log(`edited ${id}: ${incident.state}`)
        }
        if (outbox.get(id) === incident) outbox.delete(id)
      } catch (e) {
        log(`could not publish ${id} (will retry): ${String(e)}`)
        return
      }
    }
    while (escalations.length > 0) {
      const next = escalations[0]
      const root = next && messageOf.get(next.incident.id)
      if (!next || root === undefined) return
      try {
        const members = new Set(await room.members())
        const online = Object.entries(state.presence)
          .filter(([user, p]) => p.presence === 'online' && user !== me && members.has(user))
          .map(([user]) => user)
          .sort()
        const content = escalationContent(next.incident, next.escalation, online, config.language, root)
        await room.send(
          content,
          `incident-${next.incident.id}-esc-${next.escalation.reason}-${next.escalation.at}`,
        )
        log(
          `escalated ${next.incident.id}: ${next.escalation.reason}, mentioning ${online.join(', ') || 'nobody'}`,
        )
        escalations.shift()
      } catch (e) {
        log(`could not escalate ${next.incident.id} (will retry): ${String(e)}`)
        return
      }
    }
  }
  const flush = () => (chain = chain.then(publish))

  const readEvents = (list: readonly RoomEvent[]) => {
    for (const e of list) {
      const m = maintenanceOf(e, MAINTENANCE_EVENT_TYPE)
      if (m) {
        if (m.maintenance) maintenance.set(m.nodeId, m.maintenance)
        else maintenance.delete(m.nodeId)
        log(
          `maintenance of ${m.nodeId}: ${m.maintenance ? `until ${new Date(m.maintenance.until).toISOString()}` : 'none'}`,
        )
        continue
      }
      const ack = ackOf(e, me)
      const id = ack ? incidentOfMessage.get(ack.eventId) : undefined
      if (ack && id !== undefined)
        apply(acknowledge(state, id, ack.userId, Math.max(ack.at, 0), config.rules))
    }
  }

  const bot: IncidentBot = {
    async start() {
      me = await room.whoami()
      await room.join()
      const now = deps.now()
      const recorded = readIncidents(await room.history(config.historyLimit), me)
      const keep: Incident[] = []
      for (const r of recorded.values()) {
        const i = r.incident
        const recent = i.resolvedAt !== null && now - i.resolvedAt <= config.rules.flapWindowMs
        if (!isOpen(i) && !recent) continue
        keep.push(i)
        remember(i.id, r.eventId)
      }
      state = restoreIncidents(state, keep)
      // Maintenance, reactions and presence as they are now, before the first poll can open anything.
      const first = await room.sync(null, 0)
      since = first.next
      await bot.receive(first)
      log(`watching as ${me}; ${keep.filter(isOpen).length} open incident(s) read back from the room`)
    },
    async poll() {
      const obs = await deps.registry.readFleet(deps.now())
      apply(observeFleet(state, obs, maintenance, config.rules))
      await flush()
    },
    async receive(batch) {
      // State first: a maintenance set in the same batch as a reaction is already known.
      readEvents(batch.state)
      readEvents(batch.timeline)
      for (const p of batch.presence)
        apply(presenceChanged(state, p.userId, p.presence, deps.now(), config.rules))
      await flush()
    },
    async run(signal) {
      const stopped = () => signal.aborted
      const syncing = (async () => {
        while (!signal.aborted) {
          try {
            const batch = await room.sync(since, 10_000, signal)
            since = batch.next
            await bot.receive(batch)
          } catch (e) {
            // A function, not the property: TypeScript would keep the loop condition's narrowing across awaits.
            if (stopped()) return
            log(`sync failed (retrying): ${String(e)}`)
            await pause(2_000, signal)
          }
        }
      })()
      while (!signal.aborted) {
        const started = deps.now()
        await bot.poll().catch((e: unknown) => log(`poll failed: ${String(e)}`))
        await pause(Math.max(0, config.pollMs - (deps.now() - started)), signal)
      }
      await syncing
    },
    openIncidents: () => state.incidents.filter(isOpen),
  }
  return bot
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve()
      return
    }
    const t = setTimeout(done, ms)
    function done() {
      clearTimeout(t)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done)
  })
}
