/**
 * Who wrote a sticky note: `meta.atelier.author`, the participant id of the
 * person whose client first wrote it. The list view lets people edit and
 * delete their own notes only, so the stamp must be true — hence one rule,
 * here, that the writers (canvas and list) follow and the server enforces:
 *
 * - a note the server has never seen may carry no author (a stock client, an
 *   older board) or its writer's own id, never anyone else's;
 * - once seen, a note's author never changes (not stamped afterwards, not
 *   taken over), whoever edits, moves or brings it back (undo of a delete).
 *
 * Only notes carry an author; other shapes are the group's. Pure module (no
 * tldraw, no Yjs): unit-tested in noteAuthor.test.ts.
 */
import { isNote } from './boardItems'

/** The author's participant id, or null for a note nobody stamped (or anything that is not a note). */
export function noteAuthor(record: unknown): string | null {
  if (!isNote(record)) return null
  const meta = (record as { meta?: unknown }).meta
  if (typeof meta !== 'object' || meta === null) return null
  const atelier = (meta as { atelier?: unknown }).atelier
  if (typeof atelier !== 'object' || atelier === null) return null
  const author = (atelier as { author?: unknown }).author
  return typeof author === 'string' ? author : null
}

/** The note stamped with `participantId` as its author (other `meta.atelier` marks are kept). */
export function withAuthor<R extends { meta: object }>(note: R, participantId: string): R {
  const meta = note.meta as { atelier?: unknown }
  const atelier = typeof meta.atelier === 'object' && meta.atelier !== null ? meta.atelier : {}
  return { ...note, meta: { ...meta, atelier: { ...atelier, author: participantId } } }
}

/**
 * Why `writerId` may not write `record`, or null if they may. `known` is the
 * author the server remembers for this id — `undefined` when it never saw a
 * note there (a new note), `null` when it saw one without an author.
 */
export function authorRefusal(known: string | null | undefined, record: unknown, writerId: string): string | null {
  if (!isNote(record)) return null
  const author = noteAuthor(record)
  if (known === undefined) {
    return author === null || author === writerId ? null : 'a new note must be stamped with its writer as author'
  }
  return author === known ? null : "a note's author cannot change"
}
