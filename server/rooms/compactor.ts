/**
 * Compacts a document's log in a worker thread, then swaps snapshot + folded
 * entries in one store transaction. One compaction per document at a time.
 */
import { Worker } from 'node:worker_threads'
import type { Store } from '../storage/store'
import type { CompactRequest, CompactResponse } from './compactWorker.mjs'

/** What a compaction did: log entries folded, size of the resulting snapshot. */
export interface Folded {
  entries: number
  bytes: number
}

/**
 * The worker is its own V8 isolate with yjs: ~14 MiB RSS and ~110 ms of CPU to start (it
 * is plain JavaScript and gets none of the server's Node flags, so not its TypeScript
 * loader: with it, 38 MiB and 340 ms). Compactions come in bursts (every 500 updates of
 * an active room), so it starts on the first and stops once none has come for this long.
 */
const WORKER_IDLE_MS = 30_000

export class Compactor {
  private worker: Worker | null = null
  private stopTimer: NodeJS.Timeout | null = null
  private nextId = 1
  private readonly waiting = new Map<number, { resolve(s: Uint8Array): void; reject(e: Error): void }>()
  private readonly running = new Map<string, Promise<Folded>>()

  constructor(
    private readonly store: Store,
    private readonly workerIdleMs = WORKER_IDLE_MS,
  ) {}

  /** Whether the worker thread is running (it is stopped while no compaction needs it). */
  get workerRunning(): boolean {
    return this.worker !== null
  }

  /** Compacts `doc` unless a compaction of it is already running. */
  compact(doc: string): Promise<Folded> {
    const current = this.running.get(doc)
    if (current) return current
    const job = this.run(doc).finally(() => this.running.delete(doc))
    this.running.set(doc, job)
    return job
  }

  isRunning(doc: string): boolean {
    return this.running.has(doc)
  }

  /** Resolves once no compaction of `doc` is running (whatever its outcome). */
  async settled(doc: string): Promise<void> {
    await this.running.get(doc)?.catch(() => undefined)
  }

  async idle(): Promise<void> {
    await Promise.allSettled([...this.running.values()])
  }

  async close(): Promise<void> {
    await this.idle()
    this.cancelStop()
    await this.worker?.terminate()
    this.worker = null
  }

  private async run(doc: string): Promise<Folded> {
    const stored = await this.store.loadDoc(doc)
    if (stored.updates.length === 0) return { entries: 0, bytes: stored.snapshot?.length ?? 0 }
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
    const state = await this.inWorker(parts)
    await this.store.replaceWithSnapshot(doc, state, stored.lastSeq)
    return { entries: stored.updates.length, bytes: state.length }
  }

  private inWorker(parts: Uint8Array[]): Promise<Uint8Array> {
    const worker = this.ensureWorker()
    this.cancelStop()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      worker.postMessage({ id, parts } satisfies CompactRequest)
    })
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(new URL('./compactWorker.mjs', import.meta.url), { execArgv: [] })
    worker.unref()
    worker.on('message', (res: CompactResponse) => {
      const w = this.waiting.get(res.id)
      if (!w) return
      this.waiting.delete(res.id)
      if (res.ok) w.resolve(res.state)
      else w.reject(new Error(res.error))
      if (this.waiting.size === 0) this.scheduleStop(worker)
    })
    worker.on('error', (e) => this.failAll(e))
    worker.on('exit', () => {
      // A stopped idle worker may exit after a new one has started: only forget this one.
      if (this.worker !== worker) return
      this.worker = null
      this.failAll(new Error('compaction worker exited'))
    })
    this.worker = worker
    return worker
  }

  private scheduleStop(worker: Worker): void {
    this.cancelStop()
    this.stopTimer = setTimeout(() => {
      this.stopTimer = null
      if (this.worker !== worker || this.waiting.size > 0) return
      this.worker = null
      void worker.terminate()
    }, this.workerIdleMs)
    this.stopTimer.unref()
  }

  private cancelStop(): void {
    if (this.stopTimer) clearTimeout(this.stopTimer)
    this.stopTimer = null
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e)
    this.waiting.clear()
  }
}
