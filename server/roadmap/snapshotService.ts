/**
 * Roadmap snapshots of a workshop (issue 4 §2): built on the server from the
 * stored documents, checked against the schema, stored immutably, then handed
 * to the démarche's roadmap (`onSnapshot`).
 *
 * The stored body is the snapshot's canonical JSON (shared/roadmap/canonicalJson.ts),
 * served as is. `previousId` chains a workshop's snapshots, and the chain never
 * forks: the store refuses a snapshot whose `previousId` is no longer the latest
 * (another node stored one meanwhile), and it is then rebuilt on the new latest.
 * In this process the snapshots of one workshop are taken one at a time anyway,
 * so two quick clicks wait for each other instead of being refused.
 */
import { canonicalJson } from '../../shared/roadmap/canonicalJson'
import { Snapshot } from '../../shared/roadmap/snapshotSchema'
import { newId } from '../auth/secrets'
import { errors, HttpError } from '../http/errors'
import type { Logger } from '../logger'
import type { SnapshotMeta, SnapshotRow, Store } from '../storage/store'
import { buildSnapshot } from './snapshotBuilder'
import { loadSnapshotContent, type SnapshotSources } from './snapshotInputs'

export interface SnapshotServiceDeps extends SnapshotSources {
  store: Store
  logger: Logger
  now?: () => number
  /**
   * After a snapshot is stored (e.g. append a version of the démarche's
   * roadmap). A failure is logged: the snapshot stays stored and is returned.
   */
  onSnapshot?(row: SnapshotRow, snapshot: Snapshot): Promise<void>
}

/**
 * Each refusal means another node stored a snapshot of the workshop meanwhile, so giving
 * up takes that many stored during this one. Not 5: two nodes taking 10 each at once
 * lose about every other race, and one of the 20 then lost 5 in a row in a third of runs.
 */
const SNAPSHOT_ATTEMPTS = 20

export class SnapshotService {
  /** The snapshot being taken per workshop, so the next one waits for it (and chains to it). */
  private readonly taking = new Map<string, Promise<unknown>>()

  constructor(private readonly deps: SnapshotServiceDeps) {}

  /** Builds, validates and stores a snapshot of the workshop as it is now; 404 for an unknown workshop. */
  async create(workshopId: string, createdBy: string): Promise<{ row: SnapshotRow; snapshot: Snapshot }> {
    const before = this.taking.get(workshopId) ?? Promise.resolve()
    const job = before.catch(() => {}).then(() => this.take(workshopId, createdBy))
    this.taking.set(workshopId, job)
    try {
      return await job
    } finally {
      if (this.taking.get(workshopId) === job) this.taking.delete(workshopId)
    }
  }

  /** The workshop's snapshots, oldest first. */
  list(workshopId: string): Promise<SnapshotMeta[]> {
    return this.deps.store.listSnapshots(workshopId)
  }

  get(id: string): Promise<SnapshotRow | null> {
    return this.deps.store.getSnapshot(id)
  }

  private async take(workshopId: string, createdBy: string): Promise<{ row: SnapshotRow; snapshot: Snapshot }> {
    const { store, logger } = this.deps
    const content = await loadSnapshotContent(this.deps, workshopId)
    if (!content) throw errors.notFound('Atelier')
    for (let attempt = 1; attempt <= SNAPSHOT_ATTEMPTS; attempt++) {
      const previous = await store.latestSnapshot(workshopId)
      // Never dated before the previous one (another node's clock may be ahead): "latest"
      // is by date, so an earlier one would not become it.
      const createdAt = Math.max((this.deps.now ?? Date.now)(), previous?.createdAt ?? 0)
      const snapshot = buildSnapshot({
        ...content,
        id: newId(),
        createdAt,
        createdBy,
        previousId: previous?.id ?? null,
      })
      const checked = Snapshot.safeParse(snapshot)
      if (!checked.success) {
        // The builder made something the published schema refuses: a bug, never stored.
        logger.error({ event: 'snapshot_invalid', workshop: workshopId, issues: checked.error.issues.slice(0, 20) })
        throw new HttpError(500, 'snapshot_invalid', "L'instantané produit n'est pas valide ; rien n'a été enregistré.")
      }
      const row: SnapshotRow = {
        id: snapshot.id,
        workshopId,
        createdAt,
        sha256: snapshot.sha256,
        body: canonicalJson(snapshot),
      }
      if (await store.insertSnapshot(row, snapshot.previousId)) return this.stored(row, snapshot)
      logger.info({ event: 'snapshot_chain_moved', workshop: workshopId, attempt })
    }
    throw new HttpError(
      409,
      'snapshot_conflict',
      "D'autres instantanés de cet atelier étaient pris en même temps ; rien n'a été enregistré, réessayez.",
    )
  }

  private async stored(row: SnapshotRow, snapshot: Snapshot): Promise<{ row: SnapshotRow; snapshot: Snapshot }> {
    const { workshopId } = row
    const { logger } = this.deps
    logger.info({
      event: 'snapshot_created',
      workshop: workshopId,
      snapshot: row.id,
      bytes: Buffer.byteLength(row.body),
    })
    try {
      await this.deps.onSnapshot?.(row, snapshot)
    } catch (error) {
      logger.error({ event: 'snapshot_hook_failed', workshop: workshopId, snapshot: row.id, error: String(error) })
    }
    return { row, snapshot }
  }
}
