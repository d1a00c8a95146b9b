/**
 * Private writing (issue 3 §3). While it is on, the notes a participant writes
 * go to their own drafts document (`<workshopId>/drafts/<participantId>`, same
 * layout and validation as the board), which only they and the facilitators
 * can open — never to the shared board, so no other client ever holds them.
 * Revealing moves every drafts record into the board, then deletes it from the
 * drafts: two server changes appended in the same log commit, so a crash keeps
 * both or neither, and no client sees the drafts emptied before the board has them.
 *
 * The control document publishes counts only (authors, notes). They are kept
 * in memory per workshop: computed once from the stored documents when first
 * needed, then refreshed from a drafts room whenever it accepts an update, and
 * republished at most every `publishEveryMs`.
 *
 * Nothing stays hidden forever: a drafts update accepted while private writing
 * is off (an author's offline edits coming back, an edit racing the reveal) is
 * moved to the board at once, and so is any drafts record the board already
 * holds (an author edited a draft while it was being revealed).
 */
import * as Y from 'yjs'
import {
  type DocTarget,
  docName,
  draftsDocName,
  draftsDocPrefix,
  parseDocName,
  RECORDS_ARRAY,
} from '../../shared/boardDoc'
import type { DraftAuthor, PrivateWritingState } from '../../shared/control'
import { isNote } from '../../shared/model/boardItems'
import { type RecordEntry, winningEntries } from '../../shared/model/boardRecords'
import { HttpError } from '../http/errors'
import type { Room } from '../rooms/room'
import { RoomLimitError, type RoomManager } from '../rooms/roomManager'
import type { Store } from '../storage/store'
import { mayOpen, type Who } from './writePolicy'

export interface PrivateWritingDeps {
  store: Store
  rooms: () => RoomManager
  /** Whether private writing is on in this workshop now. */
  isActive(workshopId: string): Promise<boolean>
  /** Writes the control state again (the counts changed). */
  publish(workshopId: string): Promise<void>
  /** A background step failed (a republish, a move to the board): for the logs. */
  onError(error: unknown, workshopId: string): void
  publishEveryMs?: number
}

export type DraftCounts = Pick<PrivateWritingState, 'authors' | 'notes'>

const PUBLISH_EVERY_MS = 250

export class PrivateWriting {
  /** Unrevealed notes per workshop, per author (authors without notes are left out). */
  private readonly counts = new Map<string, Map<string, number>>()
  private readonly counting = new Map<string, Promise<Map<string, number>>>()
  private readonly changedRooms = new Map<string, Room>()
  private settling: Promise<void> | null = null
  private readonly publishTimers = new Map<string, NodeJS.Timeout>()

  constructor(private readonly deps: PrivateWritingDeps) {}

  /** Null if `who` may open the document, else the HTTP status of the refusal (checked at the upgrade). */
  async openRefusal(who: Who, target: DocTarget): Promise<403 | 404 | null> {
    if (!mayOpen(who, target)) return 403
    if (target.kind !== 'drafts' || target.owner === null) return null
    // Only participants have drafts: nobody loads a room for an id that is not one.
    const owner = await this.deps.store.getParticipant(target.owner)
    return owner?.workshopId === target.workshopId && owner.role === 'participant' ? null : 404
  }

  async summary(workshopId: string): Promise<DraftCounts> {
    const byAuthor = await this.countsOf(workshopId)
    let notes = 0
    for (const n of byAuthor.values()) notes += n
    return { authors: byAuthor.size, notes }
  }

  /** The authors with unrevealed notes, so the facilitator's client knows which drafts to open. */
  async authors(workshopId: string): Promise<DraftAuthor[]> {
    const byAuthor = await this.countsOf(workshopId)
    const list = await Promise.all(
      [...byAuthor].map(async ([participantId, notes]) => ({
        participantId,
        name: (await this.deps.store.getParticipant(participantId))?.name ?? '',
        notes,
      })),
    )
    return list.sort((a, b) => a.name.localeCompare(b.name, 'fr') || (a.participantId < b.participantId ? -1 : 1))
  }

  /** Drops the workshop's counts (a participant's drafts were deleted): counted again from the store when next needed. */
  forget(workshopId: string): void {
    this.counts.delete(workshopId)
  }

  /** Moves every drafts record of the workshop into the board; answers how many notes were revealed. */
  async reveal(workshopId: string): Promise<number> {
    const names = new Set(await this.deps.store.listDocs(draftsDocPrefix(workshopId)))
    // Drafts whose first update is not committed yet are not listed, but they are counted.
    for (const owner of (await this.countsOf(workshopId)).keys()) names.add(draftsDocName(workshopId, owner))
    let revealed = 0
    for (const name of [...names].sort()) {
      const [board, drafts] = await this.open(docName({ workshopId, kind: 'board', owner: null }), name)
      revealed += moveToBoard(drafts, board, () => true)
      this.recount(drafts)
    }
    return revealed
  }

  /**
   * A drafts room accepted an update (its author's, or ours). Settled on the
   * next turn, after the update is on its way: records to move are moved, the
   * author's count refreshed. Resolves once settled.
   */
  changed(drafts: Room): Promise<void> {
    this.changedRooms.set(drafts.name, drafts)
    this.settling ??= new Promise(setImmediate)
      .then(() => this.settleChanged())
      .finally(() => {
        this.settling = null
      })
    return this.settling
  }

  private async settleChanged(): Promise<void> {
    while (this.changedRooms.size > 0) {
      const rooms = [...this.changedRooms.values()]
      this.changedRooms.clear()
      for (const drafts of rooms) await this.settle(drafts)
    }
  }

  private async settle(drafts: Room): Promise<void> {
    const rooms = this.deps.rooms()
    const { workshopId } = parseDocName(drafts.name)
    const active = await this.deps.isActive(workshopId)
    const boardName = docName({ workshopId, kind: 'board', owner: null })
    // While private writing is on, only a record the board already holds moves, and
    // the board is loaded then (a reveal just used it); when off, everything moves.
    const board = active ? rooms.loadedRoom(boardName) : await rooms.open(boardName)
    if (rooms.loadedRoom(drafts.name) !== drafts) return // unloaded meanwhile: nothing changed since it was stored
    if (board && rooms.loadedRoom(boardName) === board) {
      const inBoard = winningEntries(board.doc.getArray<RecordEntry>(RECORDS_ARRAY))
      moveToBoard(drafts, board, (entry) => !active || inBoard.has(entry.key))
    }
    this.recount(drafts)
  }

  /** Loads both rooms; too many rooms loaded is the server's 503. */
  private async open(first: string, second: string): Promise<[Room, Room]> {
    const rooms = this.deps.rooms()
    try {
      return await Promise.all([rooms.open(first), rooms.open(second)])
    } catch (e) {
      if (e instanceof RoomLimitError)
        throw new HttpError(503, 'server_busy', 'Le serveur est saturé : réessayez dans un instant.')
      throw e
    }
  }

  /** Refreshes one author's count from their room; republishes if it changed. */
  private recount(drafts: Room): void {
    const { workshopId, owner } = parseDocName(drafts.name)
    if (owner === null) return
    const notes = countNotes(drafts.doc)
    const apply = (byAuthor: Map<string, number>) => {
      if ((byAuthor.get(owner) ?? 0) === notes) return
      if (notes > 0) byAuthor.set(owner, notes)
      else byAuthor.delete(owner)
      this.schedulePublish(workshopId)
    }
    const known = this.counts.get(workshopId)
    if (known) apply(known)
    // Being counted from the store right now: apply this fresher figure after
    // (if that count fails, the next one reads this room anyway).
    else void this.counting.get(workshopId)?.then(apply, () => {})
    // Neither: counted from the rooms and the store when first needed.
  }

  private schedulePublish(workshopId: string): void {
    if (this.publishTimers.has(workshopId)) return
    const timer = setTimeout(() => {
      this.publishTimers.delete(workshopId)
      this.deps.publish(workshopId).catch((e) => this.deps.onError(e, workshopId))
    }, this.deps.publishEveryMs ?? PUBLISH_EVERY_MS)
    timer.unref()
    this.publishTimers.set(workshopId, timer)
  }

  private countsOf(workshopId: string): Promise<Map<string, number>> {
    const known = this.counts.get(workshopId)
    if (known) return Promise.resolve(known)
    let job = this.counting.get(workshopId)
    if (!job) {
      job = this.countStored(workshopId)
        .then((byAuthor) => {
          this.counts.set(workshopId, byAuthor)
          return byAuthor
        })
        .finally(() => this.counting.delete(workshopId))
      this.counting.set(workshopId, job)
    }
    return job
  }

  /** Counts every drafts document of the workshop: from its room if loaded, else from the store (no room loaded). */
  private async countStored(workshopId: string): Promise<Map<string, number>> {
    const byAuthor = new Map<string, number>()
    for (const name of await this.deps.store.listDocs(draftsDocPrefix(workshopId))) {
      const { owner } = parseDocName(name)
      if (owner === null) continue
      const room = this.deps.rooms().loadedRoom(name)
      const notes = room ? countNotes(room.doc) : await this.countStoredNotes(name)
      if (notes > 0) byAuthor.set(owner, notes)
    }
    return byAuthor
  }

  private async countStoredNotes(name: string): Promise<number> {
    const stored = await this.deps.store.loadDoc(name)
    const doc = new Y.Doc()
    try {
      doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
        for (const u of stored.updates) Y.applyUpdate(doc, u)
      })
      return countNotes(doc)
    } finally {
      doc.destroy()
    }
  }
}

function countNotes(doc: Y.Doc): number {
  let notes = 0
  for (const entry of winningEntries(doc.getArray<RecordEntry>(RECORDS_ARRAY)).values()) if (isNote(entry.val)) notes++
  return notes
}

/**
 * Moves the drafts records `moves` selects into the board, written the way
 * y-utility's YKeyValue.set writes (older entries of the key deleted, the new
 * one appended: the rightmost entry wins), then deletes them from the drafts.
 * Returns how many of them are notes.
 */
function moveToBoard(drafts: Room, board: Room, moves: (entry: RecordEntry) => boolean): number {
  const entries = [...winningEntries(drafts.doc.getArray<RecordEntry>(RECORDS_ARRAY)).values()].filter(moves)
  if (entries.length === 0) return 0
  const keys = new Set(entries.map((e) => e.key))
  board.serverChange((doc) => {
    const records = doc.getArray<RecordEntry>(RECORDS_ARRAY)
    deleteKeys(records, keys)
    records.push(entries.map(({ key, val }) => ({ key, val })))
  })
  drafts.serverChange((doc) => deleteKeys(doc.getArray<RecordEntry>(RECORDS_ARRAY), keys))
  return entries.filter((e) => isNote(e.val)).length
}

/** Deletes every entry of these keys (the winner and any duplicate left by concurrent sets). */
function deleteKeys(records: Y.Array<RecordEntry>, keys: ReadonlySet<string>): void {
  const all = records.toArray()
  for (let i = all.length - 1; i >= 0; i--) if (keys.has((all[i] as RecordEntry).key)) records.delete(i, 1)
}
