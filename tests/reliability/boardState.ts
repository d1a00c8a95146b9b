/**
 * A board's records as one comparable string: what "identical records" means
 * in the reliability tests (key order does not matter, values do).
 */
import type { TLRecord } from '@tldraw/tlschema'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import { YKeyValue as KeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'
import { RECORDS_ARRAY } from '../../shared/boardDoc'

export function recordsJson(records: YKeyValue<TLRecord>): string {
  return JSON.stringify([...records.map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.val]))
}

/** The records of a document (e.g. one rebuilt from the data file). */
export function docRecords(doc: Y.Doc): YKeyValue<TLRecord> {
  return new KeyValue<TLRecord>(doc.getArray(RECORDS_ARRAY))
}
