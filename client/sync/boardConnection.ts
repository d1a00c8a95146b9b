/**
 * The connection to a workshop's board document: a Y.Doc and the stock
 * y-websocket provider on `ws(s)://<our host>/sync/<workshopId>/board`.
 *
 * The browser authenticates with the session cookie sent on the upgrade (same
 * origin), so no URL parameters are needed.
 */
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { shouldReconnect } from './closeCodes'
import { sendOwnAwarenessOnly } from './ownAwarenessOnly'

export interface BoardConnection {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

export function syncBaseUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/sync`
}

export function boardRoomName(workshopId: string): string {
  return `${workshopId}/board`
}

export function createBoardConnection(workshopId: string): BoardConnection {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(syncBaseUrl(), boardRoomName(workshopId), doc, {
    // Every change must go through the server, which checks roles and records:
    // no tab-to-tab shortcut over BroadcastChannel.
    disableBc: true,
    maxBackoffTime: 5000,
    shouldReconnect,
  })
  sendOwnAwarenessOnly(provider)
  return {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}
