/**
 * The authors of the notes a room has held since it was loaded, deleted ones
 * included, to enforce shared/model/noteAuthor.ts on every incoming update:
 * a note keeps the author it first came with, so a note someone brings back
 * (undo of a delete, an edit racing its deletion) must come back as it was,
 * and a new one may only carry its writer's id.
 *
 * Why a memory and not the document: the room's document collects garbage, so
 * a deleted note's content (its author) is gone from it. Only authors are
 * kept (one id per note). A note deleted before the room was loaded (a restart,
 * an idle unload) is new again to it: brought back, it must carry no author or
 * its writer's — the canvas restamps it only if this screen never saw it
 * (client/board/noteAuthorStamp.ts), so such a late undo can be refused.
 */
import type * as Y from 'yjs'
import { isNote } from '../../shared/model/boardItems'
import type { RecordEntry } from '../../shared/model/boardRecords'
import { authorRefusal, noteAuthor } from '../../shared/model/noteAuthor'

export class NoteAuthors {
  private readonly known = new Map<string, string | null>()

  constructor(records: Y.Array<RecordEntry>) {
    for (const entry of records.toArray()) this.remember(entry)
    // After every applied transaction (clients' and the server's own, e.g. a reveal of private notes).
    records.observe((event) => {
      for (const item of event.changes.added) for (const entry of item.content.getContent()) this.remember(entry)
    })
  }

  /** Why `writerId` may not write `value` under `key`, or null (shared/model/noteAuthor.ts). */
  refusal(key: string, value: unknown, writerId: string): string | null {
    return authorRefusal(this.known.get(key), value, writerId)
  }

  private remember(entry: unknown): void {
    if (typeof entry !== 'object' || entry === null) return
    const { key, val } = entry as Partial<RecordEntry>
    if (typeof key !== 'string' || this.known.has(key) || !isNote(val)) return
    this.known.set(key, noteAuthor(val))
  }
}
