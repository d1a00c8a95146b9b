/**
 * Durability under SIGKILL (DESIGN §4: "what any client has observed is
 * durable"). Ten stock clients create and move notes concurrently while the
 * server is killed -9 five times and restarted on the same port and data dir;
 * the providers reconnect by themselves.
 *
 * A witness (a participant that only reads) sees only what the server
 * broadcast. At each kill, with the server dead, the SQLite file must already
 * hold everything the witness saw (its state vector is covered, every record
 * it holds exists). At the end, a fresh client holds every record anyone
 * observed, and writers + fresh client converge to identical records.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { RECORDS_ARRAY } from '../../shared/boardDoc'
import { createWorkshop, join } from '../support/api'
import { type BoardClient, connectBoard, eventually } from '../support/boardClient'
import { loadStoredDoc } from '../support/dataFile'
import { documentRecords, noteRecord } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

const WRITERS = 10
const KILLS = 5
/** Average pause between two operations of one writer: ~20 ops/s each. */
const OP_INTERVAL_MS = 50
/** Writing time before each kill, randomised so kills land at arbitrary points of the stream. */
const WRITE_BEFORE_KILL_MS = [1200, 2400] as const

// Each stock provider adds a process 'exit' listener; 12 of them are expected here, not a leak.
process.setMaxListeners(32)

let server: ServerProcess
let workshopId: string
let token: string
const clients: BoardClient[] = []

before(async () => {
  server = await startServerProcess()
  const ws = await createWorkshop(server.url, server.adminToken)
  workshopId = ws.id
  token = (await join(server.url, ws, 'participant', 'Équipe')).token
})
/** Writers loop while this holds; cleared at the end, and by `after` if an assertion failed first. */
let running = true
after(async () => {
  running = false
  for (const c of clients) c.destroy()
  await server.stop()
})

// BroadcastChannel off: otherwise the in-process clients would sync with each other, not through the server.
const connect = () => {
  const c = connectBoard(server.url, workshopId, { token, disableBc: true })
  clients.push(c)
  return c
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))
const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo)

/** One writer: creates a few notes, then mostly moves them, until `isRunning()` turns false. Returns its op count. */
async function write(c: BoardClient, n: number, isRunning: () => boolean): Promise<number> {
  const mine: string[] = []
  let ops = 0
  while (isRunning()) {
    const x = Math.round(between(0, 2000))
    const y = Math.round(between(0, 2000))
    if (mine.length < 3 || Math.random() < 0.1) {
      const id = `shape:w${n}-${mine.length}`
      c.put(noteRecord(id, `note ${n}.${mine.length}`, x, y))
      mine.push(id)
    } else {
      const id = mine[Math.floor(Math.random() * mine.length)] as string
      c.put({ ...(c.get(id) as TLShape), x, y })
    }
    ops++
    await pause(between(0.5, 1.5) * OP_INTERVAL_MS)
  }
  return ops
}

const recordsJson = (c: BoardClient) =>
  JSON.stringify([...c.records.map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.val]))

test('nothing any client observed is lost across 5 SIGKILLs; everyone converges', { timeout: 90_000 }, async () => {
  const started = Date.now()
  const writers = Array.from({ length: WRITERS }, connect)
  const witness = connect()
  await Promise.all([...writers, witness].map((c) => c.synced()))
  ;(writers[0] as BoardClient).doc.transact(() => {
    for (const r of documentRecords()) (writers[0] as BoardClient).put(r)
  })

  // Every record version the witness observed: id → "x,y" seen.
  const versions = new Map<string, Set<string>>()
  witness.records.on('change', (changes: Map<string, { newValue?: { x?: number; y?: number } }>) => {
    for (const [id, change] of changes) {
      if (!change.newValue) continue
      const seen = versions.get(id) ?? new Set<string>()
      seen.add(`${change.newValue.x},${change.newValue.y}`)
      versions.set(id, seen)
    }
  })

  running = true
  const loops = writers.map((c, n) => write(c, n, () => running))
  const restartMs: number[] = []
  const resyncMs: number[] = []
  let compactions = 0 // figures only: log compactions happened while the server was being killed

  for (let k = 1; k <= KILLS; k++) {
    await pause(between(...WRITE_BEFORE_KILL_MS))
    await server.kill()
    compactions += server.logs.filter((l) => l.includes('"room_compacted"')).length

    // With the server dead, the disk must hold everything the witness was shown.
    const witnessState = Y.decodeStateVector(Y.encodeStateVector(witness.doc))
    const witnessIds = witness.ids()
    const stored = await loadStoredDoc(server, `${workshopId}/board`)
    const storedState = Y.decodeStateVector(Y.encodeStateVector(stored))
    for (const [client, clock] of witnessState) {
      assert.ok(
        (storedState.get(client) ?? 0) >= clock,
        `kill ${k}: client ${client} seen up to ${clock}, stored ${storedState.get(client) ?? 0}`,
      )
    }
    const storedRecords = new YKeyValue<TLRecord>(stored.getArray(RECORDS_ARRAY))
    const missing = witnessIds.filter((id) => !storedRecords.has(id))
    assert.deepEqual(missing, [], `kill ${k}: records the witness saw are missing from disk`)
    stored.destroy()

    const t0 = Date.now()
    server = await server.restart()
    restartMs.push(Date.now() - t0)
    // The stock providers reconnect by themselves (backoff ≤ 500 ms) and resync.
    await eventually(() => [...writers, witness].every((c) => c.provider.synced), 15_000, `resync after kill ${k}`)
    resyncMs.push(Date.now() - t0)
  }

  running = false
  const ops = await Promise.all(loops)
  await eventually(() => [...writers, witness].every((c) => c.provider.synced), 10_000, 'writers synced')
  const fresh = connect()
  await fresh.synced()

  const expected = () => recordsJson(fresh)
  await eventually(
    () => [...writers, witness].every((c) => recordsJson(c) === expected()),
    15_000,
    'writers, witness and fresh client converge',
  )
  const lost = [...versions.keys()].filter((id) => fresh.get(id) === undefined)
  assert.deepEqual(lost, [], 'records a client observed are missing after the last restart')
  for (const c of writers) assert.equal(recordsJson(c), recordsJson(fresh))

  const notes = fresh.ids().filter((id) => id.startsWith('shape:')).length
  const seenVersions = [...versions.values()].reduce((n, s) => n + s.size, 0)
  const total = ops.reduce((a, b) => a + b, 0)
  const seconds = (Date.now() - started) / 1000
  console.log(
    `crash: ${WRITERS} writers, ${total} updates written (${(total / seconds).toFixed(0)}/s overall), ${KILLS} SIGKILLs; ` +
      `restart ms ${restartMs.join('/')}, all clients resynced after ms ${resyncMs.join('/')}; ` +
      `${notes} notes, ${seenVersions} record versions seen by the witness, ${compactions} log compactions; ` +
      `${seconds.toFixed(1)} s`,
  )
})
