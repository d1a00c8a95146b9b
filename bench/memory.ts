/**
 * Memory (issue 7 item 2): the server's resident memory idle, with 1,000 workshops
 * stored and none loaded, with 10 of them active, and what one idle loaded room
 * costs. The real server (auth, validation, durable log; SQLite), stock y-websocket
 * clients writing real tldraw notes. Figures from /proc (VmRSS sampled every 100 ms)
 * and the server's own /metrics (V8 heap). Prints a Markdown table; not pass/fail.
 *
 * BENCH_MEM_WORKSHOPS (default 1000), BENCH_MEM_NOTES (notes per board, default 40),
 * BENCH_MEM_ACTIVE_SECONDS (default 20), BENCH_MEM_IDLE_ROOMS (default 200).
 */
import fs from 'node:fs'
import type { TLRecord } from '@tldraw/tlschema'
import type { CreateWorkshopResponse } from '../shared/api'
import { createWorkshop, join } from '../tests/support/api'
import { type BoardClient, connectBoard, writeBoard } from '../tests/support/boardClient'
import { documentRecords, noteRecord } from '../tests/support/records'
import { scrapeMetrics, value } from '../tests/support/scrapeMetrics'
import { type ServerProcess, startServerProcess, tempDataDir } from '../tests/support/serverProcess'
import { exitAfter } from './load/deadline'
import { type Column, table } from './load/report'

const WORKSHOPS = Number(process.env.BENCH_MEM_WORKSHOPS ?? 1000)
const NOTES = Number(process.env.BENCH_MEM_NOTES ?? 40)
const ACTIVE = 10
const ACTIVE_SECONDS = Number(process.env.BENCH_MEM_ACTIVE_SECONDS ?? 20)
const IDLE_ROOMS = Math.min(WORKSHOPS - ACTIVE, Number(process.env.BENCH_MEM_IDLE_ROOMS ?? 200))
const BATCH = 20

exitAfter(600_000, 'memory')
// Every stock provider registers a process 'exit' listener (to close its socket): hundreds of them are expected here.
process.setMaxListeners(0)

const MiB = 1024 * 1024
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024

/** Setting up a thousand workshops from one address is not what is measured: the join budget is raised. */
const SETUP_ENV = { ATELIER_HTTP_RATE_LIMIT_JOINS_PER_MINUTE: '1000000', ATELIER_HTTP_RATE_LIMIT_PER_MINUTE: '1000000' }

interface Row {
  state: string
  rss: number
  heap: number
  target: string
}

async function heapUsed(server: ServerProcess): Promise<number> {
  return value(await scrapeMetrics(server), 'nodejs_heap_size_used_bytes')
}

async function roomsLoaded(server: ServerProcess): Promise<number> {
  return value(await scrapeMetrics(server), 'atelier_rooms_loaded')
}

/** The highest VmRSS seen while `work` runs. */
async function peakRssDuring(pid: number, work: Promise<unknown>): Promise<number> {
  let peak = rss(pid)
  const sampler = setInterval(() => (peak = Math.max(peak, rss(pid))), 100)
  try {
    await work
  } finally {
    clearInterval(sampler)
  }
  return Math.max(peak, rss(pid))
}

const boardOf = (i: number): TLRecord[] => [
  ...documentRecords(),
  ...Array.from({ length: NOTES }, (_, k) =>
    noteRecord(
      `shape:m${i}-${k}`,
      `Constat ${k} : l'accès aux démarches en ligne reste difficile`,
      (k % 8) * 230,
      Math.floor(k / 8) * 230,
    ),
  ),
]

const rows: Row[] = []
const dataDir = tempDataDir()
let server = await startServerProcess({ dataDir, env: { ...SETUP_ENV, ATELIER_ROOM_IDLE_MS: '500' } })
const pid = () => server.child.pid as number
await sleep(2000)
rows.push({ state: 'idle, nothing stored', rss: rss(pid()), heap: await heapUsed(server), target: '' })

const workshops: { ws: CreateWorkshopResponse; token: string }[] = []
const writeStarted = performance.now()
for (let i = 0; i < WORKSHOPS; i += BATCH) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(BATCH, WORKSHOPS - i) }, async (_, k) => {
      const ws = await createWorkshop(server.url, server.adminToken, `Atelier ${i + k}`)
      const { token } = await join(server.url, ws, 'facilitator', 'Animatrice')
      await writeBoard(server.url, ws.id, token, boardOf(i + k))
      return { ws, token }
    }),
  )
  workshops.push(...batch)
}
const writeSeconds = (performance.now() - writeStarted) / 1000
const unloadDeadline = Date.now() + 60_000
while ((await roomsLoaded(server)) > 0 && Date.now() < unloadDeadline) await sleep(250)
await sleep(1000)
rows.push({
  state: `${WORKSHOPS.toLocaleString('en-US')} workshops written through it (${NOTES} notes each), all unloaded`,
  rss: rss(pid()),
  heap: await heapUsed(server),
  target: '',
})

// What stays after writing a thousand boards through one process is its high-water mark,
// not what the stored workshops cost: the rest is measured on a server started on them.
await server.stop()
server = await startServerProcess({ dataDir, env: { ...SETUP_ENV, ATELIER_ROOM_IDLE_MS: '600000' } })
await sleep(2000)
rows.push({
  state: `restarted on the ${WORKSHOPS.toLocaleString('en-US')} stored workshops, idle`,
  rss: rss(pid()),
  heap: await heapUsed(server),
  target: '',
})

// Ten workshops in session: three participants each, moving their notes twice a second.
const clients: BoardClient[] = []
for (const { ws, token } of workshops.slice(0, ACTIVE))
  for (let p = 0; p < 3; p++) clients.push(connectBoard(server.url, ws.id, { token }))
await Promise.all(clients.map((c) => c.synced(30_000)))
let step = 0
const moving = setInterval(() => {
  step++
  for (const [n, c] of clients.entries()) {
    const id = `shape:m${Math.floor(n / 3)}-${(n % 3) + (step % 10) * 3}`
    const note = c.get(id) as (TLRecord & { x: number }) | undefined
    if (note) c.put({ ...note, x: note.x + 1 } as TLRecord)
  }
}, 500)
const activePeak = await peakRssDuring(pid(), sleep(ACTIVE_SECONDS * 1000))
clearInterval(moving)
rows.push({
  state: `${ACTIVE} active (3 clients each, 2 moves/s), peak over ${ACTIVE_SECONDS} s`,
  rss: activePeak,
  heap: await heapUsed(server),
  target: '< 300 MB',
})
for (const c of clients) c.destroy()

// Idle loaded rooms, on a fresh start (after the active phase, new rooms reuse freed memory and
// the difference says little): each loaded by one client that then leaves, kept loaded.
await server.stop()
server = await startServerProcess({ dataDir, env: { ...SETUP_ENV, ATELIER_ROOM_IDLE_MS: '600000' } })
await sleep(2000)
const before = { rss: rss(pid()), heap: await heapUsed(server), loaded: await roomsLoaded(server) }
const idle = workshops.slice(ACTIVE, ACTIVE + IDLE_ROOMS)
for (let i = 0; i < idle.length; i += BATCH) {
  await Promise.all(
    idle.slice(i, i + BATCH).map(async ({ ws, token }) => {
      const c = connectBoard(server.url, ws.id, { token })
      await c.synced(30_000)
      c.destroy()
    }),
  )
}
await sleep(3000)
const loaded = (await roomsLoaded(server)) - before.loaded
rows.push({
  state: `each idle loaded room (${loaded} more boards loaded, ${NOTES} notes each), average`,
  rss: (rss(pid()) - before.rss) / Math.max(1, loaded),
  heap: ((await heapUsed(server)) - before.heap) / Math.max(1, loaded),
  target: '< 1 MB',
})
await server.stop()

const mib = (bytes: number) => (bytes < MiB ? `${(bytes / 1024).toFixed(0)} KiB` : `${(bytes / MiB).toFixed(0)} MiB`)
const columns: Column<Row & { server: string }>[] = [
  { title: 'state', cell: (r) => r.state },
  { title: 'RSS', cell: (r) => mib(r.rss) },
  { title: 'V8 heap used', cell: (r) => mib(r.heap) },
  { title: 'target', cell: (r) => r.target },
]
console.log(
  `\n### Memory: ${WORKSHOPS.toLocaleString('en-US')} workshops written in ${writeSeconds.toFixed(0)} s; RSS from /proc, heap from /metrics (what V8 has not collected yet included)\n\n${table(
    columns,
    rows.map((r) => ({ ...r, server: '' })),
  )}`,
)
process.exit(0)
