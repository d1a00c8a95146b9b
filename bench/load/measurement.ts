/**
 * Fan-out figures of one run: latencies of (update, peer) pairs received,
 * counted against the pairs expected, and their percentiles.
 */

export class LatencyRecorder {
  private samples = new Float64Array(1 << 16)
  private count = 0

  add(ms: number): void {
    if (this.count === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2)
      grown.set(this.samples)
      this.samples = grown
    }
    this.samples[this.count++] = ms
  }

  get size(): number {
    return this.count
  }

  /** Percentiles (0–100) of what was recorded, in ms; NaN when nothing was. */
  percentiles(...ps: number[]): number[] {
    const sorted = this.samples.slice(0, this.count).sort()
    return ps.map((p) =>
      this.count === 0 ? Number.NaN : (sorted[Math.min(this.count - 1, Math.floor((p / 100) * this.count))] as number),
    )
  }
}

/**
 * Clock shared by the participants of one process; also comparable across
 * processes of the same host (timeOrigin is wall-clock), sub-millisecond.
 */
export const now = (): number => performance.timeOrigin + performance.now()

/** Counts of one run's measured window. */
export interface FanoutCounts {
  /** Note moves sent inside the window. */
  movesSent: number
  /** (move, peer) pairs that arrived, out of movesSent × (N − 1). */
  movesReceived: number
  /** Cursor updates received by peers inside the window (each (update, peer) pair). */
  cursorsReceived: number
  /** Messages the participants sent up inside the window. */
  messagesSent: number
  /** Messages the participants received inside the window. */
  messagesReceived: number
}

/**
 * A percentile of what a Prometheus histogram observed between two scrapes, as the upper
 * bound of the bucket it falls in (in ms); NaN when nothing was observed.
 */
export function histogramPercentile(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
  name: string,
  p: number,
): number {
  const delta = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0)
  const count = delta(`${name}_count`)
  if (count === 0) return Number.NaN
  const bounds = [...after.keys()]
    .map((key) => new RegExp(`^${name}_bucket\\{le="([0-9.e+-]+)"\\}$`).exec(key)?.[1])
    .filter((b): b is string => b !== undefined)
  for (const bound of bounds)
    if (delta(`${name}_bucket{le="${bound}"}`) >= (p / 100) * count) return 1000 * Number(bound)
  return Number.POSITIVE_INFINITY
}
