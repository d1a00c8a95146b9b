/**
 * Every incoming update is validated before it touches the room (DESIGN §4):
 * a participant that sends an invalid record, undecodable bytes, a V2 update
 * or an oversized frame is disconnected with a clear close code, nobody else
 * receives anything, nothing is stored, and the room keeps serving everyone
 * else. An update that builds on structs the room lacks is never applied: its
 * sender is asked to resynchronise, and its sync step 2 brings everything.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { writeSyncStep2 } from '../../server/rooms/messages'
import { RECORDS_ARRAY } from '../../shared/boardDoc'
import { CloseCodes } from '../../shared/protocol'
import { createWorkshop, join } from '../support/api'
import { type BoardClient, connectBoard, eventually } from '../support/boardClient'
import { openRaw, updateMessage } from '../support/rawSocket'
import { documentRecords, noteRecord, PAGE_ID } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'
import { keysEverSeen } from '../support/watch'

const INVALID = CloseCodes.invalidMessage.code

let server: ServerProcess
let workshopId: string
let token: string
let reader: BoardClient
let readerSaw: Set<string>
const clients: BoardClient[] = []

// BroadcastChannel off: in-process providers would otherwise share a refused write without the server.
const connect = () => {
  const c = connectBoard(server.url, workshopId, { token, disableBc: true })
  clients.push(c)
  return c
}
const dispose = (c: BoardClient) => {
  clients.splice(clients.indexOf(c), 1)
  c.destroy()
}

/** A write from another connection that the reader must see: after it, anything relayed earlier has arrived. */
let barriers = 0
async function barrier(): Promise<string> {
  const id = `shape:barrier-${++barriers}`
  const w = connect()
  await w.synced()
  w.put(noteRecord(id, `barrière ${barriers}`, barriers * 10, 0))
  await eventually(() => reader.get(id) !== undefined, 5000, `reader sees ${id}`)
  dispose(w)
  return id
}

const refusals = () => server.logs.filter((l) => l.includes('message_refused')).map((l) => JSON.parse(l).reason)

before(async () => {
  server = await startServerProcess()
  const ws = await createWorkshop(server.url, server.adminToken)
  workshopId = ws.id
  token = (await join(server.url, ws, 'participant', 'Alice')).token
  reader = connect()
  await reader.synced()
  readerSaw = keysEverSeen(reader)
  reader.doc.transact(() => {
    for (const r of documentRecords()) reader.put(r)
  })
})
after(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

const note = noteRecord('x', 'texte') as unknown as Record<string, unknown> & { props: Record<string, unknown> }
const imageAsset = (id: string, src: string) => ({
  id,
  typeName: 'asset',
  type: 'image',
  meta: {},
  props: { name: 'x.png', src, w: 10, h: 10, mimeType: 'image/png', isAnimated: false, fileSize: 10 },
})

/** Records that must be refused: [what, key it is stored under, value]. */
const invalidRecords: [string, string, unknown][] = [
  [
    'note with an unknown colour',
    'shape:bad-color',
    { ...note, id: 'shape:bad-color', props: { ...note.props, color: 'nope' } },
  ],
  ['shape of an unknown type', 'shape:bad-type', { ...note, id: 'shape:bad-type', type: 'evil' }],
  ['record stored under another key than its id', 'shape:bad-key', { ...note, id: 'shape:bad-key-other' }],
  [
    'session record: instance',
    'instance:instance',
    { id: 'instance:instance', typeName: 'instance', currentPageId: PAGE_ID, meta: {} },
  ],
  [
    'session record: camera',
    'camera:page:page',
    { id: 'camera:page:page', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} },
  ],
  ['asset whose src leaves our origin', 'asset:evil', imageAsset('asset:evil', 'https://evil.example/x.png')],
]
const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

test('a crafted invalid record closes its writer with 4400, reaches nobody and is not stored', async (t) => {
  for (const [what, key, value] of invalidRecords) {
    await t.test(what, async () => {
      const writer = connect()
      await writer.synced()
      writer.doc.transact(() => writer.records.set(key, value as TLRecord))
      await eventually(() => writer.closes.some((c) => c.code === INVALID), 5000, `4400 for ${what}`)
      await barrier()
      assert.equal(readerSaw.has(key), false, `reader received ${key}`)
      assert.equal(writer.provider.shouldConnect, false, 'stock client gives up after 4400')
      dispose(writer)
    })
  }

  // Control: the same asset with an inline source is accepted, so the refusal above was about `src`.
  const writer = connect()
  await writer.synced()
  writer.records.set('asset:ok', imageAsset('asset:ok', TINY_PNG) as TLRecord)
  await eventually(() => reader.get('asset:ok') !== undefined, 5000, 'valid asset accepted')
  assert.deepEqual(writer.closes, [])
  dispose(writer)
})

test('garbage, text, unknown types and V2 updates get 4400; others keep working', async () => {
  const send = async (what: string, frame: Uint8Array | string) => {
    const raw = openRaw(server.url, workshopId, token)
    await raw.opened
    raw.send(frame)
    const closed = await raw.closedWithin(5000)
    assert.equal(closed.code, INVALID, `${what}: closed with ${closed.code} (refused: ${refusals().join('; ')})`)
  }

  // Control: a raw socket sending a valid V1 update is accepted and stays open.
  const valid = new Y.Doc()
  new YKeyValue<TLRecord>(valid.getArray(RECORDS_ARRAY)).set('shape:raw-ok', noteRecord('raw-ok', 'brut', 0, 100))
  const ok = openRaw(server.url, workshopId, token)
  await ok.opened
  ok.send(updateMessage(Y.encodeStateAsUpdate(valid)))
  await eventually(() => reader.get('shape:raw-ok') !== undefined, 5000, 'valid raw update relayed')
  assert.equal(ok.ws.readyState, ok.ws.OPEN)
  ok.ws.close()

  await send('garbage bytes', Uint8Array.of(0xde, 0xad, 0xbe, 0xef))
  await send('text frame', 'bonjour')
  await send('unknown message type', Uint8Array.of(7, 0, 0))

  // Yjs V2 encoding of a doc holding a valid note: V1 only on the wire.
  const v2 = new Y.Doc()
  new YKeyValue<TLRecord>(v2.getArray(RECORDS_ARRAY)).set('shape:v2', noteRecord('v2', 'encodée en V2'))
  await send('V2 update', updateMessage(Y.encodeStateAsUpdateV2(v2)))

  // The reader was never disturbed and still gets live writes.
  await barrier()
  assert.deepEqual(reader.closes, [])
  assert.equal(readerSaw.has('shape:v2'), false)

  // A newcomer gets a correct room: exactly what was accepted, and it can write.
  const newcomer = connect()
  await newcomer.synced()
  assert.deepEqual(newcomer.ids(), reader.ids())
  newcomer.put(noteRecord('newcomer', 'nouvel arrivant', 0, 300))
  await eventually(() => reader.get('shape:newcomer') !== undefined, 5000, 'newcomer write relayed')
})

test('an update building on missing structs is not applied; its sender resyncs and loses nothing', async () => {
  // Two successive transactions; only the second is sent first, as a reconnecting
  // client does when a live edit overtakes its sync step 2.
  const x = new Y.Doc()
  const xUpdates: Uint8Array[] = []
  x.on('update', (u: Uint8Array) => xUpdates.push(u))
  const xRecords = new YKeyValue<TLRecord>(x.getArray(RECORDS_ARRAY))
  x.transact(() => xRecords.set('shape:dep-1', noteRecord('dep-1', 'premier')))
  x.transact(() => xRecords.set('shape:dep-2', noteRecord('dep-2', 'second')))
  const raw = openRaw(server.url, workshopId, token)
  await raw.opened
  const isStep1 = (m: Uint8Array) => m[0] === 0 && m[1] === 0
  await eventually(() => raw.received.some(isStep1), 5000, "the server's greeting step 1")
  const greetings = raw.received.filter(isStep1).length
  raw.send(updateMessage(xUpdates[1] as Uint8Array))
  await eventually(() => raw.received.filter(isStep1).length > greetings, 5000, 'a resync request (step 1)')
  await barrier()
  assert.equal(readerSaw.has('shape:dep-2'), false, 'the dependent update was not relayed on its own')
  assert.equal(raw.ws.readyState, raw.ws.OPEN, 'the sender was not disconnected')

  // The client answers with its step 2 against the server's state vector: both edits arrive.
  raw.send(writeSyncStep2(Y.encodeStateAsUpdate(x, Y.encodeStateVector(reader.doc))))
  await eventually(() => reader.get('shape:dep-1') !== undefined && reader.get('shape:dep-2') !== undefined, 5000)
  raw.ws.close()
})

test('nothing refused is in the store after a restart', async () => {
  const expected = reader.ids()
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
  server = await server.restart()
  const fresh = connect()
  await fresh.synced()
  assert.deepEqual(fresh.ids(), expected)
  for (const [, key, value] of invalidRecords) {
    assert.equal(fresh.get(key), undefined, key)
    assert.equal(fresh.get((value as { id: string }).id), undefined, key)
  }
  assert.equal(fresh.get('shape:v2'), undefined)
})

test('a frame over ATELIER_MAX_FRAME_BYTES is closed with 1009', async () => {
  const small = await startServerProcess({ env: { ATELIER_MAX_FRAME_BYTES: String(64 * 1024) } })
  try {
    const ws = await createWorkshop(small.url, small.adminToken)
    const smallToken = (await join(small.url, ws, 'participant', 'Bob')).token
    // Valid updates on both sides of the limit: only the size can explain a refusal.
    const frameFor = (id: string, textBytes: number) => {
      const d = new Y.Doc()
      new YKeyValue<TLRecord>(d.getArray(RECORDS_ARRAY)).set(`shape:${id}`, noteRecord(id, 'x'.repeat(textBytes)))
      return updateMessage(Y.encodeStateAsUpdate(d))
    }
    const big = frameFor('big', 100 * 1024)
    assert.ok(big.length > 100 * 1024)

    const fits = openRaw(small.url, ws.id, smallToken)
    await fits.opened
    fits.send(frameFor('fits', 30 * 1024))
    const tooBig = openRaw(small.url, ws.id, smallToken)
    await tooBig.opened
    tooBig.send(big)
    assert.equal((await tooBig.closedWithin(5000)).code, CloseCodes.messageTooBig.code)

    const witness = connectBoard(small.url, ws.id, { token: smallToken, disableBc: true })
    try {
      await witness.synced()
      await eventually(() => witness.get('shape:fits') !== undefined, 5000, 'frame under the limit accepted')
      assert.equal(witness.get('shape:big'), undefined)
      assert.equal(fits.ws.readyState, fits.ws.OPEN)
    } finally {
      fits.ws.close()
      witness.destroy()
    }
  } finally {
    await small.stop()
  }
})
