/**
 * Crash (issue 6, item 2): ten stock clients create, move, edit and delete
 * notes and frames while the server is killed with SIGKILL twenty times, at
 * random points, and restarted on the same port and data directory; the
 * providers reconnect by themselves.
 *
 * "Observed" is what a client received from the server: in its document,
 * everything of the other clients (BroadcastChannel is off, so only the server
 * brings them). At each kill, with the server dead, the data file must already
 * cover what every client observed, to the last struct. At the end, every
 * client and a fresh joiner hold identical records.
 *
 * Sizes: ATELIER_CRASH_KILLS (20), ATELIER_CRASH_CLIENTS (10).
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import * as Y from 'yjs'
import { type BoardClient, eventually } from '../support/boardClient'
import { readStoredDoc } from '../support/dataFile'
import { documentRecords } from '../support/records'
import { boardJson } from './boardState'
import { envSize } from './envSize'
import { applyOp, generateSequence } from './fuzzOps'
import { type LiveBoard, startLiveBoard } from './liveBoard'

const KILLS = envSize('ATELIER_CRASH_KILLS', 20)
const CLIENTS = envSize('ATELIER_CRASH_CLIENTS', 10)
/** Average pause between two operations of one client: ~20 ops/s each. */
const OP_INTERVAL_MS = 50
/** Writing time before each kill, randomised so kills land at arbitrary points of the stream. */
const WRITE_BEFORE_KILL_MS = [800, 2000] as const

let board: LiveBoard
let running = true
before(async () => {
  board = await startLiveBoard()
})
after(async () => {
  running = false
  await board.close()
})

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))
const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo)

/** One client's edits (a seeded sequence of its own shapes, no disconnections: the kills do that) until stopped. */
async function edit(c: BoardClient, seed: number): Promise<number> {
  const steps = generateSequence(seed, 100_000, 1).filter(
    (s) => s.op.kind !== 'disconnect' && s.op.kind !== 'reconnect',
  )
  let ops = 0
  for (const { op } of steps) {
    if (!running) break
    applyOp(c, seed, op)
    ops++
    await pause(between(0.5, 1.5) * OP_INTERVAL_MS)
  }
  return ops
}

/** Per client id, the highest clock any client received from the server (its own writes excluded). */
function observed(clients: BoardClient[]): Map<number, number> {
  const seen = new Map<number, number>()
  for (const c of clients) {
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(c.doc))) {
      if (client === c.doc.clientID) continue
      seen.set(client, Math.max(seen.get(client) ?? 0, clock))
    }
  }
  return seen
}

test(`nothing any client observed is lost across ${KILLS} SIGKILLs of the server under ${CLIENTS} writers`, {
  timeout: 60_000 + 20_000 * KILLS,
}, async () => {
  const started = Date.now()
  const clients = Array.from({ length: CLIENTS }, () => board.connect())
  await Promise.all(clients.map((c) => c.synced()))
  const first = clients[0] as BoardClient
  first.doc.transact(() => {
    for (const r of documentRecords()) first.put(r)
  })
  const loops = clients.map((c, n) => edit(c, 7000 + n))

  const restartMs: number[] = []
  const resyncMs: number[] = []
  let observedStructs = 0
  let compactions = 0 // figure only: log compactions the kills interrupted or followed
  for (let k = 1; k <= KILLS; k++) {
    await pause(between(...WRITE_BEFORE_KILL_MS))
    await board.server.kill()
    compactions += board.server.logs.filter((l) => l.includes('"room_compacted"')).length
    // The server is dead: what the clients hold of each other cannot grow until it returns.
    const seen = observed(clients)
    const stored = readStoredDoc(board.server.dataDir, `${board.workshopId}/board`)
    const storedState = Y.decodeStateVector(Y.encodeStateVector(stored))
    stored.destroy()
    const lost = [...seen].filter(([client, clock]) => (storedState.get(client) ?? 0) < clock)
    assert.deepEqual(
      lost.map(
        ([client, clock]) => `client ${client}: observed up to ${clock}, stored ${storedState.get(client) ?? 0}`,
      ),
      [],
      `kill ${k}: observed updates missing from disk`,
    )
    observedStructs = [...seen.values()].reduce((a, b) => a + b, 0)

    const t0 = Date.now()
    restartMs.push(await board.restart())
    await eventually(() => clients.every((c) => c.provider.synced), 20_000, `all clients resynced after kill ${k}`)
    resyncMs.push(Date.now() - t0)
  }

  running = false
  const ops = await Promise.all(loops)
  await eventually(() => clients.every((c) => c.provider.synced), 10_000, 'clients synced')
  const fresh = board.connect()
  await fresh.synced()
  await eventually(
    () => clients.every((c) => boardJson(c.doc) === boardJson(fresh.doc)),
    20_000,
    'clients and a fresh joiner converge',
  )

  const total = ops.reduce((a, b) => a + b, 0)
  const seconds = (Date.now() - started) / 1000
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
  const med = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? 0
  console.log(
    `figure: crash: ${KILLS} SIGKILLs under ${CLIENTS} writers, ${total} operations (${(total / seconds).toFixed(0)}/s), ` +
      `0 observed updates lost (at the last kill ${observedStructs} observed clock units, all on disk); ` +
      `restart to listening median ${med(restartMs)} ms, max ${Math.max(...restartMs)} ms; ` +
      `to all clients resynced median ${med(resyncMs)} ms, max ${Math.max(...resyncMs)} ms; ` +
      `${compactions} log compactions meanwhile; converged with a fresh joiner; ${seconds.toFixed(0)} s`,
  )
})
