/**
 * Foundation figures (issue 2), printed as a Markdown table:
 *  - database size after 10,000 moves of one note (log, then compacted);
 *  - server RSS with no room loaded vs 10 idle rooms of 50 notes each.
 * Real server process on loopback, stock y-websocket clients. Bounded in time.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createWorkshop, join } from '../tests/support/api'
import { connectBoard, eventually } from '../tests/support/boardClient'
import { documentRecords, noteRecord } from '../tests/support/records'
import { startServerProcess } from '../tests/support/serverProcess'

const MOVES = Number(process.env.BENCH_MOVES ?? 10_000)

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return kb / 1024
}

function dbBytes(dataDir: string): { db: number; wal: number } {
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0)
  const file = path.join(dataDir, 'atelier.db')
  return { db: size(file), wal: size(`${file}-wal`) }
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`
const rows: [string, string][] = []

// 1. Database size after many moves of one note.
{
  const env = { ATELIER_MAX_MESSAGES_PER_SECOND: '1000000', ATELIER_ROOM_IDLE_MS: '200' }
  let server = await startServerProcess({ env })
  const ws = await createWorkshop(server.url, server.adminToken)
  const p = await join(server.url, ws, 'participant', 'Bench')
  const client = connectBoard(server.url, ws.id, { token: p.token })
  await client.synced()
  client.doc.transact(() => {
    for (const r of documentRecords()) client.put(r)
  })
  const note = noteRecord('moved', 'Note déplacée')
  const started = performance.now()
  for (let i = 0; i < MOVES; i++) {
    client.put({ ...note, x: i % 1000, y: Math.floor(i / 1000) } as never)
    if (i % 500 === 499) await new Promise((r) => setImmediate(r))
  }
  // A second client joining sees the last position once everything is through.
  const watcher = connectBoard(server.url, ws.id, { token: p.token })
  await watcher.synced()
  await eventually(() => (watcher.get('shape:moved') as { x: number } | undefined)?.x === (MOVES - 1) % 1000, 120_000)
  const elapsed = performance.now() - started
  const live = dbBytes(server.dataDir)
  client.destroy()
  watcher.destroy()
  // Idle room unloads and compacts; a restart checkpoints the WAL.
  await new Promise((r) => setTimeout(r, 2000))
  await server.stop()
  server = await server.restart()
  await server.stop()
  const compacted = dbBytes(server.dataDir)
  rows.push([
    `${MOVES} moves of one note: time until a second client sees the last`,
    `${(elapsed / 1000).toFixed(1)} s`,
  ])
  rows.push([`database after the moves (db + WAL, log not yet compacted)`, `${kib(live.db)} + ${kib(live.wal)}`])
  rows.push([`database after compaction and restart (db + WAL)`, `${kib(compacted.db)} + ${kib(compacted.wal)}`])
}

// 2. Memory: idle rooms.
{
  const env = { ATELIER_ROOM_IDLE_MS: '600000' }
  const server = await startServerProcess({ env })
  const pid = server.child.pid as number
  await new Promise((r) => setTimeout(r, 1000))
  const before = rssMiB(pid)
  for (let w = 0; w < 10; w++) {
    const ws = await createWorkshop(server.url, server.adminToken, `Atelier ${w}`)
    const p = await join(server.url, ws, 'participant', 'Bench')
    const c = connectBoard(server.url, ws.id, { token: p.token })
    await c.synced()
    c.doc.transact(() => {
      for (const r of documentRecords()) c.put(r)
      for (let i = 0; i < 50; i++) c.put(noteRecord(`n${i}`, `Note ${i} de l'atelier ${w}`, i * 10, w * 10))
    })
    const check = connectBoard(server.url, ws.id, { token: p.token })
    await check.synced()
    await eventually(() => check.ids().length === 52, 10_000)
    c.destroy()
    check.destroy()
  }
  await new Promise((r) => setTimeout(r, 2000))
  const after = rssMiB(pid)
  rows.push(['server RSS, no room loaded', `${before.toFixed(1)} MiB`])
  rows.push(['server RSS, 10 idle rooms loaded (50 notes each)', `${after.toFixed(1)} MiB`])
  await server.stop()
}

console.log('\n| figure | value |\n|---|---|')
for (const [k, v] of rows) console.log(`| ${k} | ${v} |`)
