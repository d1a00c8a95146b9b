/**
 * What nodes tell each other when several serve the same workshops (README « Several
 * nodes »): a room's committed updates, its accepted awareness entries, "the
 * control state of this workshop changed" (phase, lock, votes…: it lives in the
 * store, and the control document may not be loaded where it changed) and "the
 * sessions of this workshop changed" (a rotated link, an erased participant). One
 * channel for the deployment; each message names its sender node, which ignores its own.
 *
 * The bus is at-most-once (Redis pub/sub): what a node misses while disconnected it
 * reads back from the store when it subscribes again (BusBridge.catchUp).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const BusKind = { update: 0, awareness: 1, sessions: 2, control: 3 } as const
export type BusKind = (typeof BusKind)[keyof typeof BusKind]

export interface BusMessage {
  node: string
  kind: BusKind
  /** A room name (update, awareness) or a workshop id (sessions, control). */
  target: string
  payload: Uint8Array
}

export interface Bus {
  /** Sends to every other node; never throws (a bus that is down loses the message, the store keeps the data). */
  publish(message: Omit<BusMessage, 'node'>): void
  /** Closes its connections. */
  close(): Promise<void>
}

export interface BusEvents {
  message(message: BusMessage): void
  /** (Re)subscribed: what was published meanwhile may be lost, read it back from the store. */
  subscribed(): void
  /** Something on the channel was not a message of ours: dropped (counted, logged). */
  dropped(detail: string): void
  /** The connection to the bus broke or came back, for logs and metrics. */
  status(up: boolean, detail: string): void
}

export function encodeBusMessage(m: BusMessage): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, m.node)
  encoding.writeVarUint(e, m.kind)
  encoding.writeVarString(e, m.target)
  encoding.writeVarUint8Array(e, m.payload)
  return encoding.toUint8Array(e)
}

/** Decodes one message; null if it is not one (logged and dropped by the caller, never thrown). */
export function decodeBusMessage(data: Uint8Array): BusMessage | null {
  try {
    const d = decoding.createDecoder(data)
    const node = decoding.readVarString(d)
    const kind = decoding.readVarUint(d)
    const target = decoding.readVarString(d)
    const payload = decoding.readVarUint8Array(d)
    if (!Object.values(BusKind).includes(kind as BusKind) || decoding.hasContent(d)) return null
    return { node, kind: kind as BusKind, target, payload }
  } catch {
    return null
  }
}
