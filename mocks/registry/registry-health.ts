/** The registry's /health and /metrics answers, wrong the way the service is (see `registryHealth`). */
import type { NodeRecords } from './node-records.ts'
import type { NodeTable } from './node-table.ts'
import { formatRegistryTime } from './registry-time.ts'

/**
 * The service counts the status column, so a node that fell silent stays "online" here forever; the console
 * derives its own counts from the heartbeats.
 */
export function registryHealth(table: NodeTable, records: NodeRecords, t: number, startedAt: number) {
  const n = table.size()
  let online = 0
  for (let i = 0; i < n; i++) if (records.statusAt(i, t) === 'online') online += 1
  return {
    status: 'healthy',
    service: 'node-registry',
    version: '1.0.0',
    environment: 'demo',
    uptime_seconds: Math.round((t - startedAt) / 1000) + 3 * 86_400,
    timestamp: formatRegistryTime(t, 'naive'),
    database: { type: 'postgresql', url: 'postgresql://registry@db:5432/node_registry', connected: true },
    network_stats: {
      total_nodes: n,
      online_nodes: online,
      offline_nodes: n - online,
      uptime_percentage: n === 0 ? 0 : Math.round((online / n) * 10_000) / 100,
    },
  }
}

export function registryMetrics(health: ReturnType<typeof registryHealth>) {
  return {
    service: 'node-registry',
    uptime_seconds: health.uptime_seconds,
    ...health.network_stats,
    timestamp: health.timestamp,
  }
}
