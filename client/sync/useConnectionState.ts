/**
 * Follows a board connection's state for the UI, and stops the provider for
 * good when the server says reconnecting is pointless.
 *
 * A refused WebSocket upgrade (expired or revoked session: HTTP 401/403) looks
 * like a plain network failure to the browser (close 1006), so after a few
 * failed attempts we ask the session endpoint, which tells the two apart.
 */
import { useEffect, useReducer } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { ApiRequestError, api } from '../api'
import { closeMeaning } from './closeCodes'
import { type ConnectionState, initialConnectionState, reduceConnection } from './connectionState'
import { deliveryOf } from './delivery'

const SESSION_PROBE_AFTER_FAILURES = 3
const SESSION_PROBE_EVERY_MS = 15_000

export function useConnectionState(provider: WebsocketProvider | null, workshopId: string): ConnectionState {
  const [state, dispatch] = useReducer(reduceConnection, undefined, () => initialConnectionState(navigator.onLine))

  useEffect(() => {
    if (!provider) return
    let lastProbe = 0
    let stopped = false

    const onStatus = ({ status }: { status: 'connected' | 'connecting' | 'disconnected' }) =>
      dispatch({ type: 'status', status })

    const onClose = (event: CloseEvent | null) => {
      // null: closed by us (provider.disconnect / watchdog); the provider reconnects.
      if (!event) return dispatch({ type: 'close', code: undefined })
      const meaning = closeMeaning(event.code)
      if (meaning.kind === 'fatal') {
        // Already implied by our shouldReconnect; said explicitly so no later attempt is scheduled.
        provider.shouldConnect = false
      }
      dispatch({ type: 'close', code: event.code })
      if (meaning.kind === 'retry' && provider.wsUnsuccessfulReconnects >= SESSION_PROBE_AFTER_FAILURES) probeSession()
    }

    const probeSession = () => {
      const now = Date.now()
      if (now - lastProbe < SESSION_PROBE_EVERY_MS) return
      lastProbe = now
      api.session(workshopId).then(
        () => {},
        (e: unknown) => {
          if (stopped) return
          if (e instanceof ApiRequestError && (e.status === 401 || e.status === 403)) {
            provider.shouldConnect = false
            dispatch({ type: 'fatal', reason: 'sessionExpired' })
          }
        },
      )
    }

    const onOnline = () => {
      dispatch({ type: 'browser', online: true })
      // Back online: do not wait for the backoff timer.
      if (provider.shouldConnect && !provider.wsconnected && !provider.wsconnecting) provider.connect()
    }
    const onOffline = () => dispatch({ type: 'browser', online: false })

    // Silent sockets and unacknowledged changes (openSyncDoc watches every provider it opens).
    const delivery = deliveryOf(provider)
    const offDelivery = delivery?.on(dispatch)
    if (delivery) dispatch({ type: 'unsent', count: delivery.unsent() })
    provider.on('status', onStatus)
    provider.on('connection-close', onClose)
    window.addEventListener('online', onOnline)
    window.addEventListener('offline', onOffline)
    if (provider.wsconnected) dispatch({ type: 'status', status: 'connected' })
    return () => {
      stopped = true
      offDelivery?.()
      provider.off('status', onStatus)
      provider.off('connection-close', onClose)
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOffline)
    }
  }, [provider, workshopId])

  return state
}
