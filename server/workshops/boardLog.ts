/**
 * A board as the store's log holds it (shared/boardDoc.ts layout): written once
 * by the server when a workshop is created from a template, read back to copy
 * the enjeux of an earlier workshop — from the store, not from a live room, so
 * copying never loads a room or touches its connections.
 */
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { META_MAP, RECORDS_ARRAY, SCHEMA_KEY } from '../../shared/boardDoc'
import { checkBoardRecord, createBoardSchema } from '../../shared/boardSchema'
import { readBoardRecords } from '../../shared/model/boardRecords'
import type { Store } from '../storage/store'

/**
 * The board holding `records`, as ONE Yjs V1 update. Every record is checked as
 * a client's would be: a template that the server itself would refuse must fail
 * here, loudly, rather than leave clients with a board they cannot load.
 */
export function encodeBoard(records: TLRecord[]): Uint8Array {
  const schema = createBoardSchema()
  for (const record of records) {
    const check = checkBoardRecord(schema, record.id, record)
    if (!check.ok) throw new Error(`invalid board record ${record.id}: ${check.reason}`)
  }
  const doc = new Y.Doc()
  try {
    const kv = new YKeyValue<TLRecord>(doc.getArray(RECORDS_ARRAY))
    doc.transact(() => {
      for (const record of records) kv.set(record.id, record)
      doc.getMap(META_MAP).set(SCHEMA_KEY, schema.serialize())
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

/** The current records of a stored board (its snapshot and log applied to a fresh document). */
export async function loadBoardRecords(store: Store, docName: string): Promise<unknown[]> {
  const stored = await store.loadDoc(docName)
  const doc = new Y.Doc()
  try {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    return readBoardRecords(doc)
  } finally {
    doc.destroy()
  }
}
