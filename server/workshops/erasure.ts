/**
 * Erasing personal data (DESIGN §5, issue 6 item 7): a participant on request, a
 * whole workshop, or a workshop's names at the end of its retention. Each one is
 * a store transaction taken while the rooms of the erased documents are closed
 * (nothing of them is written back afterwards); the sessions it ends are cut
 * (4401). `purge` then rewrites the database files so that what was erased is in
 * no byte of them: callers run it once after one erasure or a batch.
 */
import { draftsDocName, draftsDocPrefix } from '../../shared/boardDoc'
import { CloseCodes } from '../../shared/protocol'
import type { FacilitationService } from '../facilitation/facilitationService'
import type { Logger } from '../logger'
import type { RoomManager } from '../rooms/roomManager'
import type { Store } from '../storage/store'

export interface ErasureDeps {
  store: Store
  rooms: Pick<RoomManager, 'withRoomsClosed' | 'closeSessions' | 'sessionsChanged'>
  facilitation: Pick<FacilitationService, 'forget' | 'publish'>
  logger: Logger
}

const workshopPrefix = (workshopId: string) => `${workshopId}/`

export class Erasure {
  constructor(private readonly deps: ErasureDeps) {}

  /** Their row (name, organisation) and drafts; their notes and votes stay (ids, no name). False when unknown. */
  async deleteParticipant(workshopId: string, participantId: string): Promise<boolean> {
    const { store, rooms } = this.deps
    const participant = await store.getParticipant(participantId)
    if (participant?.workshopId !== workshopId) return false
    const started = performance.now()
    const theirs = (s: { participantId: string }) => s.participantId === participantId
    rooms.closeSessions(theirs, CloseCodes.sessionRevoked)
    const drafts = draftsDocName(workshopId, participantId)
    // Facilitators reading their drafts reconnect, and find them gone.
    const deleted = await rooms.withRoomsClosed(drafts, CloseCodes.serviceRestart, () =>
      store.deleteParticipant(participantId, [drafts]),
    )
    // Anyone who got in while the rows were going.
    rooms.closeSessions(theirs, CloseCodes.sessionRevoked)
    rooms.sessionsChanged(workshopId)
    this.deps.facilitation.forget(workshopId)
    // Participation counts and drafts counts changed.
    await this.deps.facilitation.publish(workshopId)
    this.deps.logger.info({
      event: 'participant_deleted',
      workshop: workshopId,
      participant: participantId,
      ms: elapsed(started),
    })
    return deleted
  }

  /** Everything of the workshop; afterwards it is unknown everywhere. False when unknown. */
  async deleteWorkshop(workshopId: string): Promise<boolean> {
    const started = performance.now()
    const deleted = await this.deps.rooms.withRoomsClosed(workshopPrefix(workshopId), CloseCodes.sessionRevoked, () =>
      this.deps.store.deleteWorkshop(workshopId, workshopPrefix(workshopId)),
    )
    if (!deleted) return false
    this.deps.rooms.sessionsChanged(workshopId, true)
    this.deps.facilitation.forget(workshopId)
    this.deps.logger.info({ event: 'workshop_deleted', workshop: workshopId, ms: elapsed(started) })
    return true
  }

  /** End of retention: names erased, links revoked, drafts deleted, every session cut; board, votes and snapshots stay. */
  async expireWorkshop(workshopId: string, now: number): Promise<void> {
    const started = performance.now()
    const { store, rooms } = this.deps
    const prefix = draftsDocPrefix(workshopId)
    await rooms.withRoomsClosed(prefix, CloseCodes.sessionRevoked, () => store.expireWorkshop(workshopId, now, prefix))
    rooms.closeSessions((s) => s.workshopId === workshopId, CloseCodes.sessionRevoked)
    rooms.sessionsChanged(workshopId)
    this.deps.facilitation.forget(workshopId)
    this.deps.logger.info({ event: 'workshop_expired', workshop: workshopId, ms: elapsed(started) })
  }

  /** Empties the WAL of what was erased (the pages themselves were zeroed by secure_delete). */
  async purge(attempt = 1): Promise<void> {
    const started = performance.now()
    const complete = await this.deps.store.purgeErased()
    const fields = { event: 'database_purged', complete, attempt, ms: elapsed(started) }
    if (complete) return this.deps.logger.info(fields)
    // A reader (a backup, an export) held the WAL: try again shortly, so the erased
    // rows' earlier versions do not wait for the next erasure to leave the disk.
    this.deps.logger.warn(fields)
    if (attempt < PURGE_ATTEMPTS) setTimeout(() => this.purge(attempt + 1).catch(() => {}), PURGE_RETRY_MS).unref()
  }
}

const PURGE_ATTEMPTS = 60
const PURGE_RETRY_MS = 5_000

function elapsed(started: number): number {
  return Math.round(performance.now() - started)
}
