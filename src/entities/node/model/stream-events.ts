import '@/lib/csp/zod-without-eval.ts'
import { z } from 'zod'
import { HeartbeatSchema, NodeSchema } from './schemas.ts'

/**
 * The console server's push events (`GET /api/v1/events`, Server-Sent Events). Read with the registry's own
 * field rules: a beat whose time cannot be read, or a node without an id, is one event dropped, never more.
 */
export const HeartbeatEventSchema = HeartbeatSchema.extend({ node_id: z.string().min(1) })
export type HeartbeatEvent = z.infer<typeof HeartbeatEventSchema> & { timestamp: number }

/** A node row as the stream sends it: the registry's node without its metadata (the list keeps that). */
export const NodeEventSchema = NodeSchema.omit({ metadata: true })
export type NodeEvent = z.infer<typeof NodeEventSchema>

/** The server's database as its stream reports it: sent when it stops or starts answering. */
export const DatabaseEventSchema = z.object({ ok: z.boolean(), reason: z.string().nullish() })
export type DatabaseEvent = z.infer<typeof DatabaseEventSchema>

function json(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** One `heartbeat` event's data, or null when it cannot be used. */
export function parseHeartbeatEvent(data: string): HeartbeatEvent | null {
  const r = HeartbeatEventSchema.safeParse(json(data))
  if (!r.success || r.data.timestamp === null) return null
  return { ...r.data, timestamp: r.data.timestamp }
}

/** One `node` event's data, or null when it cannot be used. */
export function parseNodeEvent(data: string): NodeEvent | null {
  const r = NodeEventSchema.safeParse(json(data))
  return r.success ? r.data : null
}

/** One `database` event's data, or null when it cannot be used. */
export function parseDatabaseEvent(data: string): DatabaseEvent | null {
  const r = DatabaseEventSchema.safeParse(json(data))
  return r.success ? r.data : null
}
