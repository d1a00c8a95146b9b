/**
 * Our client sends its own presence only (client/sync/ownAwarenessOnly.ts):
 * while 10 others move their cursors 10 times a second, it sends next to
 * nothing, where the stock y-websocket provider echoes every entry it receives
 * back to the server (yjs/yjs#732, issue 7).
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openSyncDoc } from '../../client/sync/boardConnection'
import type { CreateWorkshopResponse } from '../../shared/api'
import { boardDocName } from '../../shared/boardDoc'
import { createWorkshop, join } from '../support/api'
import { connectBoard, eventually } from '../support/boardClient'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'
import { loggingSocketClass, newSocketLog } from '../support/socketLog'

const MOVERS = 10
const MOVE_HZ = 10
const MOVING_MS = 3000
let server: ServerProcess
let workshop: CreateWorkshopResponse
const cleanup: (() => void)[] = []

before(async () => {
  server = await startServerProcess()
  workshop = await createWorkshop(server.url, server.adminToken)
})
after(async () => {
  for (const c of cleanup) c()
  await server.stop()
})

const tokenFor = async (name: string) => (await join(server.url, workshop, 'participant', name)).token

test('while 10 people move their cursors, our client sends only its own presence; the stock one echoes theirs', async () => {
  const baseUrl = `${server.url.replace(/^http/, 'ws')}/sync`
  const room = boardDocName(workshop.id)

  const ours = newSocketLog()
  const mine = openSyncDoc(room, {
    presence: true,
    transport: { baseUrl, params: { token: await tokenFor('Nous') }, WebSocketPolyfill: loggingSocketClass(ours) },
  })
  cleanup.push(() => mine.destroy())
  mine.provider.awareness.setLocalState({ user: { name: 'Nous' }, cursor: { x: 0, y: 0 } })

  const stock = newSocketLog()
  const stockDoc = new Y.Doc()
  const stockProvider = new WebsocketProvider(baseUrl, room, stockDoc, {
    params: { token: await tokenFor('Stock') },
    WebSocketPolyfill: loggingSocketClass(stock),
    disableBc: true,
  })
  cleanup.push(() => {
    stockProvider.destroy()
    stockDoc.destroy()
  })
  stockProvider.awareness.setLocalState({ user: { name: 'Stock' }, cursor: { x: 0, y: 0 } })

  const movers = await Promise.all(
    Array.from({ length: MOVERS }, async (_, i) => {
      const c = connectBoard(server.url, workshop.id, { token: await tokenFor(`Curseur ${i}`) })
      cleanup.push(() => c.destroy())
      return c
    }),
  )
  await Promise.all(movers.map((m) => m.synced()))
  await eventually(() => mine.provider.synced && stockProvider.synced, 10_000, 'observers synced')

  const sentBefore = { ours: ours.sent, stock: stock.sent, stockReceived: stock.received }
  let moves = 0
  const moving = setInterval(() => {
    moves++
    for (const [i, m] of movers.entries())
      m.provider.awareness.setLocalStateField('cursor', { x: moves * 10, y: i * 10 })
  }, 1000 / MOVE_HZ)
  await new Promise((r) => setTimeout(r, MOVING_MS))
  clearInterval(moving)
  // Both observers still see every mover's latest position: they were listening all along.
  const lastSeen = (p: WebsocketProvider, clientId: number) =>
    (p.awareness.getStates().get(clientId) as { cursor?: { x: number } } | undefined)?.cursor?.x
  await eventually(
    () => movers.every((m) => [mine.provider, stockProvider].every((p) => lastSeen(p, m.doc.clientID) === moves * 10)),
    5000,
    'latest cursors seen',
  )

  const sentOurs = ours.sent - sentBefore.ours
  const sentStock = stock.sent - sentBefore.stock
  const receivedStock = stock.received - sentBefore.stockReceived
  const received = MOVERS * moves
  console.log(
    `figure: ${MOVERS} cursors × ${MOVE_HZ} Hz for ${MOVING_MS / 1000} s (${received} moves, ` +
      `relayed to the stock provider in ${receivedStock} messages): ` +
      `our client sent ${sentOurs} messages, the stock provider ${sentStock}`,
  )
  // Ours may send a liveness probe or two (client/sync/delivery.ts), never one per move it hears.
  assert.ok(sentOurs <= 5, `our client sent ${sentOurs} messages`)
  // The server coalesces a turn's cursors into one message (server/rooms/fanout.ts); the stock
  // provider still answers each message it receives with one of its own.
  assert.ok(receivedStock >= moves / 2, `the stock provider heard the moves (${receivedStock} messages)`)
  assert.ok(
    sentStock >= receivedStock / 2,
    `the stock provider echoes (${sentStock} of ${receivedStock}): the baseline holds`,
  )
})
