import type postgres from 'postgres'

/**
 * The fleet the server spec reads, written the registry's way into schema A, relative to `now` (so every row
 * is older than the page that reads it): a steady node with two hours of beats every 30 s and one 12-minute
 * silence an hour ago, and a quiet node whose last beat was three hours ago.
 */
export const STEADY = {
  key: '5a8c2f10-3b4d-4e6f-8a9b-0c1d2e3f4a5b',
  nodeId: 'e2e-steady',
  name: 'Steady worker',
}
export const QUIET = {
  key: '7b9d3e21-4c5e-4f70-9b8c-1d2e3f4a5b6c',
  nodeId: 'e2e-quiet',
  name: 'Quiet worker',
}
export const BEAT_MS = 30_000
export const OUTAGE = { fromMinAgo: 70, toMinAgo: 58 }

export async function seedFleet(sql: postgres.Sql, now: number): Promise<void> {
  const at = (ms: number) => new Date(ms).toISOString()
  await sql.begin(async (tx) => {
    await tx`TRUNCATE heartbeat_log, nodes`
    for (const [n, last] of [
      [STEADY, now],
      [QUIET, now - 3 * 3_600_000],
    ] as const)
      await tx`INSERT INTO nodes (id, node_id, node_name, node_role, node_type, hostname, ip_address, status,
          last_heartbeat, registered_at, updated_at)
        VALUES (${n.key}, ${n.nodeId}, ${n.name}, 'worker', 'worker', ${`${n.nodeId}.lan`}, '192.0.2.10',
          'online', ${at(last)}, ${at(now - 7 * 86_400_000)}, ${at(last)})`
    // Every 30 s for two hours up to `now`, but none in the silence.
    await tx`
      INSERT INTO heartbeat_log (id, node_id, "timestamp", status, metrics)
      SELECT gen_random_uuid(), ${STEADY.key}, ${at(now)}::timestamptz - i * interval '30 seconds', 'online',
        jsonb_build_object('cpu_percent', 20 + i % 30, 'memory_percent', 40, 'disk_percent', 55)
      FROM generate_series(0, 239) AS i
      WHERE i * 30 < ${OUTAGE.toMinAgo * 60} OR i * 30 >= ${OUTAGE.fromMinAgo * 60}`
    await tx`
      INSERT INTO heartbeat_log (id, node_id, "timestamp", status, metrics)
      SELECT gen_random_uuid(), ${QUIET.key}, ${at(now - 3 * 3_600_000)}::timestamptz - i * interval '30 seconds',
        'online', '{"cpu_percent": 5}'::jsonb
      FROM generate_series(0, 19) AS i`
  })
}

/** One beat, as the registry writes it: a heartbeat_log row and the node's last heartbeat and status. */
export async function insertBeat(
  sql: postgres.Sql,
  node: { key: string },
  beat: { at: number; status: string; cpu: number },
): Promise<void> {
  const ts = new Date(beat.at).toISOString()
  await sql.begin(async (tx) => {
    await tx`INSERT INTO heartbeat_log (id, node_id, "timestamp", status, metrics)
      VALUES (gen_random_uuid(), ${node.key}, ${ts}, ${beat.status}, ${tx.json({ cpu_percent: beat.cpu })})`
    await tx`UPDATE nodes SET last_heartbeat = ${ts}, status = ${beat.status}, updated_at = ${ts}
      WHERE id = ${node.key}`
  })
}
