/**
 * Warns before closing the tab while edits made offline have not reached the
 * server yet: Yjs keeps them in memory and sends them on reconnection, but a
 * closed tab loses them (there is no local persistence).
 */
import { useEffect } from 'react'
import type { BoardConnection } from '../sync/boardConnection'

export function useLeaveWarning(connection: BoardConnection | null): void {
  useEffect(() => {
    if (!connection) return
    const { doc, provider } = connection
    let unsent = false
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      // Updates from the provider came from the server; ours made while disconnected are unsent.
      if (origin !== provider && !provider.wsconnected) unsent = true
    }
    const onSync = (synced: boolean) => {
      // Sync step 2 carried them to the server on reconnection.
      if (synced) unsent = false
    }
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!unsent) return
      event.preventDefault()
      event.returnValue = ''
    }
    doc.on('update', onUpdate)
    provider.on('sync', onSync)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      doc.off('update', onUpdate)
      provider.off('sync', onSync)
      window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [connection])
}
