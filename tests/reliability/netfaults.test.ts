/**
 * Network faults (issue 6, item 3). Stock clients reach the real server
 * through fault proxies (tests/support/faultProxy.ts): 200 ms each way and
 * 5 % connection resets per second for everyone. Half of them are "in the
 * room" (their proxy is never cut), half are "remote": their network is cut
 * silently for ATELIER_NET_CUT_MS (60 s by default) while everybody keeps
 * editing — the remote ones into their own documents only. After the heal,
 * every client, and a fresh joiner connecting at that moment, must hold the
 * same board within 5 s, and every note anyone wrote must be there with its
 * last text.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { richTextToPlain } from '../../shared/model/richText'
import { type BoardClient, connectBoard, eventually } from '../support/boardClient'
import { type FaultProxy, startFaultProxy } from '../support/faultProxy'
import { documentRecords, noteRecord } from '../support/records'
import { boardJson, docRecords } from './boardState'
import { envSize } from './envSize'
import { type LiveBoard, startLiveBoard } from './liveBoard'

const CLIENTS = envSize('ATELIER_NET_CLIENTS', 6)
const CUT_MS = envSize('ATELIER_NET_CUT_MS', 60_000)
const ONLINE_MS = envSize('ATELIER_NET_ONLINE_MS', 15_000)
const DELAY_MS = 200
const RESET_CHANCE = 0.05
const CONVERGE_MS = 5000
/** Each client writes or rewrites one of its notes this often. */
const EDIT_EVERY_MS = 300

let board: LiveBoard
let room: FaultProxy
let remote: FaultProxy
const opened: BoardClient[] = []
/** The clients' edit loops run while this is true. */
let editing = false
before(async () => {
  board = await startLiveBoard()
  const faults = { targetPort: board.server.port, delayMs: DELAY_MS, resetChance: RESET_CHANCE }
  room = await startFaultProxy(faults)
  remote = await startFaultProxy(faults)
})
after(async () => {
  // Here, not at the end of the test: a failed assertion must not leave providers reconnecting.
  editing = false
  for (const c of opened) c.destroy()
  await board.close()
  await room.close()
  await remote.close()
})

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

// Bounded (online time, the cut, and a minute for setup and convergence) so a hang fails the run.
test(`${CLIENTS} clients, ${DELAY_MS} ms and 5 % resets, a ${CUT_MS / 1000} s cut for the remote half: all converge, nothing lost`, {
  timeout: ONLINE_MS + CUT_MS + 60_000,
}, async () => {
  console.log(`figure: proxy seeds ${room.seed} (room), ${remote.seed} (remote)`)
  const connect = (proxy: FaultProxy) => {
    const c = connectBoard(proxy.url, board.workshopId, { token: board.token })
    opened.push(c)
    return c
  }
  const clients = Array.from({ length: CLIENTS }, (_, n) => connect(n % 2 === 0 ? room : remote))
  const isRemote = (n: number) => n % 2 === 1
  await Promise.all(clients.map((c) => c.synced(20_000)))
  const first = clients[0] as BoardClient
  first.doc.transact(() => {
    for (const r of documentRecords()) first.put(r)
  })

  // What the board must end with: every note's last text, as its only writer left it.
  const expected = new Map<string, string>()
  const writtenRemotely = new Set<string>()
  let offlineEdits = 0
  editing = true
  const loops = clients.map(async (c, n) => {
    for (let i = 0; editing; i++) {
      // Mostly new notes, sometimes a rewrite of one of our own earlier ones.
      const k = i % 4 === 3 ? Math.floor(i / 2) : i
      const id = `shape:n${n}-${k}`
      const text = `client ${n}, note ${k}, edit ${i}`
      c.put(noteRecord(id, text, k * 20, n * 220))
      expected.set(id, text)
      if (isRemote(n)) writtenRemotely.add(id)
      if (isRemote(n) && remote.cutMode) offlineEdits++
      await pause(EDIT_EVERY_MS)
    }
  })

  await pause(ONLINE_MS)
  remote.cut('silent')
  const cutAt = Date.now()
  await pause(CUT_MS)
  // The remote clients' edits are theirs alone while cut: the room has not seen them.
  const roomView = docRecords(first.doc)
  const remoteOnly = [...writtenRemotely].filter((id) => !roomView.has(id))
  editing = false
  await Promise.all(loops)
  remote.heal()
  const healedAt = Date.now()
  // Someone opens the board at that moment, through the room's (still faulty) network.
  const joiner = connect(room)
  console.log(`figure: cut lasted ${healedAt - cutAt} ms; edits made offline: ${offlineEdits}`)
  assert.ok(offlineEdits > 0, 'no edit was made during the cut')
  assert.ok(remoteOnly.length > 0, 'the cut let remote edits through: the test did not cut anything')

  const target = JSON.stringify([...expected].sort(([a], [b]) => (a < b ? -1 : 1)))
  const notesOf = (c: BoardClient) =>
    JSON.stringify(
      [...docRecords(c.doc)]
        .filter(([id]) => id.startsWith('shape:'))
        .map(([id, r]): [string, string] => [
          id,
          richTextToPlain((r as { props: { richText: unknown } }).props.richText),
        ])
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    )
  let joinedMs = 0
  await eventually(
    () => {
      if (!joinedMs && joiner.provider.synced && notesOf(joiner) === target) joinedMs = Date.now() - healedAt
      return joinedMs > 0 && clients.every((c) => notesOf(c) === target)
    },
    30_000,
    'every client and the joiner hold every edit',
  )
  const convergedMs = Date.now() - healedAt
  const reference = boardJson(first.doc)
  for (const [n, c] of [...clients, joiner].entries()) assert.equal(boardJson(c.doc), reference, `client ${n} differs`)

  console.log(
    `figure: convergence after heal: ${convergedMs} ms (${CLIENTS} clients and a joiner, ${expected.size} notes)`,
  )
  console.log(`figure: fresh joiner, connecting at the heal, equal after ${joinedMs} ms`)
  console.log(
    `figure: connection resets injected: ${room.resets + remote.resets} (${room.accepted + remote.accepted} connections accepted)`,
  )
  assert.ok(room.resets + remote.resets > 0, 'no reset was injected')
  assert.ok(convergedMs <= CONVERGE_MS, `converged ${convergedMs} ms after the heal (at most ${CONVERGE_MS})`)
})
