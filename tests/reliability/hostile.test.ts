/**
 * Hostile input (issue 6, item 4). While two honest participants edit, an
 * attacker process sends 10,000 hostile frames (hostileFrames.ts: every
 * message type mutated or truncated, missing dependencies, V2, the yjs #687
 * inputs, absurd V1 counts, text frames) and one oversized frame of each type.
 * The server must stay up and answer every connection (absorbed or closed,
 * oversized ones with 1009), the honest clients' latency must stay within 2×
 * its baseline, no second may hold an event-loop block over 100 ms (the
 * server's own measure, GET /metrics), and the stored board must hold the
 * honest records intact and nothing invalid (a mutated update that is still a
 * valid note is accepted, as from any participant).
 *
 * Sizes: ATELIER_HOSTILE_FRAMES (10000), ATELIER_HOSTILE_SEED (1),
 * ATELIER_HOSTILE_CONCURRENCY (2).
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { META_MAP, RECORDS_ARRAY } from '../../shared/boardDoc'
import { checkBoardRecord, createBoardSchema } from '../../shared/boardSchema'
import { type BoardClient, eventually } from '../support/boardClient'
import { readStoredDoc } from '../support/dataFile'
import { documentRecords, noteRecord } from '../support/records'
import { ROOT } from '../support/serverProcess'
import { boardJson, docRecords } from './boardState'
import { envSize } from './envSize'
import { type LiveBoard, startLiveBoard } from './liveBoard'

const FRAMES = envSize('ATELIER_HOSTILE_FRAMES', 10_000)
const SEED = envSize('ATELIER_HOSTILE_SEED', 1)
const MAX_FRAME_BYTES = 64 * 1024
/**
 * Hostile connections open at once: 2 makes about 300 hostile frames a second
 * here. The attacker, the server and the probe share two cores: at 4 (500/s)
 * honest latency rose 1.3× on a quiet machine but 1.9× while other tests ran,
 * at 8 it doubles from CPU contention alone, whatever the server does.
 */
const CONCURRENCY = envSize('ATELIER_HOSTILE_CONCURRENCY', 2)
const BUDGET_SECONDS = 0.1

let board: LiveBoard
before(async () => {
  board = await startLiveBoard({ env: { ATELIER_MAX_FRAME_BYTES: String(MAX_FRAME_BYTES) } })
})
after(async () => {
  await board.close()
})

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)] ?? 0

/** The server's event-loop histogram (GET /metrics, admin token): seconds folded, and those within the budget. */
async function eventLoopSeconds(): Promise<{ count: number; withinBudget: number; buckets: Map<string, number> }> {
  const res = await fetch(`${board.server.url}/metrics`, {
    headers: { authorization: `Bearer ${board.server.adminToken}` },
  })
  assert.equal(res.status, 200, 'GET /metrics with the admin token')
  const buckets = new Map<string, number>()
  for (const m of (await res.text()).matchAll(/^atelier_event_loop_delay_seconds_bucket\{le="([^"]+)"\} (\d+)$/gm))
    buckets.set(m[1] as string, Number(m[2]))
  return { count: buckets.get('+Inf') ?? 0, withinBudget: buckets.get(String(BUDGET_SECONDS)) ?? 0, buckets }
}

/** One honest round trip: a note written by `writer`, until `reader` holds it. */
let probes = 0
async function roundTrip(writer: BoardClient, reader: BoardClient): Promise<number> {
  const id = `shape:probe-${++probes}`
  const started = performance.now()
  const seen = new Promise<void>((resolve) => {
    const check = () => {
      if (!reader.records.has(id)) return
      reader.doc.off('update', check)
      resolve()
    }
    reader.doc.on('update', check)
  })
  writer.put(noteRecord(id, `sonde ${probes}`, (probes % 40) * 10, 900))
  await Promise.race([seen, pause(10_000).then(() => Promise.reject(new Error(`${id} not relayed in 10 s`)))])
  return performance.now() - started
}

function runAttacker(
  plan: object,
): Promise<{ frames: number; ms: number; outcomes: Record<string, Record<string, number>> }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'tests/reliability/hostileAttacker.ts'), JSON.stringify(plan)],
      { cwd: ROOT, timeout: 60_000 + 20 * FRAMES, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`attacker failed: ${stderr}`)) : resolve(JSON.parse(stdout)),
    )
  })
}

test(`${FRAMES} hostile frames: the server stays up and fast, refuses them, and stores nothing invalid`, {
  timeout: 120_000 + 20 * FRAMES,
}, async () => {
  const writer = board.connect()
  const reader = board.connect()
  await Promise.all([writer.synced(), reader.synced()])
  writer.doc.transact(() => {
    for (const r of documentRecords()) writer.put(r)
  })
  for (let i = 0; i < 10; i++) await roundTrip(writer, reader) // warm-up: first room use, JIT
  const baseline: number[] = []
  for (let i = 0; i < 50; i++) {
    baseline.push(await roundTrip(writer, reader))
    await pause(20)
  }

  const loopBefore = await eventLoopSeconds()
  let attacking = true
  const attacker = runAttacker({
    url: board.server.url,
    workshopId: board.workshopId,
    token: board.token,
    seed: SEED,
    count: FRAMES,
    concurrency: CONCURRENCY,
    maxFrameBytes: MAX_FRAME_BYTES,
  }).finally(() => {
    attacking = false
  })
  const during: number[] = []
  while (attacking) {
    during.push(await roundTrip(writer, reader))
    await pause(20)
  }
  const attack = await attacker
  await pause(1100) // the server folds its event-loop measure every second
  const loopAfter = await eventLoopSeconds()

  // Up, and every hostile connection got an answer: absorbed (its probe answered) or closed.
  assert.equal(board.server.child.exitCode, null, 'the server exited')
  assert.equal((await fetch(`${board.server.url}/healthz`)).status, 200)
  const outcomes = Object.entries(attack.outcomes)
  const unanswered = outcomes.filter(([, o]) => o['no answer in 5 s'] || o['upgrade failed'])
  assert.deepEqual(unanswered, [], 'hostile connections left without an answer')
  for (const [kind, o] of outcomes.filter(([k]) => k.startsWith('oversized')))
    assert.deepEqual(o, { 'closed 1009': 1 }, `${kind}: closed with 1009`)
  for (const kind of ['v2', 'issue687', 'text', 'auth', 'unknownType'])
    assert.deepEqual(Object.keys(attack.outcomes[kind] ?? {}), ['closed 4400'], `${kind}: every one closed 4400`)

  // The honest participants did not notice.
  assert.deepEqual([...writer.closes, ...reader.closes], [], 'an honest client was disconnected')
  const baseMs = median(baseline)
  const duringMs = median(during)
  assert.ok(during.length >= 5, 'too few latency samples during the attack')
  assert.ok(
    duringMs <= 2 * baseMs,
    `honest latency ${duringMs.toFixed(1)} ms under attack, baseline ${baseMs.toFixed(1)} ms`,
  )

  // No second with a block over 100 ms while it lasted.
  const seconds = loopAfter.count - loopBefore.count
  const overBudget = seconds - (loopAfter.withinBudget - loopBefore.withinBudget)
  assert.equal(overBudget, 0, `${overBudget} of ${seconds} seconds had an event-loop block over 100 ms`)

  // Stored: the honest records exactly as the clients hold them, every one valid, only the board's layout.
  const stored = readStoredDoc(board.server.dataDir, `${board.workshopId}/board`)
  assert.equal(stored.store.pendingStructs, null, 'stored board leaves structs pending')
  assert.deepEqual([...stored.share.keys()].sort(), [META_MAP, RECORDS_ARRAY].sort(), 'stored board has foreign roots')
  const schema = createBoardSchema()
  for (const [key, value] of docRecords(stored))
    assert.ok(checkBoardRecord(schema, key, value).ok, `stored ${key} invalid`)
  await eventually(() => boardJson(stored) === boardJson(writer.doc), 5000, 'stored board equals the honest one')
  // Beyond the honest writes, only what a participant may write: a mutated update can still be a valid
  // one (a note whose text or client id a flipped byte changed), accepted as from anyone with a session.
  const honestIds = new Set([
    ...documentRecords().map((r) => r.id),
    ...Array.from({ length: probes }, (_, i) => `shape:probe-${i + 1}`),
  ])
  const accepted = [...docRecords(stored)].filter(([id]) => !honestIds.has(id))
  for (const [id, value] of accepted)
    assert.ok(
      id.startsWith('shape:hostile-') && (value as { type?: string }).type === 'note',
      `stored ${id}: not a hostile note`,
    )
  assert.equal(boardJson(reader.doc), boardJson(writer.doc))
  stored.destroy()

  // The smallest bucket bound that every second of the attack stayed within.
  const slowest =
    [...loopAfter.buckets.keys()].find(
      (le) => (loopAfter.buckets.get(le) ?? 0) - (loopBefore.buckets.get(le) ?? 0) === seconds,
    ) ?? '+Inf'
  // Seconds by their longest block, bucket by bucket (cumulative counts made per band).
  let below = 0
  const bands: string[] = []
  for (const le of loopAfter.buckets.keys()) {
    const upTo = (loopAfter.buckets.get(le) ?? 0) - (loopBefore.buckets.get(le) ?? 0)
    if (upTo > below) bands.push(`≤ ${le} s: ${upTo - below}`)
    below = upTo
  }
  const closes = new Map<string, number>()
  for (const [, o] of outcomes) for (const [k, n] of Object.entries(o)) closes.set(k, (closes.get(k) ?? 0) + n)
  console.log(
    `figure: hostile input: ${attack.frames} frames (${outcomes.length} kinds, ${CONCURRENCY} connections at a time) in ${(attack.ms / 1000).toFixed(1)} s (${Math.round(attack.frames / (attack.ms / 1000))}/s); ` +
      `outcomes ${[...closes].map(([k, n]) => `${k}: ${n}`).join(', ')}; ` +
      `honest latency median ${baseMs.toFixed(1)} → ${duringMs.toFixed(1)} ms (p95 ${percentile(baseline, 0.95).toFixed(1)} → ${percentile(during, 0.95).toFixed(1)} ms, ${during.length} samples); ` +
      `longest event-loop block per second ≤ ${slowest} s over ${seconds} s (${bands.join(', ')}); stored board: every record valid, honest ones intact, ` +
      `${accepted.length} valid notes from mutated updates accepted as any participant's`,
  )
})
