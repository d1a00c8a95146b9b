/**
 * Makes a y-websocket provider send only *our own* awareness entry.
 *
 * The stock provider re-broadcasts every awareness update it receives,
 * including other clients' entries (yjs/yjs#732). The server drops those
 * echoes, but they still count against the per-connection message rate: with
 * ten people moving their cursors, each client would echo ~200 messages per
 * second and be closed as "rate limited" (fatal). We swap the provider's handler
 * for one that only forwards changes to our own entry.
 */
import * as encoding from 'lib0/encoding'
import { encodeAwarenessUpdate } from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'
import { MessageType } from '../../shared/protocol'

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

export function sendOwnAwarenessOnly(provider: WebsocketProvider): void {
  const awareness = provider.awareness
  awareness.off('update', provider._awarenessUpdateHandler)
  const handler = ({ added, updated, removed }: AwarenessChange, _origin: unknown) => {
    const own = awareness.clientID
    if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return
    const ws = provider.ws
    if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.awareness)
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [own]))
    ws.send(encoding.toUint8Array(encoder))
  }
  // Stored back on the provider so that provider.destroy() unregisters it.
  provider._awarenessUpdateHandler = handler
  awareness.on('update', handler)
}
