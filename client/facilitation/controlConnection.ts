/**
 * The workshop's control document (shared/control.ts), read through the stock
 * y-websocket provider on `/sync/<workshopId>/control`. The server alone writes
 * it; this client only reads: it publishes no presence and never answers with
 * a sync step 2 (the server sends read-only connections no step 1).
 */
import { controlDocName } from '../../shared/boardDoc'
import { CONTROL_MAP, type ControlState } from '../../shared/control'
import { openSyncDoc } from '../sync/boardConnection'

export interface ControlConnection {
  /** The state once the first sync arrived, null before. */
  current(): ControlState | null
  /** Called after every change of the document (and once synced). */
  subscribe(listener: () => void): () => void
  destroy(): void
}

export function createControlConnection(workshopId: string): ControlConnection {
  const { doc, provider, destroy } = openSyncDoc(controlDocName(workshopId), { presence: false })
  const map = doc.getMap<unknown>(CONTROL_MAP)
  const listeners = new Set<() => void>()
  let state: ControlState | null = null
  const refresh = () => {
    if (!provider.synced && state === null) return
    // A new object on every change, so React sees it; the server writes whole keys.
    state = map.toJSON() as ControlState
    for (const l of listeners) l()
  }
  map.observe(refresh)
  provider.on('sync', (synced: boolean) => {
    if (synced) refresh()
  })
  return {
    current: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      map.unobserve(refresh)
      listeners.clear()
      destroy()
    },
  }
}
