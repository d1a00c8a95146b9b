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
