/**
 * The server's figures in Prometheus' text format (version 0.0.4), for
 * GET /metrics (admin token). Written by hand rather than with prom-client:
 * a dozen series whose values the server already holds (ServerMetrics, the
 * event-loop monitor, the room manager) render in one pass at scrape time,
 * with no registry to keep in step and no dependency.
 */

import type { BusCounters } from '../bus/busBridge'
import { DELAY_BUCKETS, type EventLoopDelays } from './eventLoopMonitor'
import type { ServerMetrics } from './serverMetrics'

export interface MetricsInput {
  eventLoop: EventLoopDelays
  roomsLoaded: number
  server: ServerMetrics
  /** The bus between nodes' counters, when there is one (ATELIER_BUS). */
  bus?: BusCounters | null
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'

export function renderMetrics(m: MetricsInput): string {
  const lines: string[] = []
  const metric = (name: string, type: string, help: string, samples: [string, number][]) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`)
    for (const [suffix, value] of samples) lines.push(`${name}${suffix} ${value}`)
  }
  const histogram = (name: string, help: string, bounds: readonly number[], h: HistogramValues) =>
    metric(name, 'histogram', help, [
      ...bounds.map((bound, i): [string, number] => [`_bucket{le="${bound}"}`, h.cumulative[i] ?? 0]),
      ['_bucket{le="+Inf"}', h.count],
      ['_sum', h.sum],
      ['_count', h.count],
    ])
  const labelled = (label: string, entries: [string, number][]) =>
    entries.map(([value, n]): [string, number] => [`{${label}="${value}"}`, n])

  const { eventLoop, server } = m
  histogram(
    'atelier_event_loop_delay_seconds',
    'Seconds of uptime by their longest event-loop delay (how late a 10 ms timer fired).',
    DELAY_BUCKETS,
    { cumulative: eventLoop.buckets, sum: eventLoop.sum, count: eventLoop.count },
  )
  metric('atelier_event_loop_delay_max_seconds', 'gauge', 'Longest event-loop delay since the server started.', [
    ['', eventLoop.max],
  ])
  metric('atelier_rooms_loaded', 'gauge', 'Documents loaded in memory.', [['', m.roomsLoaded]])
  metric('atelier_connections', 'gauge', 'WebSocket connections open in rooms.', [['', server.connections]])
  metric('atelier_updates_total', 'counter', 'Document updates applied and committed to the log.', [
    ['', server.updates],
  ])
  const append = server.appendSeconds
  histogram('atelier_log_append_seconds', 'Seconds each group commit of updates to the log took.', append.bounds, {
    cumulative: append.cumulative(),
    sum: append.sum,
    count: append.count,
  })
  const fanout = server.fanoutSeconds
  histogram(
    'atelier_fanout_delay_seconds',
    "Seconds from a client's update reaching the server to its being written to every other connection of its room (validation, log commit and send spacing included).",
    fanout.bounds,
    { cumulative: fanout.cumulative(), sum: fanout.sum, count: fanout.count },
  )
  metric(
    'atelier_messages_refused_total',
    'counter',
    'Connections closed for what they sent, by reason.',
    labelled('reason', server.refusedMessages.entries()),
  )
  metric(
    'atelier_upgrades_refused_total',
    'counter',
    'WebSocket upgrades refused, by HTTP status.',
    labelled('status', server.refusedUpgrades.entries()),
  )
  metric(
    'atelier_http_rate_limited_total',
    'counter',
    'HTTP requests answered 429, by budget (api: every /api call; join: joins and creations).',
    labelled('limit', server.httpRateLimited.entries()),
  )
  if (m.bus) {
    const b = m.bus
    metric('atelier_bus_published_total', 'counter', 'Messages published to the other nodes.', [['', b.published]])
    metric('atelier_bus_received_total', 'counter', 'Messages received from the other nodes.', [['', b.received]])
    metric('atelier_bus_dropped_total', 'counter', 'Messages from the bus dropped as undecodable.', [['', b.dropped]])
    metric(
      'atelier_bus_catch_ups_total',
      'counter',
      'Rooms read back from the store after a (re)subscription or a gap.',
      [['', b.catchUps]],
    )
  }
  const memory = process.memoryUsage()
  metric('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', [['', memory.rss]])
  metric('nodejs_heap_size_used_bytes', 'gauge', 'V8 heap in use, in bytes.', [['', memory.heapUsed]])
  metric('nodejs_heap_size_total_bytes', 'gauge', 'V8 heap reserved, in bytes.', [['', memory.heapTotal]])
  metric('nodejs_external_memory_bytes', 'gauge', 'Memory of C++ objects bound to JavaScript (buffers), in bytes.', [
    ['', memory.external],
  ])
  return `${lines.join('\n')}\n`
}

interface HistogramValues {
  cumulative: readonly number[]
  sum: number
  count: number
}
