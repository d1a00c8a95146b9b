/**
 * Opens a document connection and closes it when the page leaves it. Created
 * in an effect (not during render) so React's double-invoked effects in
 * development never leave a stray socket open.
 *
 * When the server refuses a write because the board is locked (4423), our
 * Y.Doc holds an edit nobody else has: reconnecting it would offer the edit
 * again, and keeping it would show a document that is not the room's. So the
 * connection is dropped and a fresh one (new Y.Doc, hence a new tldraw store)
 * is opened: the page ends showing the server's state. A document that keeps
 * refusing right away is rebuilt with a growing delay, never in a tight loop.
 */
import { useEffect, useState } from 'react'
import { REBUILD_CLOSE_CODES } from '../../shared/protocol'
import type { BoardConnection } from './boardConnection'

/** A rebuild less than this long after the previous one waits, doubling up to MAX_REBUILD_DELAY_MS. */
const QUICK_REBUILD_MS = 10_000
const FIRST_REBUILD_DELAY_MS = 500
const MAX_REBUILD_DELAY_MS = 8000

/** `open` (null: nothing to open) is called again only when `room` changes, or to rebuild. */
export function useRebuildingConnection(room: string | null, open: () => BoardConnection): BoardConnection | null {
  const [connection, setConnection] = useState<BoardConnection | null>(null)
  const [generation, setGeneration] = useState(0)
  const [rebuilds] = useState(() => ({ at: 0, delay: 0 }))

  // biome-ignore lint/correctness/useExhaustiveDependencies: the room and a new generation are what open a connection (open is a fresh closure on every render)
  useEffect(() => {
    if (room === null) return
    const created = open()
    let timer: ReturnType<typeof setTimeout> | undefined
    const onClose = (event: CloseEvent | null) => {
      if (!event || !REBUILD_CLOSE_CODES.has(event.code)) return
      const now = Date.now()
      const quick = now - rebuilds.at < QUICK_REBUILD_MS
      rebuilds.delay = quick ? Math.min(MAX_REBUILD_DELAY_MS, Math.max(FIRST_REBUILD_DELAY_MS, rebuilds.delay * 2)) : 0
      rebuilds.at = now + rebuilds.delay
      timer = setTimeout(() => setGeneration((g) => g + 1), rebuilds.delay)
    }
    created.provider.on('connection-close', onClose)
    setConnection(created)
    return () => {
      clearTimeout(timer)
      created.provider.off('connection-close', onClose)
      created.destroy()
      setConnection(null)
    }
  }, [room, generation, rebuilds])

  return connection
}
