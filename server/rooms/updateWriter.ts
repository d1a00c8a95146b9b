/**
 * Group commit for document updates (DESIGN §4: "what any client has observed
 * is durable").
 *
 * Rooms append validated updates here and schedule whatever makes them visible
 * (broadcasts, sync replies) with `afterCommit`. All appends made during one
 * event-loop turn go to the store in one transaction; only after it commits do
 * the scheduled callbacks run, in the order they were scheduled. So no client
 * can observe an update that a crash could still lose.
 */
import type { DocAppend, Store } from '../storage/store'

export interface UpdateWriterEvents {
  /** A batch failed to commit: its callbacks are dropped, the rooms must reload. */
  onCommitError(error: unknown, docs: Set<string>): void
  onCommit?(entries: number, ms: number): void
}

export class UpdateWriter {
  private pending: DocAppend[] = []
  /** Stands for the appends not yet committing: a new object each time a commit takes them (see Fanout). */
  batch: object = {}
  private callbacks: (() => void)[] = []
  private scheduled = false
  private inFlight: Promise<void> | null = null

  constructor(
    private readonly store: Store,
    private readonly events: UpdateWriterEvents,
  ) {}

  append(doc: string, data: Uint8Array): void {
    this.pending.push({ doc, data })
    this.schedule()
  }

  /** Runs `fn` once everything appended so far is durable (at once if nothing is pending). */
  afterCommit(fn: () => void): void {
    if (this.pending.length === 0 && this.callbacks.length === 0 && this.inFlight === null) {
      fn()
      return
    }
    this.callbacks.push(fn)
    this.schedule()
  }

  /** Resolves when everything appended so far is committed. */
  async flush(): Promise<void> {
    while (this.inFlight || this.pending.length > 0 || this.callbacks.length > 0) {
      if (this.inFlight) await this.inFlight
      else await this.commit()
    }
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      if (!this.inFlight) void this.commit()
    })
  }

  private commit(): Promise<void> {
    const entries = this.pending
    const callbacks = this.callbacks
    this.pending = []
    this.callbacks = []
    this.batch = {}
    const started = performance.now()
    const run = async () => {
      try {
        if (entries.length > 0) await this.store.appendUpdates(entries)
      } catch (error) {
        this.events.onCommitError(error, new Set(entries.map((e) => e.doc)))
        return
      }
      this.events.onCommit?.(entries.length, performance.now() - started)
      for (const fn of callbacks) fn()
    }
    this.inFlight = run().finally(() => {
      this.inFlight = null
      if (this.pending.length > 0 || this.callbacks.length > 0) this.schedule()
    })
    return this.inFlight
  }
}
