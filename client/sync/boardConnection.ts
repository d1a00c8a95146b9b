/**
 * A connection to one of a workshop's documents: a Y.Doc and the stock
 * y-websocket provider on `ws(s)://<our host>/sync/<room>` — the board
 * (`<workshopId>/board`), a participant's drafts, or the control document.
 *
 * The browser authenticates with the session cookie sent on the upgrade (same
 * origin), so no URL parameters are needed.
 */
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { boardDocName } from '../../shared/boardDoc'
import { shouldReconnect } from './closeCodes'
import { type Delivery, watchDelivery } from './delivery'
import { sendOwnAwarenessOnly } from './ownAwarenessOnly'

export interface BoardConnection {
  doc: Y.Doc
  provider: WebsocketProvider
  /** What the server has acknowledged, and whether the link answers (delivery.ts). */
  delivery: Delivery
  destroy(): void
}

export function syncBaseUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/sync`
}

/**
 * Opens `room`. With `presence`, our awareness entry (cursor, name) is published
 * — and only ours (see ownAwarenessOnly); without, nobody is "present" there.
 */
export function openSyncDoc(room: string, { presence }: { presence: boolean }): BoardConnection {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(syncBaseUrl(), room, doc, {
    // Every change must go through the server, which checks roles and records:
    // no tab-to-tab shortcut over BroadcastChannel.
    disableBc: true,
    maxBackoffTime: 5000,
    shouldReconnect,
  })
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
