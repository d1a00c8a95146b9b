/**
 * Warns before closing or reloading the tab while changes made here have not
 * been acknowledged by the server (delivery.ts): Yjs keeps them in memory and
 * sends them on reconnection, but a closed tab loses them (there is no local
 * persistence). Acknowledged, not merely sent: on a network that drops
 * packets silently the socket still looks open while nothing arrives.
 */
import { useEffect } from 'react'
import type { BoardConnection } from '../sync/boardConnection'

export function useLeaveWarning(connection: BoardConnection | null): void {
  useEffect(() => {
    if (!connection) return
    const { delivery } = connection
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (delivery.unsent() === 0) return
      event.preventDefault()
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [connection])
}
