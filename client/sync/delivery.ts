/**
 * Delivery to the server, which the stock provider cannot tell: which of our
 * changes the server has stored, and whether the link still answers.
 *
 * Yjs sends updates without acknowledgement. To know that ours arrived,
 * shortly after a local change we send a sync step 1 (our state vector): the
 * server handles a socket's messages in order and answers every step 1 with a
 * step 2 once everything received before it is committed (server/rooms/
 * room.ts), so that step 2 acknowledges every change made before the step 1
 * went out.
 *
 * The same probe tells a dead link from a quiet one. A lost venue Wi-Fi
 * raises no error: the socket stays "open" (the stock provider notices after
 * 30 s without a message) and a new socket whose handshake gets no answer
 * waits forever (y-websocket has no connect timeout), so the page would say
 * « Connecté », then « Reconnexion… » for as long as the cut lasts. Here:
 *   - a quiet connection is asked for the awareness entries (any answer will
 *     do) after IDLE_PROBE_MS without a message;
 *   - nothing heard STALE_MS after a probe: 'stale' (shown as « Reconnexion… »);
 *   - unanswered for DEAD_MS, a handshake longer than CONNECT_TIMEOUT_MS, or
 *     a first sync longer than FIRST_SYNC_MS: the socket is dropped and a new
 *     one opened ('timeout', shown as « Hors ligne »).
 * FIRST_SYNC_MS stays at the stock 30 s: a whole board on a slow link is one
 * large message, and cutting it short would loop.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { writeSyncStep1 } from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { RECORDS_ARRAY } from '../../shared/boardDoc'
import { MessageType, SyncStep } from '../../shared/protocol'

/**
 * How long after a change its acknowledgement is asked for. Not at once: a drag
 * writes 60 updates a second, and a step 1 after each would double the
 * messages the server counts against its rate limit (200/s, then 4429).
 */
export const ACK_AFTER_MS = 250
export const IDLE_PROBE_MS = 4000
export const STALE_MS = 2500
export const DEAD_MS = 10_000
export const CONNECT_TIMEOUT_MS = 10_000
export const FIRST_SYNC_MS = 30_000
const CHECK_EVERY_MS = 500

export type DeliveryEvent =
  | { type: 'unsent'; count: number }
  /** Nothing heard STALE_MS after a probe / heard again. */
  | { type: 'stale' }
  | { type: 'answered' }
  /** The socket was given up as dead; a new one is being opened. */
  | { type: 'timeout' }

export interface Delivery {
  /** Records changed here (set or deleted) that the server has not acknowledged yet. */
  unsent(): number
  on(listener: (event: DeliveryEvent) => void): () => void
  destroy(): void
}

type Entry = { key: string }

const deliveries = new WeakMap<WebsocketProvider, Delivery>()

/** The delivery watch of a provider opened by openSyncDoc. */
export function deliveryOf(provider: WebsocketProvider): Delivery | undefined {
  return deliveries.get(provider)
}

export function watchDelivery(provider: WebsocketProvider, doc: Y.Doc): Delivery {
  const listeners = new Set<(event: DeliveryEvent) => void>()
  const emit = (event: DeliveryEvent) => {
    for (const l of listeners) l(event)
  }

  // Each local transaction on the records gets a number; a key waits for the ack of its latest one.
  let seq = 0
  const pending = new Map<string, number>()
  /** The step 1 sent to acknowledge changes up to `seq`, not answered yet. */
  let ackProbe: { seq: number } | null = null
  let ackTimer: ReturnType<typeof setTimeout> | undefined
  /** When we sent something that must be answered, with nothing heard since. */
  let awaitingSince: number | null = null
  let stale = false
  let connectingSince = 0
  let connectedAt = 0

  const records = doc.getArray<Entry>(RECORDS_ARRAY)
  const onRecords = (event: Y.YArrayEvent<Entry>) => {
    if (event.transaction.origin === provider) return
    seq++
    const before = pending.size
    for (const item of [...event.changes.added, ...event.changes.deleted]) {
      for (const entry of item.content.getContent() as Entry[]) pending.set(entry.key, seq)
    }
    if (pending.size !== before) emit({ type: 'unsent', count: pending.size })
  }
  const askForAck = () => {
    if (ackTimer !== undefined || ackProbe || pending.size === 0) return
    ackTimer = setTimeout(() => {
      ackTimer = undefined
      send(MessageType.sync)
    }, ACK_AFTER_MS)
  }
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) askForAck()
  }

  /** A step 1 (acknowledges our changes) or an awareness query (only: are you there?). */
  const send = (type: typeof MessageType.sync | typeof MessageType.queryAwareness) => {
    const ws = provider.ws
    if (!provider.wsconnected || !provider.synced || !ws || ws.readyState !== ws.OPEN) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, type)
    if (type === MessageType.sync) writeSyncStep1(encoder, doc)
    ws.send(encoding.toUint8Array(encoder))
    if (type === MessageType.sync) ackProbe = { seq }
    awaitingSince ??= Date.now()
  }

  const acknowledged = (acked: number) => {
    const before = pending.size
    for (const [key, s] of pending) if (s <= acked) pending.delete(key)
    if (pending.size !== before) emit({ type: 'unsent', count: pending.size })
    askForAck()
  }
  const syncHandler = provider.messageHandlers[MessageType.sync]!
  provider.messageHandlers[MessageType.sync] = (encoder, decoder, p, emitSynced, messageType) => {
    // Taken before the stock handler runs: the step 2 answering the provider's own step 1 (on
    // open) is not ours, even though its 'sync' event may send a probe of ours.
    const answering = decoding.peekVarUint(decoder) === SyncStep.step2 ? ackProbe : null
    syncHandler(encoder, decoder, p, emitSynced, messageType)
    if (answering && answering === ackProbe) {
      ackProbe = null
      acknowledged(answering.seq)
    }
  }

  const onStatus = ({ status }: { status: string }) => {
    // Nothing sent on a closed socket will be answered.
    ackProbe = null
    awaitingSince = null
    stale = false
    if (status === 'connecting') connectingSince = Date.now()
    if (status === 'connected') connectedAt = Date.now()
  }
  // The provider's own step 1 on open does not cover the changes it sends after it (in answer to
  // the server's step 1), so a probe of ours follows the first sync.
  const onSync = (synced: boolean) => {
    if (synced) askForAck()
  }

  const restart = () => {
    emit({ type: 'timeout' })
    provider.disconnect()
    provider.connect()
  }
  const check = setInterval(() => {
    const now = Date.now()
    if (provider.wsconnecting) {
      if (now - connectingSince > CONNECT_TIMEOUT_MS) restart()
      return
    }
    if (!provider.wsconnected) return
    if (!provider.synced) {
      if (now - connectedAt > FIRST_SYNC_MS) restart()
      return
    }
    if (awaitingSince !== null && provider.wsLastMessageReceived >= awaitingSince) {
      // Heard from the server: the link is alive. What we heard may have left before our
      // step 1 did, so while its answer is due, the wait starts again from now.
      awaitingSince = ackProbe ? now : null
      if (stale) {
        stale = false
        emit({ type: 'answered' })
      }
    }
    if (awaitingSince !== null) {
      const waited = now - awaitingSince
      if (waited > DEAD_MS) restart()
      else if (waited > STALE_MS && !stale) {
        stale = true
        emit({ type: 'stale' })
      }
    } else if (now - provider.wsLastMessageReceived > IDLE_PROBE_MS) send(MessageType.queryAwareness)
  }, CHECK_EVERY_MS)

  records.observe(onRecords)
  doc.on('update', onUpdate)
  provider.on('status', onStatus)
  provider.on('sync', onSync)
  if (provider.wsconnecting) connectingSince = Date.now()

  const delivery: Delivery = {
    unsent: () => pending.size,
    on(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      clearInterval(check)
      clearTimeout(ackTimer)
      records.unobserve(onRecords)
      doc.off('update', onUpdate)
      provider.off('status', onStatus)
      provider.off('sync', onSync)
      provider.messageHandlers[MessageType.sync] = syncHandler
      listeners.clear()
      deliveries.delete(provider)
    },
  }
  deliveries.set(provider, delivery)
  return delivery
}
