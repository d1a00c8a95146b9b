/**
 * The retention sweep: at start-up and then every `sweepMs`, the workshops whose
 * retention has ended lose their participants' names (Erasure.expireWorkshop),
 * then the database files are purged once for the batch.
 */
import type { Logger } from '../logger'
import type { Store } from '../storage/store'
import type { Erasure } from './erasure'

export interface RetentionDeps {
  store: Pick<Store, 'listExpiredWorkshops'>
  erasure: Pick<Erasure, 'expireWorkshop' | 'purge'>
  logger: Logger
  sweepMs: number
  /** The sweep's clock (injected: tests and ATELIER_RETENTION_CLOCK_SHIFT_MS move it). */
  now(): number
}

export class RetentionSweep {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<string[]> | null = null

  constructor(private readonly deps: RetentionDeps) {}

  /** Sweeps now, then every `sweepMs`; the timer never holds the process open. */
  start(): void {
    if (this.timer) return
    void this.sweep()
    this.timer = setInterval(() => void this.sweep(), this.deps.sweepMs)
    this.timer.unref()
  }

  /** Stops the timer and waits for a sweep under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running
  }

  /** One sweep (never two at once): the ids of the workshops it erased. Failures are logged, not thrown. */
  sweep(): Promise<string[]> {
    this.running ??= this.sweepOnce().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async sweepOnce(): Promise<string[]> {
    const now = this.deps.now()
    const erased: string[] = []
    try {
      for (const id of await this.deps.store.listExpiredWorkshops(now)) {
        await this.deps.erasure.expireWorkshop(id, now)
        erased.push(id)
      }
      if (erased.length > 0) await this.deps.erasure.purge()
    } catch (error) {
      this.deps.logger.error({ event: 'retention_sweep_failed', erased: erased.length, error: String(error) })
    }
    return erased
  }
}
