/**
 * What the server counts for GET /metrics, besides the event loop: open
 * connections, updates committed and how long their commits took, and every
 * refusal — messages by reason, upgrades by status, HTTP requests over a rate
 * limit. The parts that count hold this object; prometheus.ts renders it.
 */

/** Log commit latency bounds, in seconds: a group commit takes a few ms; 0.1 s would be felt as lag. */
export const APPEND_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1] as const

/**
 * Fan-out delay bounds, in seconds: a room sends every few ms (server/rooms/fanout.ts); fine
 * below 50 ms, where a participant starts to see others' notes lag (bench/fanout.ts reads them).
 */
export const FANOUT_BUCKETS = [
  0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.025, 0.035, 0.05, 0.075, 0.1, 0.25, 0.5, 1,
] as const

/**
 * Why a connection was closed by the server for something it sent. The labels
 * are a closed set so that a hostile client cannot grow the metrics' series.
 */
export const REFUSAL_REASONS = [
  'rate_limited',
  'byte_rate_limited',
  'too_big',
  'invalid',
  'read_only',
  'locked',
  'note_author',
] as const
export type RefusalReason = (typeof REFUSAL_REASONS)[number]

/** Statuses the sync gateway refuses upgrades with (shown at 0 before the first one). */
const UPGRADE_STATUSES = ['401', '403', '404', '500', '503'] as const

/** The two HTTP budgets (server/http/rateLimits.ts). */
export const HTTP_LIMITS = ['api', 'join'] as const
export type HttpLimit = (typeof HTTP_LIMITS)[number]

/** A counter split by one label, each known label present from the start (so rate() sees its first increase). */
export class LabelledCounter<L extends string = string> {
  private readonly counts = new Map<string, number>()

  constructor(known: readonly L[]) {
    for (const label of known) this.counts.set(label, 0)
  }

  inc(label: L, by = 1): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + by)
  }

  entries(): [string, number][] {
    return [...this.counts]
  }
}

/** A Prometheus histogram: observations by upper bound, their sum and count. */
export class Histogram {
  /** counts[i]: observations ≤ bounds[i] and > bounds[i - 1] (made cumulative when rendered). */
  private readonly counts: number[]
  sum = 0
  count = 0

  constructor(readonly bounds: readonly number[]) {
    this.counts = bounds.map(() => 0)
  }

  observe(value: number): void {
    this.sum += value
    this.count++
    const i = this.bounds.findIndex((b) => value <= b)
    if (i >= 0) this.counts[i] = (this.counts[i] as number) + 1
  }

  /** Observations ≤ each bound, in bound order. */
  cumulative(): number[] {
    let running = 0
    return this.counts.map((c) => (running += c))
  }
}

export class ServerMetrics {
  /** WebSocket connections attached to a room now. */
  connections = 0
  /** Document updates committed to the log (clients' and the server's own). */
  updates = 0
  /** Seconds each group commit of the log took. */
  readonly appendSeconds = new Histogram(APPEND_BUCKETS)
  /** Seconds from a client's update reaching the server to its being written to every peer of its room. */
  readonly fanoutSeconds = new Histogram(FANOUT_BUCKETS)
  readonly refusedMessages = new LabelledCounter<RefusalReason>(REFUSAL_REASONS)
  readonly refusedUpgrades = new LabelledCounter<string>(UPGRADE_STATUSES)
  readonly httpRateLimited = new LabelledCounter<HttpLimit>(HTTP_LIMITS)

  /** One group commit: `entries` updates made durable in `ms`. */
  committed(entries: number, ms: number): void {
    this.updates += entries
    this.appendSeconds.observe(ms / 1000)
  }
}
