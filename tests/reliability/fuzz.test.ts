/**
 * Convergence fuzz through the real server (issue 6, item 1). For each seed,
 * five stock y-websocket clients on a fresh board play a seeded random
 * sequence of operations on notes and frames (fuzzOps.ts), going offline and
 * back at random; once all are back, every client and a fresh joiner must
 * hold identical records. The server compacts often and unloads idle rooms
 * quickly, so those paths run under the fuzz too; at the end it restarts and
 * the boards must come back from disk as they converged.
 *
 * Seeds that failed once are kept in regressions.json and replayed first.
 * Sizes: ATELIER_FUZZ_SEEDS (200), ATELIER_FUZZ_OPS (200),
 * ATELIER_FUZZ_FIRST_SEED (1; another value explores new sequences),
 * ATELIER_FUZZ_PARALLEL (boards fuzzed at once, 4).
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { createWorkshop, join } from '../support/api'
import { type BoardClient, connectBoard, eventually } from '../support/boardClient'
import { documentRecords } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'
import { boardJson, docRecords, keyValueDrift } from './boardState'
import { envSize } from './envSize'
import { applyOp, generateSequence } from './fuzzOps'

const CLIENTS = 5
const SEEDS = envSize('ATELIER_FUZZ_SEEDS', 200)
const OPS = envSize('ATELIER_FUZZ_OPS', 200)
const FIRST_SEED = envSize('ATELIER_FUZZ_FIRST_SEED', 1)
const PARALLEL = Math.max(1, envSize('ATELIER_FUZZ_PARALLEL', 4))
/** Boards checked again after the restart. */
const REREAD = 20

const REGRESSIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'regressions.json')
interface Regression {
  seed: number
  ops: number
  /** What the seed showed when it was kept. */
  why?: string
}
const regressions = (): Regression[] => JSON.parse(fs.readFileSync(REGRESSIONS, 'utf8')) as Regression[]

process.setMaxListeners(16 + CLIENTS * (PARALLEL + 1) * 2)

let server: ServerProcess
before(async () => {
  // Compaction every 50 log entries and rooms unloaded 300 ms after their last client:
  // both happen many times per run, while clients come and go.
  server = await startServerProcess({
    env: {
      ATELIER_COMPACT_AFTER: '50',
      ATELIER_ROOM_IDLE_MS: '300',
      // Each seed creates a workshop and joins it, faster than any real network would:
      // with ATELIER_FUZZ_SEEDS above ~300 that is over the default joins budget.
      ATELIER_HTTP_RATE_LIMIT_JOINS_PER_MINUTE: '0',
    },
  })
})
after(async () => {
  await server.stop()
})

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

interface Outcome {
  workshopId: string
  token: string
  records: string
  /** From the last operation to every client agreeing with a fresh joiner. */
  convergeMs: number
  disconnects: number
  /** Where a client's YKeyValue map ended different from its document's records. */
  drifts: string[]
}

async function runSequence(seed: number, ops: number): Promise<Outcome> {
  const workshop = await createWorkshop(server.url, server.adminToken, `Fuzz ${seed}`)
  const token = (await join(server.url, workshop, 'participant', `Fuzz ${seed}`)).token
  const connect = () => connectBoard(server.url, workshop.id, { token, disableBc: true })
  const clients: BoardClient[] = Array.from({ length: CLIENTS }, connect)
  const opened = [...clients]
  try {
    await Promise.all(clients.map((c) => c.synced()))
    const first = clients[0] as BoardClient
    first.doc.transact(() => {
      for (const r of documentRecords()) first.put(r)
    })
    let disconnects = 0
    for (const [i, { op, pauseMs }] of generateSequence(seed, ops, CLIENTS).entries()) {
      if (op.kind === 'disconnect' && clients[op.client]?.provider.shouldConnect) disconnects++
      applyOp(clients[op.client] as BoardClient, seed, op)
      if (pauseMs > 0) await pause(pauseMs)
      else if (i % 8 === 0) await new Promise((r) => setImmediate(r))
    }
    const lastOp = Date.now()
    for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect()
    await eventually(() => clients.every((c) => c.provider.synced), 20_000, `seed ${seed}: clients resynced`)
    const fresh = connect()
    opened.push(fresh)
    await fresh.synced(20_000)
    const all = [...clients, fresh]
    const expected = () => boardJson(fresh.doc)
    try {
      await eventually(() => all.every((c) => boardJson(c.doc) === expected()), 20_000)
    } catch {
      const views = all.map((c, n) => {
        const sv = JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(c.doc))].sort())
        return `  client ${n === CLIENTS ? 'fresh' : n}: ${[...docRecords(c.doc).keys()].sort().join(' ')} (state ${sv})`
      })
      throw new Error(`seed ${seed}: clients do not converge\n${views.join('\n')}`)
    }
    // Each writer's YKeyValue map is its own incremental reading of the same array: counted if it drifted.
    const drifts = clients.flatMap((c) => keyValueDrift(c))
    return {
      workshopId: workshop.id,
      token,
      records: boardJson(fresh.doc),
      convergeMs: Date.now() - lastOp,
      disconnects,
      drifts,
    }
  } finally {
    for (const c of opened) c.destroy()
  }
}

/** Runs sequences `PARALLEL` at a time; a failing seed is recorded in regressions.json. */
async function runAll(seeds: Regression[]): Promise<{ outcomes: Outcome[]; failures: string[] }> {
  const outcomes: Outcome[] = []
  const failures: string[] = []
  let next = 0
  const worker = async () => {
    while (next < seeds.length) {
      const { seed, ops } = seeds[next++] as Regression
      try {
        outcomes.push(await runSequence(seed, ops))
      } catch (e) {
        failures.push((e as Error).message)
        const kept = regressions()
        if (!kept.some((r) => r.seed === seed && r.ops === ops)) {
          fs.writeFileSync(
            REGRESSIONS,
            `${JSON.stringify([...kept, { seed, ops, why: 'failed to converge' }], null, 2)}\n`,
          )
        }
      }
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
  return { outcomes, failures }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

const converged: Outcome[] = []

test('seeds that failed before still converge (regressions.json)', {
  timeout: 60_000 + 5_000 * regressions().length,
}, async () => {
  const kept = regressions()
  const { outcomes, failures } = await runAll(kept)
  converged.push(...outcomes)
  assert.deepEqual(failures, [])
  console.log(`figure: fuzz regressions: ${kept.length} kept seeds replayed, all converge`)
})

// Bounded: a sequence that hangs fails the run instead of stalling CI (about 0.1 s a sequence here).
test(`${SEEDS} seeded sequences of ${OPS} operations by ${CLIENTS} clients converge`, {
  timeout: 120_000 + 2_000 * SEEDS,
}, async () => {
  const started = Date.now()
  const seeds = Array.from({ length: SEEDS }, (_, i) => ({ seed: FIRST_SEED + i, ops: OPS }))
  const { outcomes, failures } = await runAll(seeds)
  converged.push(...outcomes)
  const seconds = (Date.now() - started) / 1000
  const compactions = server.logs.filter((l) => l.includes('"room_compacted"')).length
  const unloads = server.logs.filter((l) => l.includes('"room_unloaded"')).length
  const converge = outcomes.map((o) => o.convergeMs)
  const drifts = outcomes.flatMap((o) => o.drifts)
  console.log(
    `figure: fuzz: ${outcomes.length}/${SEEDS} sequences converged (seeds ${FIRST_SEED}–${FIRST_SEED + SEEDS - 1}), ` +
      `${SEEDS * OPS} operations, ${outcomes.reduce((n, o) => n + o.disconnects, 0)} disconnections; ` +
      `convergence after the last operation median ${median(converge)} ms, max ${Math.max(0, ...converge)} ms; ` +
      `${compactions} compactions, ${unloads} room unloads; ` +
      `${drifts.length} client YKeyValue map entries drifted from their document${drifts.length ? ` (${drifts.slice(0, 3).join('; ')})` : ''}; ` +
      `${seconds.toFixed(0)} s`,
  )
  assert.deepEqual(failures, [], 'failing seeds were added to regressions.json')
})

test('after a restart, converged boards come back from disk as they were', { timeout: 60_000 }, async () => {
  await server.stop()
  server = await server.restart()
  const sample = converged.filter((_, i) => i % Math.max(1, Math.floor(converged.length / REREAD)) === 0)
  for (const o of sample) {
    const c = connectBoard(server.url, o.workshopId, { token: o.token, disableBc: true })
    try {
      await c.synced()
      assert.equal(boardJson(c.doc), o.records, `board ${o.workshopId} differs after restart`)
    } finally {
      c.destroy()
    }
  }
  console.log(`figure: fuzz: ${sample.length} converged boards reread after a restart, identical`)
})
