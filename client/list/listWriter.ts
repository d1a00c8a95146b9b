/**
 * The list view's writes, as the canvas makes them (client/board/localWriter.ts):
 *
 * - through y-utility's YKeyValue over the document's records array, created
 *   only once this person writes (its clean-up of duplicate keys is a write,
 *   which observers and read-only screens must never send);
 * - every record checked with `checkBoardRecord` first, as the server will
 *   check it: a record it would refuse closes the connection (4400), so none
 *   is written and the caller is told;
 * - each to the document the canvas's router picks (drafts/recordRouter.ts):
 *   a record stays where it is, a new note goes to the own drafts while
 *   private writing is on, and someone else's private note is never written
 *   (that would publish it).
 *
 * Deleting a shape also deletes the bindings (arrows) that end on it, as
 * tldraw does on the canvas.
 */
import type { TLRecord, TLSchema } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'
import { RECORDS_ARRAY } from '../../shared/boardDoc'
import { checkBoardRecord, createBoardSchema } from '../../shared/boardSchema'
import { deleteEntries, type RecordEntry, winningEntries } from '../../shared/model/boardRecords'
import { routeRecord } from '../board/drafts/recordRouter'
import type { ListRecords } from './listRecords'

export type WriteResult = { ok: true } | { ok: false; reason: 'invalid' | 'private'; detail: string }

export interface ListWriterOptions {
  board: Y.Doc
  /** The participant's own drafts (null for facilitators). */
  own: Y.Doc | null
  /** What the list shows now (to route bindings and to tell others' private records). */
  view: () => ListRecords
  /** A participant's new notes go to their drafts (private writing is on). */
  privateNotes: () => boolean
}

export interface ListWriter {
  put(records: readonly TLRecord[]): WriteResult
  remove(ids: readonly string[]): WriteResult
}

let schema: TLSchema | null = null
const keyValues = new WeakMap<Y.Doc, YKeyValue<TLRecord>>()

function keyValue(doc: Y.Doc): YKeyValue<TLRecord> {
  let kv = keyValues.get(doc)
  if (!kv) {
    kv = new YKeyValue<TLRecord>(doc.getArray(RECORDS_ARRAY) as Y.Array<{ key: string; val: TLRecord }>)
    keyValues.set(doc, kv)
  }
  return kv
}

function held(doc: Y.Doc): Set<string> {
  return new Set(winningEntries(doc.getArray<RecordEntry>(RECORDS_ARRAY)).keys())
}

export function createListWriter({ board, own, view, privateNotes }: ListWriterOptions): ListWriter {
  const ownDrafts = () => (own ? keyValue(own) : null)
  const othersPrivate = (id: string) => view().source.get(id) === 'others'

  return {
    put(records) {
      schema ??= createBoardSchema()
      for (const record of records) {
        const check = checkBoardRecord(schema, record.id, record)
        if (!check.ok) return { ok: false, reason: 'invalid', detail: check.reason }
      }
      const boardKv = keyValue(board)
      const drafts = ownDrafts()
      // What the documents hold, read from their arrays as the app reads them (YKeyValue's map can drift).
      const inBoard = held(board)
      const inDrafts = own && drafts ? held(own) : new Set<string>()
      const ctx = {
        inBoard: (id: string) => inBoard.has(id),
        inOwnDrafts: (id: string) => inDrafts.has(id),
        inOthersDrafts: (id: string) => !inBoard.has(id) && othersPrivate(id),
        privateNotes: drafts !== null && privateNotes(),
        record: (id: string) => (records.find((r) => r.id === id) ?? view().byId.get(id)) as TLRecord | undefined,
      }
      const toBoard: TLRecord[] = []
      const toDrafts: TLRecord[] = []
      for (const record of records) {
        const destination = routeRecord(record, ctx)
        if (destination === 'none') return { ok: false, reason: 'private', detail: record.id }
        ;(destination === 'drafts' ? toDrafts : toBoard).push(record)
      }
      if (toBoard.length > 0) {
        board.transact(() => {
          for (const r of toBoard) boardKv.set(r.id, r)
        })
      }
      if (drafts && own && toDrafts.length > 0) {
        own.transact(() => {
          for (const r of toDrafts) drafts.set(r.id, r)
        })
      }
      return { ok: true }
    },

    remove(ids) {
      if (ids.some(othersPrivate)) return { ok: false, reason: 'private', detail: ids.join(' ') }
      const gone = new Set(ids)
      for (const record of view().byId.values()) {
        const binding = record as { typeName?: unknown; id?: unknown; fromId?: unknown; toId?: unknown }
        if (binding.typeName !== 'binding' || typeof binding.id !== 'string') continue
        if (gone.has(binding.fromId as string) || gone.has(binding.toId as string)) gone.add(binding.id)
      }
      for (const doc of own ? [board, own] : [board]) {
        // A document holding none of them gets an empty transaction: no update is sent.
        doc.transact(() => deleteEntries(doc.getArray<RecordEntry>(RECORDS_ARRAY), gone))
      }
      return { ok: true }
    },
  }
}
