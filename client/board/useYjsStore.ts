/**
 * The tldraw ⇄ Yjs binding, after tldraw's official Yjs example (useYjsStore):
 *
 * 1. a TLStore is created for the connection; status stays 'loading' until the
 *    provider's first `sync` (the server's state has been received);
 * 2. then, if the board document is empty, a writer initialises it with the
 *    store's default document and page records and the tldraw schema, in one
 *    transaction (ids are fixed — `document:document`, `page:page` — so two
 *    people opening a new board at once write the same records); otherwise the
 *    document's records are loaded into the store through mergeRemoteChanges;
 * 3. remote changes keep flowing in (recordsWatcher → recordGate →
 *    mergeRemoteChanges, each record validated on its own), the user's own
 *    document changes flow out (localWriter; not for observers, who never write),
 *    and presence goes through awareness (presenceSync).
 *
 * Private writing (issue 3 §3) adds drafts documents: the store shows the
 * union of the board, the participant's own drafts and, for a facilitator,
 * other people's drafts (drafts/recordView.ts), and each local edit goes to
 * the board or to the own drafts (drafts/recordRouter.ts). Drafts come and go
 * without rebuilding the store.
 *
 * Remote changes are applied inside mergeRemoteChanges, so tldraw's undo/redo
 * only ever undoes the user's own changes.
 */
import { useEffect, useRef, useState } from 'react'
import {
  atom,
  createTLStore,
  defaultBindingUtils,
  type TLPresenceUserInfo,
  type TLRecord,
  type TLStoreWithStatus,
} from 'tldraw'
import { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'
import { META_MAP, RECORDS_ARRAY, SCHEMA_KEY, SHARED_RECORD_TYPES } from '../../shared/boardDoc'
import { winningEntries } from '../../shared/model/boardRecords'
import type { BoardConnection } from '../sync/boardConnection'
import { boardShapeUtils } from './chantier/boardShapes'
import { routeRecord } from './drafts/recordRouter'
import { createRecordView, type RecordView } from './drafts/recordView'
import type { DraftsConnections } from './drafts/useDraftsConnections'
import { bindLocalWriter, LOCAL_ORIGIN, type LocalWriter, type WriteTarget } from './localWriter'
import { stampNewNotes } from './noteAuthorStamp'
import { bindPresence } from './presenceSync'
import { type RecordEntry, RejectionLog } from './recordGate'

export interface YjsStoreOptions {
  connection: BoardConnection | null
  /** False for observers: nothing is ever written to the document. */
  canWrite: boolean
  /** Read-only editor (observers, or a connection the server refused). */
  readOnly: boolean
  online: boolean
  user: TLPresenceUserInfo
  /** A local record could not be shared (invalid or too large for the server). */
  onRejected?(record: TLRecord, reason: string): void
  /** The drafts documents open on this page (private writing). */
  drafts: DraftsConnections
  /** Private writing is on: a participant's new notes go to their own drafts. */
  privateWriting: boolean
}

const SHARED: ReadonlySet<string> = new Set(SHARED_RECORD_TYPES)

export function useYjsStore({
  connection,
  canWrite,
  readOnly,
  online,
  user,
  onRejected,
  drafts,
  privateWriting,
}: YjsStoreOptions) {
  const [storeWithStatus, setStoreWithStatus] = useState<TLStoreWithStatus>({ status: 'loading' })
  // Signals handed to tldraw once per store; kept current by the effects below.
  const [signals] = useState(() => ({
    mode: atom<'readonly' | 'readwrite'>('atelier mode', readOnly ? 'readonly' : 'readwrite'),
    status: atom<'online' | 'offline'>('atelier status', online ? 'online' : 'offline'),
    user: atom<TLPresenceUserInfo>('atelier user', user),
  }))
  const onRejectedRef = useRef(onRejected)
  onRejectedRef.current = onRejected
  const privateWritingRef = useRef(privateWriting)
  privateWritingRef.current = privateWriting
  const canWriteAtStart = useRef(canWrite)
  const [view, setView] = useState<RecordView | null>(null)
  /** The own drafts, as the local writer writes them (set while that document is followed). */
  const ownDrafts = useRef<WriteTarget | null>(null)

  useEffect(() => {
    signals.mode.set(readOnly ? 'readonly' : 'readwrite')
  }, [signals, readOnly])
  useEffect(() => {
    signals.status.set(online ? 'online' : 'offline')
  }, [signals, online])
  useEffect(() => {
    signals.user.set(user)
  }, [signals, user])

  useEffect(() => {
    if (!connection) return
    const { doc, provider } = connection
    const canWriteDoc = canWriteAtStart.current
    setStoreWithStatus({ status: 'loading' })

    const store = createTLStore({
      // The same list <Tldraw> gets: tldraw's shapes and the chantier, the server's schema.
      shapeUtils: boardShapeUtils,
      bindingUtils: defaultBindingUtils,
      // mode: tldraw keeps the editor's isReadonly in step with it;
      // status: tldraw's own offline indicator and collaboration UI (people menu).
      collaboration: { mode: signals.mode, status: signals.status },
    })
    const log = new RejectionLog()
    const yarray = doc.getArray<RecordEntry>(RECORDS_ARRAY)
    const meta = doc.getMap<unknown>(META_MAP)
    const unsubs: Array<() => void> = []
    let loaded = false

    const load = () => {
      if (loaded) return
      loaded = true

      let localWriter: LocalWriter | null = null
      const records = createRecordView({ store, log, isPending: (id) => localWriter?.isPending(id) ?? false })
      unsubs.push(records.dispose)
      const boardEmpty = winningEntries(yarray).size === 0
      records.follow('board', yarray)
      // Lets tldraw add what the store needs to be usable (document, page,
      // camera…). The local writer is not listening yet, so none of it is
      // written: an empty board is initialised explicitly just below.
      store.mergeRemoteChanges(() => {})

      if (canWriteDoc) {
        const board = writeTarget(doc, yarray)
        if (boardEmpty) {
          const initial = store
            .allRecords()
            .filter((r) => store.scopedTypes.document.has(r.typeName) && SHARED.has(r.typeName))
          doc.transact(() => {
            for (const record of initial) board.records.set(record.id, record)
            meta.set(SCHEMA_KEY, store.schema.serialize())
          }, LOCAL_ORIGIN)
        }
        const writer = bindLocalWriter({
          store,
          targetOf: (record) => {
            const own = ownDrafts.current
            const destination = routeRecord(record, {
              inBoard: (id) => board.records.has(id),
              inOwnDrafts: (id) => own?.records.has(id) ?? false,
              inOthersDrafts: records.isOthersDraft,
              privateNotes: own !== null && privateWritingRef.current,
              record: (id) => store.get(id as TLRecord['id']),
            })
            return destination === 'board' ? board : destination === 'drafts' ? own : null
          },
          targets: () => (ownDrafts.current ? [board, ownDrafts.current] : [board]),
          log,
          onRejected: (r, reason) => onRejectedRef.current?.(r, reason),
        })
        localWriter = writer
        unsubs.push(writer.dispose)
        // Our notes carry our participant id (the presence user's), as the server requires.
        unsubs.push(stampNewNotes(store, signals.user.get().id))
      }

      unsubs.push(bindPresence({ store, awareness: provider.awareness, user: signals.user, log }))
      setView(records)
      setStoreWithStatus({ status: 'synced-remote', connectionStatus: 'online', store })
    }

    const onSync = (synced: boolean) => {
      if (synced) load()
    }
    provider.on('sync', onSync)
    if (provider.synced) load()

    return () => {
      provider.off('sync', onSync)
      for (const unsub of unsubs.splice(0)) unsub()
      setView(null)
      setStoreWithStatus({ status: 'loading' })
    }
  }, [connection, signals])

  // The own drafts: shown, and written by the local writer (only its author has it).
  const own = drafts.own
  useEffect(() => {
    if (!view || !own) return
    const yarray = own.doc.getArray<RecordEntry>(RECORDS_ARRAY)
    if (canWriteAtStart.current) ownDrafts.current = writeTarget(own.doc, yarray)
    const unfollow = view.follow('own', yarray)
    return () => {
      ownDrafts.current = null
      unfollow()
    }
  }, [view, own])

  // Other people's drafts (a facilitator's): only ever added while the page is open.
  const others = drafts.others
  const [followed] = useState(() => new Map<BoardConnection, () => void>())
  useEffect(() => {
    if (!view) return
    for (const c of others) {
      if (!followed.has(c)) followed.set(c, view.follow('others', c.doc.getArray<RecordEntry>(RECORDS_ARRAY)))
    }
    for (const [c, unfollow] of followed) {
      if (others.includes(c)) continue
      unfollow()
      followed.delete(c)
    }
  }, [view, others, followed])
  useEffect(() => {
    if (!view) return
    return () => {
      for (const unfollow of followed.values()) unfollow()
      followed.clear()
    }
  }, [view, followed])

  return storeWithStatus
}

/** A document's records array seen as TLRecord values, to write it (only writers make one: YKeyValue writes clean-ups). */
function writeTarget(doc: Y.Doc, yarray: Y.Array<RecordEntry>): WriteTarget {
  return { doc, records: new YKeyValue<TLRecord>(yarray as unknown as Y.Array<{ key: string; val: TLRecord }>) }
}
