/**
 * Encoding and decoding of the y-protocols messages the rooms exchange (the
 * types are in shared/protocol.ts). Pure functions over lib0's varint codec,
 * one writer per message, so a message is encoded once and sent to every peer.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MessageType, SyncStep } from '../../shared/protocol'

export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' }

/** Decodes one frame; throws on anything malformed or unknown. */
export function readClientMessage(frame: Uint8Array): ClientMessage {
  const d = decoding.createDecoder(frame)
  const type = decoding.readVarUint(d)
  switch (type) {
    case MessageType.sync: {
      const step = decoding.readVarUint(d)
      const payload = decoding.readVarUint8Array(d)
      if (step === SyncStep.step1) return { type: 'syncStep1', stateVector: payload }
      if (step === SyncStep.step2) return { type: 'syncStep2', update: payload }
      if (step === SyncStep.update) return { type: 'update', update: payload }
      throw new Error(`unknown sync step ${step}`)
    }
    case MessageType.awareness:
      return { type: 'awareness', update: decoding.readVarUint8Array(d) }
    case MessageType.queryAwareness:
      return { type: 'queryAwareness' }
    default:
      throw new Error(`unknown message type ${type}`)
  }
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  encoding.writeVarUint(e, step)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

export const writeSyncStep1 = (stateVector: Uint8Array) => syncMessage(SyncStep.step1, stateVector)
export const writeSyncStep2 = (update: Uint8Array) => syncMessage(SyncStep.step2, update)
export const writeUpdate = (update: Uint8Array) => syncMessage(SyncStep.update, update)

export function writeAwareness(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.awareness)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

/** One awareness entry: a client's presence, `state` null when it left. */
export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The state as the JSON text the client sent (kept as text: relayed, never interpreted). */
  json: string
}

export function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update)
  const count = decoding.readVarUint(d)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(d)
    const clock = decoding.readVarUint(d)
    const json = decoding.readVarString(d)
    entries.push({ clientId, clock, json })
  }
  return entries
}

export function writeAwarenessUpdate(entries: Iterable<AwarenessEntry>): Uint8Array {
  const list = [...entries]
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, list.length)
  for (const entry of list) {
    encoding.writeVarUint(e, entry.clientId)
    encoding.writeVarUint(e, entry.clock)
    encoding.writeVarString(e, entry.json)
  }
  return encoding.toUint8Array(e)
}
