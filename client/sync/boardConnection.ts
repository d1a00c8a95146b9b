/**
 * A connection to one of a workshop's documents: a Y.Doc and the stock
 * y-websocket provider on `ws(s)://<our host>/sync/<room>` — the board
 * (`<workshopId>/board`), a participant's drafts, or the control document.
 *
 * The browser authenticates with the session cookie sent on the upgrade (same
 * origin), so no URL parameters are needed. Node tests pass a transport (URL,
 * token parameter, WebSocket class) to open the very same connection.
 */
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { boardDocName } from '../../shared/boardDoc'
import { shouldReconnect } from './closeCodes'
import { type Delivery, watchDelivery } from './delivery'
import { jitterReconnects, MAX_BACKOFF_MS } from './jitteredBackoff'
import { sendOwnAwarenessOnly } from './ownAwarenessOnly'

export interface BoardConnection {
  doc: Y.Doc
  provider: WebsocketProvider
  /** What the server has acknowledged, and whether the link answers (delivery.ts). */
  delivery: Delivery
  destroy(): void
}

/** Where and how the provider connects; the page's own origin by default. */
export interface SyncTransport {
  baseUrl: string
  params?: Record<string, string>
  WebSocketPolyfill?: typeof WebSocket
}

export function syncBaseUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/sync`
}

/**
 * Opens `room`. With `presence`, our awareness entry (cursor, name) is published
 * — and only ours (see ownAwarenessOnly); without, nobody is "present" there.
 */
export function openSyncDoc(
  room: string,
  { presence, transport }: { presence: boolean; transport?: SyncTransport },
): BoardConnection {
  const doc = new Y.Doc()
  const { baseUrl, params, WebSocketPolyfill } = transport ?? { baseUrl: syncBaseUrl() }
  const provider = new WebsocketProvider(baseUrl, room, doc, {
    // Every change must go through the server, which checks roles and records:
    // no tab-to-tab shortcut over BroadcastChannel.
    disableBc: true,
    maxBackoffTime: MAX_BACKOFF_MS,
    shouldReconnect,
    ...(params ? { params } : {}),
    ...(WebSocketPolyfill ? { WebSocketPolyfill } : {}),
  })
  jitterReconnects(provider)
  if (presence) sendOwnAwarenessOnly(provider)
  else provider.awareness.setLocalState(null)
  const delivery = watchDelivery(provider, doc)
  return {
    doc,
    provider,
    delivery,
    destroy() {
      delivery.destroy()
      provider.destroy()
      doc.destroy()
    },
  }
}

export function createBoardConnection(workshopId: string): BoardConnection {
  return openSyncDoc(boardDocName(workshopId), { presence: true })
}
