/**
 * The server's figures in Prometheus' text format (version 0.0.4), for
 * GET /metrics (admin token): event-loop delays, rooms loaded, memory.
 */
import { DELAY_BUCKETS, type EventLoopDelays } from './eventLoopMonitor'

export interface MetricsInput {
  eventLoop: EventLoopDelays
  roomsLoaded: number
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'

export function renderMetrics(m: MetricsInput): string {
  const lines: string[] = []
  const metric = (name: string, type: string, help: string, samples: [string, number][]) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`)
    for (const [suffix, value] of samples) lines.push(`${name}${suffix} ${value}`)
  }
  const { eventLoop } = m
  metric(
    'atelier_event_loop_delay_seconds',
    'histogram',
    'Seconds of uptime by their longest event-loop delay (how late a 10 ms timer fired).',
    [
      ...DELAY_BUCKETS.map((bound, i): [string, number] => [`_bucket{le="${bound}"}`, eventLoop.buckets[i] ?? 0]),
      ['_bucket{le="+Inf"}', eventLoop.count],
      ['_sum', eventLoop.sum],
      ['_count', eventLoop.count],
    ],
  )
  metric('atelier_event_loop_delay_max_seconds', 'gauge', 'Longest event-loop delay since the server started.', [
    ['', eventLoop.max],
  ])
  metric('atelier_rooms_loaded', 'gauge', 'Documents loaded in memory.', [['', m.roomsLoaded]])
  metric('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', [['', process.memoryUsage().rss]])
  return `${lines.join('\n')}\n`
}
