/**
 * A board's records as one comparable string: what "identical records" means
 * in the reliability tests. Read from the document itself as the app reads it
 * (shared/model/boardRecords.ts: the rightmost entry of a key wins), not from
 * a client's YKeyValue map, which is that client's incremental view of it.
 */
import type { TLRecord } from '@tldraw/tlschema'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'
import { RECORDS_ARRAY } from '../../shared/boardDoc'
import { type RecordEntry, winningEntries } from '../../shared/model/boardRecords'

export function boardJson(doc: Y.Doc): string {
  return JSON.stringify([...docRecords(doc)].sort(([a], [b]) => (a < b ? -1 : 1)))
}

/**
 * Where a client's YKeyValue map disagrees with its own document's records
 * (y-utility maintains that map incrementally; after some concurrent
 * overwrite-and-delete orders it can keep a stale entry or miss one).
 */
export function keyValueDrift(client: { doc: Y.Doc; records: YKeyValue<TLRecord> }): string[] {
  const truth = docRecords(client.doc)
  const drifts: string[] = []
  for (const [key, value] of truth) {
    const held = client.records.map.get(key)
    if (!held) drifts.push(`${key} missing from the map`)
    else if (JSON.stringify(held.val) !== JSON.stringify(value)) drifts.push(`${key} stale in the map`)
  }
  for (const key of client.records.map.keys()) if (!truth.has(key)) drifts.push(`${key} deleted, still in the map`)
  return drifts
}

/** The records of a document (e.g. one rebuilt from the data file), by id. */
export function docRecords(doc: Y.Doc): Map<string, unknown> {
  return new Map([...winningEntries(doc.getArray<RecordEntry>(RECORDS_ARRAY))].map(([k, e]) => [k, e.val]))
}
