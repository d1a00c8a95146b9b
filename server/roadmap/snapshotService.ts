/**
 * Roadmap snapshots of a workshop (issue 4 §2): built on the server from the
 * stored documents, checked against the schema, stored immutably, then handed
 * to the démarche's roadmap (`onSnapshot`).
 *
 * The stored body is the snapshot's canonical JSON (shared/roadmap/canonicalJson.ts),
 * served as is. `previousId` chains a workshop's snapshots; the snapshots of
 * one workshop are taken one at a time (in this process) so two quick clicks
 * make a chain, not a fork.
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
    const previous = await store.latestSnapshot(workshopId)
    const createdAt = (this.deps.now ?? Date.now)()
    const snapshot = buildSnapshot({ ...content, id: newId(), createdAt, createdBy, previousId: previous?.id ?? null })
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
    await store.insertSnapshot(row)
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
