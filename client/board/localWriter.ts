/**
 * Store → Yjs: the user's own document changes, written to the board document
 * (or, with private writing, to the user's own drafts: `targetOf` decides, see
 * drafts/recordRouter.ts).
 *
 * - Only changes with source 'user' and scope 'document' are taken: session
 *   records (camera, selection, pointer) stay local, and changes that came from
 *   Yjs (applied inside mergeRemoteChanges, source 'remote') are not echoed.
 * - Changes are coalesced per record and flushed at most every FLUSH_MS: a drag
 *   at 60 fps becomes ~20 small updates per second instead of 60, which keeps
 *   the server's update log and per-connection message rate low. The first
 *   change after a quiet period goes out at once (leading edge), so a single
 *   edit pays no throttling delay.
 * - A flush writes each touched record *as the store holds it at that moment*
 *   (or deletes it if the store no longer has it), not the value seen in the
 *   change event. So whatever happened in between — a remote change merged
 *   while our edit was waiting — the document ends up equal to our store, and
 *   since our entry is the newest, every other client converges to it too.
 *   Remote changes to a record we are about to write are skipped for the same
 *   reason (see `isPending`): our in-flight edit wins, as it would a moment later.
 * - A record the server would refuse (invalid, too large) is not written at all:
 *   the server closes the connection on it, and it would be sent again on every
 *   reconnect. It stays on this screen only, and `onRejected` is told.
 * - A flush is split into several transactions (several WebSocket frames) when
 *   it grows past FLUSH_CHUNK_CHARS, to stay under the server's frame limit.
 */
import type { TLRecord, TLStore } from 'tldraw'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'
import { deleteEntries, type RecordEntry } from '../../shared/model/boardRecords'
import { checkLocalRecord, type RejectionLog } from './recordGate'

const FLUSH_MS = 50
const FLUSH_CHUNK_CHARS = 512 * 1024

/** Marks our own transactions (for debugging; Yjs already flags them `local`). */
export const LOCAL_ORIGIN = Symbol('atelier-local')

/** A document the user writes, seen as TLRecord values. */
export interface WriteTarget {
  doc: Y.Doc
  records: YKeyValue<TLRecord>
}

export interface LocalWriterOptions {
  store: TLStore
  /** Where this record goes; null: nowhere, it stays on this screen. */
  targetOf(record: TLRecord): WriteTarget | null
  /** Every document a deleted record is deleted from (those holding it). */
  targets(): WriteTarget[]
  log: RejectionLog
  onRejected?(record: TLRecord, reason: string): void
}

export interface LocalWriter {
  /** Whether a local edit of this record is waiting to be written. */
  isPending(id: string): boolean
  flush(): void
  dispose(): void
}

export function bindLocalWriter({ store, targetOf, targets, log, onRejected }: LocalWriterOptions): LocalWriter {
  const pending = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastFlushAt = Number.NEGATIVE_INFINITY

  const flush = () => {
    lastFlushAt = performance.now()
    if (timer !== null) {
      clearTimeout(timer)
      timer = null
    }
    if (pending.size === 0) return
    const ids = [...pending]
    pending.clear()
    const writes = new Map<WriteTarget, Array<[string, TLRecord | null]>>()
    const write = (target: WriteTarget, id: string, record: TLRecord | null) => {
      const list = writes.get(target)
      if (list) list.push([id, record])
      else writes.set(target, [[id, record]])
    }
    for (const id of ids) {
      const record = store.get(id as TLRecord['id'])
      if (!record) {
        // Every document that may hold it: deleting a key that is not there writes nothing.
        for (const target of targets()) write(target, id, null)
        continue
      }
      const check = checkLocalRecord(store.schema, record)
      if (!check.ok) {
        log.report('local', id, check.reason, record)
        onRejected?.(record, check.reason)
        continue
      }
      const target = targetOf(record)
      if (target) write(target, id, record)
    }
    for (const [target, entries] of writes) writeInChunks(target, entries)
  }

  const unlisten = store.listen(
    ({ changes }) => {
      for (const id of Object.keys(changes.added)) pending.add(id)
      for (const id of Object.keys(changes.updated)) pending.add(id)
      for (const id of Object.keys(changes.removed)) pending.add(id)
      if (timer === null && pending.size > 0) {
        // A timeout even when due now: the rest of this synchronous burst joins the flush.
        timer = setTimeout(flush, Math.max(0, lastFlushAt + FLUSH_MS - performance.now()))
      }
    },
    { source: 'user', scope: 'document' },
  )

  // Leaving the page: hand the last edits to Yjs (and so to the socket) now.
  window.addEventListener('pagehide', flush)

  return {
    isPending: (id) => pending.has(id),
    flush,
    dispose() {
      unlisten()
      window.removeEventListener('pagehide', flush)
      flush()
    },
  }
}

/** Writes in transactions of at most FLUSH_CHUNK_CHARS (one WebSocket frame each), under the server's frame limit. */
function writeInChunks({ doc, records }: WriteTarget, entries: Array<[string, TLRecord | null]>): void {
  let chunk: Array<[string, TLRecord | null]> = []
  let chunkChars = 0
  const writeChunk = () => {
    if (chunk.length === 0) return
    const batch = chunk
    doc.transact(() => {
      const deleted = new Set<string>()
      for (const [id, record] of batch) {
        if (record === null) deleted.add(id)
        else records.set(id, record)
      }
      deleteEntries(records.yarray as Y.Array<RecordEntry>, deleted)
    }, LOCAL_ORIGIN)
    chunk = []
    chunkChars = 0
  }
  for (const entry of entries) {
    const size = entry[1] === null ? 0 : JSON.stringify(entry[1]).length
    if (chunkChars + size > FLUSH_CHUNK_CHARS) writeChunk()
    chunk.push(entry)
    chunkChars += size
  }
  writeChunk()
}
