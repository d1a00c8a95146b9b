/**
 * Reads a board document's records without writing to it: the `{ key, val }`
 * entries of the records array, the rightmost entry of a key winning — the rule
 * of y-utility's YKeyValue, whose constructor and observer *delete* duplicates
 * (a write), which neither the server nor a read-only client may do.
 */
import type * as Y from 'yjs'
import { RECORDS_ARRAY } from '../boardDoc'

export interface RecordEntry {
  key: string
  val: unknown
}

/** Winning entry object per key (compared by identity, as YKeyValue does). */
export function winningEntries(yarray: Y.Array<RecordEntry>): Map<string, RecordEntry> {
  const map = new Map<string, RecordEntry>()
  for (const entry of yarray.toArray()) {
    if (entry && typeof entry === 'object' && typeof entry.key === 'string') map.set(entry.key, entry)
  }
  return map
}

/** The board's current records. */
export function readBoardRecords(doc: Y.Doc): unknown[] {
  return [...winningEntries(doc.getArray<RecordEntry>(RECORDS_ARRAY)).values()].map((e) => e.val)
}

/**
 * Deletes every entry of these keys from the records array (a writer's call,
 * inside its transaction); returns how many entries went. Writers delete
 * through this rather than YKeyValue's `delete`, which trusts the YKeyValue's
 * own map and removes only the leftmost entry: after concurrent edits that map
 * can miss a key the array still holds (seen in the fuzz suite), and a
 * duplicate left behind would bring the record back with an older value.
 */
export function deleteEntries(yarray: Y.Array<RecordEntry>, keys: ReadonlySet<string>): number {
  if (keys.size === 0) return 0
  const entries = yarray.toArray()
  let deleted = 0
  // Right to left, so the indices still to visit do not move.
  for (let i = entries.length - 1; i >= 0; i--) {
    const key = entries[i]?.key
    if (typeof key === 'string' && keys.has(key)) {
      yarray.delete(i, 1)
      deleted++
    }
  }
  return deleted
}
