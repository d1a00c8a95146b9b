/**
 * The records the tldraw store shows, gathered from several documents in
 * priority order (recordUnion.ts): the board, the participant's own drafts,
 * and for a facilitator other people's drafts.
 *
 * - Every remote change of any of them reaches the store through
 *   mergeRemoteBatch, so it is never undoable and never echoed back; a record
 *   with a local edit waiting to be written keeps our version (see localWriter).
 * - Which records are private (in a drafts document, not in the board) is kept
 *   in a signal, read by the « Privée » marker on the canvas (privateRecordIds).
 * - Other people's drafts are read-only here: the user can neither change nor
 *   delete them (the server would refuse, and writing them to the board would
 *   publish them).
 */
import { atom, type TLStore } from 'tldraw'
import type * as Y from 'yjs'
import { mergeRemoteBatch, type RecordEntry, type RejectionLog, type RemoteBatch } from '../recordGate'
import { type RecordsWatcher, watchRecords } from '../recordsWatcher'
import { keysOnlyFrom, unionChange } from './recordUnion'

export type SourceKind = 'board' | 'own' | 'others'
const PRIORITY: Record<SourceKind, number> = { board: 0, own: 1, others: 2 }

export interface RecordView {
  /** Shows one more document's records (in its kind's rank); returns how to stop, which removes what only it held. */
  follow(kind: SourceKind, yarray: Y.Array<RecordEntry>): () => void
  /** Whether the store's record of this id comes from someone else's drafts. */
  isOthersDraft(id: string): boolean
  dispose(): void
}

export interface RecordViewOptions {
  store: TLStore
  log: RejectionLog
  /** A local edit of this record is waiting to be written. */
  isPending(id: string): boolean
}

interface Source {
  kind: SourceKind
  watcher: RecordsWatcher
}

type PrivateIds = ReturnType<typeof atom<ReadonlySet<string>>>
const privateIdsByStore = new WeakMap<TLStore, PrivateIds>()

/** The ids of the private records in this store (a tracked read: use it inside tldraw's useValue). */
export function privateRecordIds(store: TLStore): ReadonlySet<string> {
  return privateIdsByStore.get(store)?.get() ?? new Set()
}

export function createRecordView({ store, log, isPending }: RecordViewOptions): RecordView {
  const sources: Source[] = []
  const privateIds: PrivateIds = atom('private records', new Set<string>())
  privateIdsByStore.set(store, privateIds)
  let disposed = false
  const watchers = () => sources.map((s) => s.watcher)

  const merge = (batch: RemoteBatch) => {
    const put = batch.put.filter((e) => !isPending(e.key))
    const remove = batch.remove.filter((id) => !isPending(id))
    mergeRemoteBatch(store, { put, remove }, log)
  }

  const refreshPrivate = () => {
    const firstDrafts = sources.findIndex((s) => s.kind !== 'board')
    const ids = firstDrafts < 0 ? new Set<string>() : keysOnlyFrom(watchers(), firstDrafts)
    const current = privateIds.get()
    if (ids.size !== current.size || [...ids].some((id) => !current.has(id))) privateIds.set(ids)
  }

  const isOthersDraft = (id: string) => sources.find((s) => s.watcher.get(id) !== undefined)?.kind === 'others'

  const blocked = (id: string, source: 'user' | 'remote') => source === 'user' && isOthersDraft(id)
  const unblock = [
    store.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) =>
      blocked(prev.id, source) ? prev : next,
    ),
    store.sideEffects.registerBeforeChangeHandler('binding', (prev, next, source) =>
      blocked(prev.id, source) ? prev : next,
    ),
    store.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) =>
      blocked(shape.id, source) ? false : undefined,
    ),
    store.sideEffects.registerBeforeDeleteHandler('binding', (binding, source) =>
      blocked(binding.id, source) ? false : undefined,
    ),
  ]

  return {
    follow(kind, yarray) {
      if (disposed) return () => {}
      const source: Source = {
        kind,
        watcher: watchRecords(
          yarray,
          (batch) => merge(unionChange(watchers(), sources.indexOf(source), batch)),
          refreshPrivate,
        ),
      }
      const at = sources.findIndex((s) => PRIORITY[s.kind] > PRIORITY[kind])
      const index = at < 0 ? sources.length : at
      sources.splice(index, 0, source)
      merge(unionChange(watchers(), index, { put: source.watcher.entries(), remove: [] }))
      refreshPrivate()
      return () => {
        const index = sources.indexOf(source)
        if (disposed || index < 0) return
        source.watcher.dispose()
        // As if it had removed everything it held (unionChange reads only the other sources).
        merge(unionChange(watchers(), index, { put: [], remove: [...source.watcher.keys()] }))
        sources.splice(index, 1)
        refreshPrivate()
      }
    },
    isOthersDraft,
    dispose() {
      disposed = true
      for (const s of sources.splice(0)) s.watcher.dispose()
      for (const u of unblock) u()
      privateIdsByStore.delete(store)
    },
  }
}
