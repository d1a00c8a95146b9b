/**
 * The records of the documents the list view follows (the board, the own
 * drafts, others' drafts), live: the winning `{ key, val }` entry of each key,
 * read with `winningEntries`, again after every change. It only reads — never
 * YKeyValue, whose clean-up writes (see client/board/recordsWatcher.ts).
 */
import { useEffect, useMemo, useState } from 'react'
import { RECORDS_ARRAY } from '../../shared/boardDoc'
import { type RecordEntry, winningEntries } from '../../shared/model/boardRecords'
import type { BoardConnection } from '../sync/boardConnection'

export interface DocEntries {
  /** The server's state has arrived (the provider's first sync; it stays so offline). */
  synced: boolean
  entries: ReadonlyMap<string, RecordEntry>
}

const NOTHING: DocEntries = { synced: false, entries: new Map() }

/** `connections` must keep its identity while it holds the same connections (a memoised array). */
export function useRecordEntries(connections: readonly (BoardConnection | null)[]): DocEntries[] {
  const [version, setVersion] = useState(0)
  // provider.synced turns false whenever the socket drops; the list must stay writable offline
  // (its changes are kept and sent on reconnection), so what counts is having synced once.
  const [syncedOnce] = useState(() => new WeakSet<BoardConnection>())
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1)
    const stops = connections.map((c) => {
      if (!c) return () => {}
      const records = c.doc.getArray<RecordEntry>(RECORDS_ARRAY)
      records.observe(bump)
      c.provider.on('sync', bump)
      return () => {
        records.unobserve(bump)
        c.provider.off('sync', bump)
      }
    })
    bump()
    return () => {
      for (const stop of stops) stop()
    }
  }, [connections])
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version is what makes the entries worth reading again
  return useMemo(
    () =>
      connections.map((c) => {
        if (!c) return NOTHING
        if (c.provider.synced) syncedOnce.add(c)
        return { synced: syncedOnce.has(c), entries: winningEntries(c.doc.getArray<RecordEntry>(RECORDS_ARRAY)) }
      }),
    [connections, version, syncedOnce],
  )
}
