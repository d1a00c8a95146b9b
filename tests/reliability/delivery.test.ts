/**
 * The client's delivery watch (client/sync/delivery.ts) on a stock provider,
 * through the fault proxy to the real server: a change counts as unsent until
 * the server has it (a fresh client then finds it), and a silent cut is seen
 * — 'stale', then 'timeout' — in bounded time, the change kept until the heal.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  ACK_AFTER_MS,
  DEAD_MS,
  type Delivery,
  type DeliveryEvent,
  IDLE_PROBE_MS,
  STALE_MS,
  watchDelivery,
} from '../../client/sync/delivery'
import { type BoardClient, connectBoard, eventually } from '../support/boardClient'
import { type FaultProxy, startFaultProxy } from '../support/faultProxy'
import { noteRecord } from '../support/records'
import { type LiveBoard, startLiveBoard } from './liveBoard'

let board: LiveBoard
let proxy: FaultProxy
let client: BoardClient
let delivery: Delivery
const events: { type: DeliveryEvent['type']; at: number }[] = []
before(async () => {
  board = await startLiveBoard()
  proxy = await startFaultProxy({ targetPort: board.server.port, delayMs: 200 })
  client = connectBoard(proxy.url, board.workshopId, { token: board.token })
  delivery = watchDelivery(client.provider, client.doc)
  delivery.on((e) => events.push({ type: e.type, at: Date.now() }))
  await client.synced()
})
after(async () => {
  delivery.destroy()
  client.destroy()
  await proxy.close()
  await board.close()
})

/** Whether the server has the note: a client straight to the server, fresh. */
async function serverHas(id: string): Promise<boolean> {
  const fresh = board.connect()
  try {
    await fresh.synced()
    return fresh.get(id) !== undefined
  } finally {
    fresh.destroy()
  }
}

test('a change is unsent until the server has stored it', { timeout: 20_000 }, async () => {
  const wrote = Date.now()
  client.put(noteRecord('online', 'écrite en ligne'))
  assert.equal(delivery.unsent(), 1)
  await eventually(() => delivery.unsent() === 0, 5000, 'change acknowledged')
  console.log(`figure: change acknowledged ${Date.now() - wrote} ms after it was made (200 ms each way)`)
  assert.equal(await serverHas('shape:online'), true, 'acknowledged, yet not on the server')
})

test('a drag (60 updates a second) asks for an acknowledgement every ACK_AFTER_MS, not after each update', {
  timeout: 20_000,
}, async (t) => {
  // Straight to the server: on loopback an answer comes back at once, so only the delay spaces them.
  const direct = board.connect()
  await direct.synced()
  const watch = watchDelivery(direct.provider, direct.doc)
  t.after(() => watch.destroy()) // its timer would keep the process alive after a failure
  const ws = direct.provider.ws!
  const send = ws.send.bind(ws)
  let steps1 = 0
  ws.send = (data: Parameters<typeof ws.send>[0]) => {
    const bytes = new Uint8Array(data as ArrayBuffer)
    if (bytes[0] === 0 && bytes[1] === 0) steps1++ // sync, step 1
    send(data)
  }
  const started = Date.now()
  for (let i = 0; i < 60; i++) {
    direct.put(noteRecord('dragged', 'glissée', i * 5, 0))
    await new Promise((r) => setTimeout(r, 16))
  }
  const ms = Date.now() - started
  await eventually(() => watch.unsent() === 0, 5000, 'drag acknowledged')
  console.log(`figure: 60 updates in ${ms} ms asked for ${steps1} acknowledgements`)
  assert.ok(steps1 <= Math.ceil(ms / ACK_AFTER_MS) + 2, `${steps1} step 1 for 60 updates`)
})

test('a silent cut: stale, then timeout, the change kept; on heal it is acknowledged and stored', {
  timeout: 60_000,
}, async () => {
  proxy.cut('silent')
  events.length = 0
  const wrote = Date.now()
  client.put(noteRecord('offline', 'écrite pendant la coupure'))
  // At worst a message sent before the cut is read just after our probe and passes for its
  // answer: then the next idle probe, IDLE_PROBE_MS later, is the one that goes unanswered.
  await eventually(() => events.some((e) => e.type === 'timeout'), IDLE_PROBE_MS + DEAD_MS + 3000, 'socket given up')
  const stale = events.find((e) => e.type === 'stale')
  const timeout = events.find((e) => e.type === 'timeout')!
  assert.ok(stale && stale.at < timeout.at, `events: ${JSON.stringify(events.map((e) => e.type))}`)
  console.log(`figure: silent cut → stale after ${stale.at - wrote} ms, timeout after ${timeout.at - wrote} ms`)
  assert.ok(stale.at - wrote >= STALE_MS, 'stale before STALE_MS')
  assert.equal(delivery.unsent(), 1, 'the change is no longer counted as unsent during the cut')
  assert.equal(await serverHas('shape:offline'), false)

  proxy.heal()
  const healed = Date.now()
  await eventually(() => delivery.unsent() === 0, 5000, 'change acknowledged after the heal')
  console.log(`figure: heal → change acknowledged after ${Date.now() - healed} ms`)
  assert.equal(await serverHas('shape:offline'), true)
})
