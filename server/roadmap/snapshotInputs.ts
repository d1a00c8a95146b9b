/**
 * Reads what a workshop's snapshot is built from, on the server, no browser
 * needed: the workshop row, the board's records, who joined, and the latest
 * vote whose results may be seen.
 *
 * - The board comes from the loaded room when there is one (after the log's
 *   pending appends are committed, its document holds exactly the committed
 *   state, without decoding the log again), else from the stored log applied
 *   to a fresh document — a snapshot never loads a room, so it never keeps one
 *   in memory or compacts it.
 * - The vote comes from FacilitationService.latestVisibleVote, where the rule
 *   of what may be seen lives: a session open with hidden results is never
 *   carried.
 * - Drafts (private writing) are not read: notes not revealed yet are in no
 *   snapshot.
 */
import { boardDocName } from '../../shared/boardDoc'
import { readBoardRecords } from '../../shared/model/boardRecords'
import type { FacilitationService } from '../facilitation/facilitationService'
import type { RoomManager } from '../rooms/roomManager'
import type { Store } from '../storage/store'
import { loadBoardRecords } from '../workshops/boardLog'
import type { SnapshotContent } from './snapshotBuilder'

export interface SnapshotSources {
  store: Store
  facilitation: Pick<FacilitationService, 'latestVisibleVote'>
  /** The running server's rooms; null when reading a data directory offline (command line). */
  rooms: RoomManager | null
}

/** The workshop's content to snapshot, or null when there is no such workshop. */
export async function loadSnapshotContent(
  sources: SnapshotSources,
  workshopId: string,
): Promise<SnapshotContent | null> {
  const workshop = await sources.store.getWorkshop(workshopId)
  if (!workshop) return null
  const [records, participants, vote] = await Promise.all([
    boardRecords(sources, workshopId),
    sources.store.listParticipants(workshopId),
    sources.facilitation.latestVisibleVote(workshopId),
  ])
  return { workshop, records, participants, vote }
}

async function boardRecords({ store, rooms }: SnapshotSources, workshopId: string): Promise<unknown[]> {
  const name = boardDocName(workshopId)
  if (rooms?.loadedRoom(name)) {
    await rooms.writer.flush()
    // Looked up again: the room may have unloaded while the log flushed.
    const room = rooms.loadedRoom(name)
    if (room) return readBoardRecords(room.doc)
  }
  return loadBoardRecords(store, name)
}
