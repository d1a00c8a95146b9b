/**
 * Frames no honest client sends, for the hostile-input test: every message
 * type, valid then mutated (truncated, bytes flipped, inserted, duplicated,
 * huge lengths spliced in), plus updates with missing dependencies, V2
 * updates, the crafted run-length inputs of yjs issue #687 and V1 look-alikes
 * with absurd counts. Seeded (lib0's PRNG): a failing frame can be rebuilt.
 */
import * as encoding from 'lib0/encoding'
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import {
  writeAwareness,
  writeAwarenessUpdate,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from '../../server/rooms/messages'
import { RECORDS_ARRAY } from '../../shared/boardDoc'
import { MessageType } from '../../shared/protocol'
import { noteRecord } from '../support/records'

export interface HostileFrame {
  kind: string
  /** A text frame instead of a binary one. */
  text?: boolean
  data: Uint8Array
}

/** yjs #687: a V2 update whose run-length counts make Y.mergeUpdatesV2 / applyUpdateV2 loop (from the issue). */
const ISSUE_687_V2 = Uint8Array.from(Buffer.from('00010000000001000100010200001602000001fdffffffff7f0000', 'hex'))

const HUGE_VARUINT = [0xff, 0xff, 0xff, 0xff, 0x0f]

function bytes(parts: (number | number[] | Uint8Array)[]): Uint8Array {
  const e = encoding.createEncoder()
  for (const p of parts) {
    if (typeof p === 'number') encoding.writeUint8(e, p)
    else encoding.writeUint8Array(e, Uint8Array.from(p))
  }
  return encoding.toUint8Array(e)
}

/** A valid update creating two notes from a fresh client id (`secondOnly`: without the first). */
function noteUpdate(gen: prng.PRNG, secondOnly = false): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = prng.uint32(gen, 1, 0x7fffffff)
  const records = doc.getArray<{ key: string; val: unknown }>(RECORDS_ARRAY)
  const id = `shape:hostile-${prng.uint32(gen, 0, 1e9)}`
  records.push([{ key: id, val: noteRecord(id, prng.word(gen, 1, 30)) }])
  const first = Y.encodeStateVector(doc)
  records.push([{ key: `${id}-b`, val: noteRecord(`${id}-b`, prng.word(gen, 1, 30)) }])
  const update = Y.encodeStateAsUpdate(doc, secondOnly ? first : undefined)
  doc.destroy()
  return update
}

/** V1 updates that claim absurd sizes: billions of structs, one struct of length 2^32, 2^32 delete ranges. */
function absurdV1(gen: prng.PRNG): Uint8Array {
  const client = prng.uint32(gen, 1, 0x7fffffff)
  switch (prng.int31(gen, 0, 3)) {
    case 0: // one client, 2^32 structs announced, a few bytes present
      return bytes([1, HUGE_VARUINT, [client & 0x7f], 0, 1, 0])
    case 1: // a GC struct of length 2^32
      return bytes([1, 1, [client & 0x7f], 0, 0, HUGE_VARUINT, 0])
    case 2: // a skip struct (info 10) of length 2^32
      return bytes([1, 1, [client & 0x7f], 0, 10, HUGE_VARUINT, 0])
    default: // no structs, a delete set of 2^32 clients
      return bytes([0, HUGE_VARUINT, 1, 0, 1])
  }
}

function awarenessUpdate(gen: prng.PRNG): Uint8Array {
  return writeAwarenessUpdate([
    {
      clientId: prng.uint32(gen, 1, 0x7fffffff),
      clock: prng.uint32(gen, 0, 10),
      json: JSON.stringify({ user: { name: prng.word(gen, 0, 10) } }),
    },
  ])
}

/** One random damage to a byte string. */
function mutate(gen: prng.PRNG, data: Uint8Array): Uint8Array {
  const at = prng.int31(gen, 0, Math.max(0, data.length - 1))
  switch (prng.int31(gen, 0, 5)) {
    case 0: // truncated
      return data.slice(0, at)
    case 1: {
      // a few bytes flipped
      const out = data.slice()
      for (let i = prng.int31(gen, 1, 4); i > 0; i--) {
        const j = prng.int31(gen, 0, Math.max(0, out.length - 1))
        if (out.length > 0) out[j] = prng.uint32(gen, 0, 255)
      }
      return out
    }
    case 2: // random bytes inserted
      return bytes([data.slice(0, at), prng.uint8Array(gen, prng.int31(gen, 1, 16)), data.slice(at)])
    case 3: // a huge length spliced in
      return bytes([data.slice(0, at), HUGE_VARUINT, data.slice(at)])
    case 4: // a region repeated
      return bytes([data.slice(0, at), data.slice(Math.max(0, at - 8)), data.slice(at)])
    default: // random tail
      return bytes([data.slice(0, at), prng.uint8Array(gen, prng.int31(gen, 0, 64))])
  }
}

const KINDS = [
  'syncStep1',
  'syncStep2',
  'update',
  'awareness',
  'queryAwareness',
  'auth',
  'unknownType',
  'envelope',
  'missingDeps',
  'v2',
  'issue687',
  'absurdV1',
  'text',
] as const

/** The n-th hostile frame of a seeded series: kinds in turn, each damaged its own way. */
export function hostileFrame(seed: number, n: number): HostileFrame {
  const gen = prng.create(seed * 1_000_003 + n)
  const kind = KINDS[n % KINDS.length] as (typeof KINDS)[number]
  switch (kind) {
    case 'syncStep1': {
      // A state vector: one client at clock 9, then damaged; or random bytes.
      const sv = bytes([1, [prng.uint32(gen, 1, 127)], 9])
      const payload = prng.bool(gen) ? prng.uint8Array(gen, prng.int31(gen, 0, 40)) : mutate(gen, sv)
      return { kind, data: writeSyncStep1(payload) }
    }
    case 'syncStep2':
      return { kind, data: writeSyncStep2(mutate(gen, noteUpdate(gen))) }
    case 'update':
      return { kind, data: writeUpdate(mutate(gen, noteUpdate(gen))) }
    case 'awareness':
      return { kind, data: writeAwareness(mutate(gen, awarenessUpdate(gen))) }
    case 'queryAwareness':
      return { kind, data: bytes([MessageType.queryAwareness, prng.uint8Array(gen, prng.int31(gen, 0, 8))]) }
    case 'auth':
      return { kind, data: bytes([MessageType.auth, prng.uint8Array(gen, prng.int31(gen, 0, 16))]) }
    case 'unknownType':
      return { kind, data: bytes([prng.uint32(gen, 4, 127), prng.uint8Array(gen, prng.int31(gen, 0, 16))]) }
    case 'envelope': {
      // The whole frame damaged: type, step or the payload's length prefix.
      const valid = [
        writeUpdate(noteUpdate(gen)),
        writeAwareness(awarenessUpdate(gen)),
        writeSyncStep1(new Uint8Array([0])),
      ]
      return { kind, data: mutate(gen, prng.oneOf(gen, valid)) }
    }
    case 'missingDeps':
      // Valid, but builds on a transaction the server never saw: a resync request, nothing applied.
      return { kind, data: writeUpdate(noteUpdate(gen, true)) }
    case 'v2': {
      const doc = new Y.Doc()
      doc.getArray(RECORDS_ARRAY).push([{ key: 'shape:v2', val: noteRecord('v2', 'v2') }])
      return { kind, data: (prng.bool(gen) ? writeUpdate : writeSyncStep2)(Y.encodeStateAsUpdateV2(doc)) }
    }
    case 'issue687':
      return { kind, data: (prng.bool(gen) ? writeUpdate : writeSyncStep2)(ISSUE_687_V2) }
    case 'absurdV1':
      return { kind, data: (prng.bool(gen) ? writeUpdate : writeSyncStep2)(absurdV1(gen)) }
    case 'text':
      return { kind, text: true, data: new TextEncoder().encode(prng.word(gen, 0, 40)) }
  }
}

/** A frame of each message type just over `limit` bytes (each must close its connection with 1009). */
export function oversizedFrames(limit: number): HostileFrame[] {
  const filler = new Uint8Array(limit + 1).fill(0x41)
  return [
    { kind: 'oversized update', data: writeUpdate(filler) },
    { kind: 'oversized syncStep2', data: writeSyncStep2(filler) },
    { kind: 'oversized syncStep1', data: writeSyncStep1(filler) },
    { kind: 'oversized awareness', data: writeAwareness(filler) },
    { kind: 'oversized text', text: true, data: filler },
  ]
}
