/**
 * The roadmap of a démarche (issue 4 §3): numbered, immutable versions, each
 * gathering the latest snapshot of every workshop of the démarche. A version
 * is appended whenever one of those workshops is snapshotted (`onSnapshot`,
 * wired to the snapshot service) and when the admin asks for one.
 *
 * The stored body is the version's canonical JSON, validated against the
 * published schema, served as is. Appends for one démarche run one at a time
 * (in this process), each reading the snapshots after the previous one
 * committed, so the latest version always holds the latest snapshots.
 */
import { createHash } from 'node:crypto'
import { canonicalJson } from '../../shared/roadmap/canonicalJson'
import { diffRoadmaps, type RoadmapDiff } from '../../shared/roadmap/roadmapDiff'
import { RoadmapVersion } from '../../shared/roadmap/roadmapSchema'
import type { Snapshot } from '../../shared/roadmap/snapshotSchema'
import { newId } from '../auth/secrets'
import { HttpError } from '../http/errors'
import type { Logger } from '../logger'
import type { RoadmapVersionMeta, RoadmapVersionRow, SnapshotRow, Store } from '../storage/store'
import { buildRoadmap } from './roadmapBuilder'

export interface RoadmapServiceDeps {
  store: Store
  logger: Logger
  now?: () => number
}

export class RoadmapService {
  /** The append running per démarche, so the next one waits for it. */
  private readonly appending = new Map<string, Promise<unknown>>()

  constructor(private readonly deps: RoadmapServiceDeps) {}

  /** The snapshot service's hook: a snapshot of a démarche's workshop makes a new version of its roadmap. */
  readonly onSnapshot = async (_row: SnapshotRow, snapshot: Snapshot): Promise<void> => {
    if (snapshot.workshop.processId) await this.append(snapshot.workshop.processId)
  }

  /** Appends a version from the démarche's workshops' latest snapshots; null for an unknown démarche. */
  async append(processId: string): Promise<RoadmapVersionRow | null> {
    const before = this.appending.get(processId) ?? Promise.resolve()
    const job = before.catch(() => {}).then(() => this.build(processId))
    this.appending.set(processId, job)
    try {
      return await job
    } finally {
      if (this.appending.get(processId) === job) this.appending.delete(processId)
    }
  }

  /** Oldest first. */
  list(processId: string): Promise<RoadmapVersionMeta[]> {
    return this.deps.store.listRoadmapVersions(processId)
  }

  async latest(processId: string): Promise<RoadmapVersionRow | null> {
    const last = (await this.list(processId)).at(-1)
    return last ? this.get(last.id) : null
  }

  get(id: string): Promise<RoadmapVersionRow | null> {
    return this.deps.store.getRoadmapVersion(id)
  }

  /** What changed from `before` to `after`: two versions of one démarche (else 422). */
  diff(before: RoadmapVersionRow, after: RoadmapVersionRow): RoadmapDiff {
    if (before.processId !== after.processId)
      throw new HttpError(
        422,
        'not_same_process',
        'Ces deux versions appartiennent à des démarches différentes : elles ne se comparent pas.',
      )
    return diffRoadmaps(readVersion(before), readVersion(after))
  }

  private async build(processId: string): Promise<RoadmapVersionRow | null> {
    const { store, logger } = this.deps
    const process = (await store.listProcesses()).find((p) => p.id === processId)
    if (!process) return null
    const snapshots: Snapshot[] = []
    for (const workshop of process.workshops) {
      const row = await store.latestSnapshot(workshop.id)
      if (row) snapshots.push(JSON.parse(row.body) as Snapshot)
    }
    const content = buildRoadmap(process, snapshots)
    const sha256 = createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex')
    const createdAt = (this.deps.now ?? Date.now)()
    const id = newId()
    const row = await store.appendRoadmapVersion(processId, (previous) => {
      const version = {
        ...content,
        id,
        version: (previous?.version ?? 0) + 1,
        createdAt: new Date(createdAt).toISOString(),
        previousId: previous?.id ?? null,
        sha256,
      }
      const checked = RoadmapVersion.safeParse(version)
      if (!checked.success) {
        // The builder made something the published schema refuses: a bug, never stored.
        logger.error({ event: 'roadmap_invalid', process: processId, issues: checked.error.issues.slice(0, 20) })
        throw new HttpError(
          500,
          'roadmap_invalid',
          "La version de feuille de route produite n'est pas valide ; rien n'a été enregistré.",
        )
      }
      return { id, createdAt, sha256, body: canonicalJson(version) }
    })
    logger.info({
      event: 'roadmap_version_created',
      process: processId,
      version: row.version,
      id: row.id,
      ateliers: snapshots.length,
      bytes: Buffer.byteLength(row.body),
    })
    return row
  }
}

/** A stored version's content (validated when it was written). */
function readVersion(row: RoadmapVersionRow): RoadmapVersion {
  return JSON.parse(row.body) as RoadmapVersion
}
