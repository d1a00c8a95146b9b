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
