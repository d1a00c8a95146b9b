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
import type { BoardConnection } from '../sync/boardConnection'
import { boardShapeUtils } from './chantier/boardShapes'
import { bindLocalWriter, LOCAL_ORIGIN, type LocalWriter } from './localWriter'
import { bindPresence } from './presenceSync'
import { mergeRemoteBatch, type RecordEntry, RejectionLog } from './recordGate'
import { watchRecords } from './recordsWatcher'

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
}

const SHARED: ReadonlySet<string> = new Set(SHARED_RECORD_TYPES)

export function useYjsStore({ connection, canWrite, readOnly, online, user, onRejected }: YjsStoreOptions) {
  const [storeWithStatus, setStoreWithStatus] = useState<TLStoreWithStatus>({ status: 'loading' })
  // Signals handed to tldraw once per store; kept current by the effects below.
  const [signals] = useState(() => ({
    mode: atom<'readonly' | 'readwrite'>('atelier mode', readOnly ? 'readonly' : 'readwrite'),
    status: atom<'online' | 'offline'>('atelier status', online ? 'online' : 'offline'),
    user: atom<TLPresenceUserInfo>('atelier user', user),
  }))
  const onRejectedRef = useRef(onRejected)
  onRejectedRef.current = onRejected
  const canWriteAtStart = useRef(canWrite)

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
      const watcher = watchRecords(yarray, (batch) => {
        // A record with a local edit waiting to be written keeps our version (see localWriter).
        const pending = localWriter
        const remoteBatch = pending
          ? {
              put: batch.put.filter((e) => !pending.isPending(e.key)),
              remove: batch.remove.filter((id) => !pending.isPending(id)),
            }
          : batch
        mergeRemoteBatch(store, remoteBatch, log)
      })
      unsubs.push(watcher.dispose)

      const entries = watcher.entries()
      if (entries.length > 0) {
        mergeRemoteBatch(store, { put: entries, remove: [] }, log)
      }
      // Lets tldraw add what the store needs to be usable (document, page,
      // camera…). The local writer is not listening yet, so none of it is
      // written: an empty board is initialised explicitly just below.
      store.mergeRemoteChanges(() => {})

      if (canWriteDoc) {
        // Same array, seen as TLRecord values: only writers use it, and only to write.
        const records = new YKeyValue<TLRecord>(yarray as unknown as Y.Array<{ key: string; val: TLRecord }>)
        if (entries.length === 0) {
          const initial = store
            .allRecords()
            .filter((r) => store.scopedTypes.document.has(r.typeName) && SHARED.has(r.typeName))
          doc.transact(() => {
            for (const record of initial) records.set(record.id, record)
            meta.set(SCHEMA_KEY, store.schema.serialize())
          }, LOCAL_ORIGIN)
        }
        const writer = bindLocalWriter({
          store,
          doc,
          records,
          log,
          onRejected: (r, reason) => onRejectedRef.current?.(r, reason),
        })
        localWriter = writer
        unsubs.push(writer.dispose)
      }

      unsubs.push(bindPresence({ store, awareness: provider.awareness, user: signals.user, log }))
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
      setStoreWithStatus({ status: 'loading' })
    }
  }, [connection, signals])

  return storeWithStatus
}
