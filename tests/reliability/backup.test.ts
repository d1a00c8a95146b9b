/**
 * Backup and restore (issue 6, item 8). `npm run backup` copies a live data
 * directory while stock clients edit the board and workshops are being
 * created; the copy must be one point in time: exactly the transactions
 * committed up to some moment, none half, none later skipped. `npm run
 * restore` refuses to replace a running server's data, and once the server is
 * stopped brings the copy back: a restarted server serves the board as backed up.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, test } from 'node:test'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { DATABASE_FILE } from '../../server/storage/sqliteStore'
import { createWorkshop } from '../support/api'
import { connectBoard, eventually } from '../support/boardClient'
import { readStoredDoc } from '../support/dataFile'
import { documentRecords, noteRecord } from '../support/records'
import { ROOT, tempDataDir } from '../support/serverProcess'
import { boardJson } from './boardState'
import { type LiveBoard, startLiveBoard } from './liveBoard'

const WRITERS = 3

let board: LiveBoard
let writing = true
before(async () => {
  // No compaction: the log only grows, so "a point in time" is "a prefix of the live log".
  board = await startLiveBoard({ env: { ATELIER_COMPACT_AFTER: '1000000' } })
})
after(async () => {
  writing = false
  await board.close()
})

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Runs one of the npm scripts' files as a child process: its exit code and output. */
function runScript(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts', script), ...args],
      { cwd: ROOT, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

interface LogRow {
  seq: number
  doc: string
  data: Buffer
}

/** The document log, workshops and links of a database file, read-only. */
function readTables(dir: string) {
  const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true, fileMustExist: true })
  try {
    return db.transaction(() => ({
      log: db.prepare<[], LogRow>('SELECT seq, doc, data FROM doc_updates ORDER BY seq').all(),
      workshops: db
        .prepare<[], { id: string }>('SELECT id FROM workshops')
        .all()
        .map((r) => r.id),
      links: db.prepare<[], { workshop_id: string }>('SELECT workshop_id FROM links').all(),
    }))()
  } finally {
    db.close()
  }
}

test('a backup taken during edits is one point in time; restore refuses a live server, then brings it back', {
  timeout: 120_000,
}, async () => {
  const { server } = board
  const writers = Array.from({ length: WRITERS }, () => board.connect())
  const witness = board.connect()
  await Promise.all([...writers, witness].map((c) => c.synced()))
  ;(writers[0] as (typeof writers)[0]).doc.transact(() => {
    for (const r of documentRecords()) writers[0]?.put(r)
  })
  const loops = writers.map(async (c, n) => {
    for (let i = 0; writing; i++) {
      c.put(noteRecord(`w${n}-${i % 40}`, `note ${n}.${i}`, i * 7, n * 220))
      await pause(10)
    }
  })
  // Workshops too: each is one transaction over three tables (workshop, links, its board's log).
  const created: string[] = []
  const creating = (async () => {
    while (writing) {
      created.push((await createWorkshop(server.url, server.adminToken, 'Pendant la sauvegarde', 'enjeux')).id)
      await pause(30)
    }
  })()
  await eventually(() => witness.ids().length > 30, 10_000, 'edits under way')

  const seenBefore = Y.encodeStateVector(witness.doc)
  const createdBefore = [...created]
  const logBefore = readTables(server.dataDir).log.length
  const dest = path.join(tempDataDir('atelier-backup-'), 'copy')
  const t0 = Date.now()
  const backup = await runScript('backup.ts', [server.dataDir, dest])
  const backupMs = Date.now() - t0
  assert.equal(backup.code, 0, `backup failed: ${backup.stderr}`)
  const live = readTables(server.dataDir)
  const writtenDuring = live.log.length - logBefore
  assert.ok(writtenDuring > 0, 'nothing was written while the backup ran: the test proves nothing')

  // One point in time: the copy's log is exactly the live log up to its last entry, byte for byte…
  const copy = readTables(dest)
  const upto = copy.log.at(-1)?.seq ?? 0
  const livePrefix = live.log.filter((r) => r.seq <= upto)
  assert.equal(copy.log.length, livePrefix.length, 'log entries missing in the copy (a hole: not one point in time)')
  for (const [i, r] of copy.log.entries()) {
    const l = livePrefix[i] as LogRow
    assert.ok(r.seq === l.seq && r.doc === l.doc && r.data.equals(l.data), `log entry ${l.seq} differs in the copy`)
  }
  // …and every other table agrees with that moment: a workshop is there iff its first log entry is.
  const firstEntry = new Map<string, number>()
  for (const r of live.log) {
    const id = r.doc.split('/')[0] as string
    if (!firstEntry.has(id)) firstEntry.set(id, r.seq)
  }
  for (const id of live.workshops) {
    const inCopy = copy.workshops.includes(id)
    const expected = (firstEntry.get(id) ?? 0) <= upto
    assert.equal(inCopy, expected, `workshop ${id}: in copy ${inCopy}, its board's first entry ${firstEntry.get(id)}`)
    if (inCopy)
      assert.equal(copy.links.filter((l) => l.workshop_id === id).length, 3, `workshop ${id}: links missing in copy`)
  }
  for (const id of createdBefore) assert.ok(copy.workshops.includes(id), `workshop ${id} created before the backup`)

  // The copied board: whole (nothing pending), holding everything shown before the backup began.
  const boardName = `${board.workshopId}/board`
  const copied = readStoredDoc(dest, boardName)
  assert.equal(copied.store.pendingStructs, null, 'copied board leaves structs pending')
  const before = Y.decodeStateVector(seenBefore)
  const inCopy = Y.decodeStateVector(Y.encodeStateVector(copied))
  for (const [client, clock] of before)
    assert.ok((inCopy.get(client) ?? 0) >= clock, `client ${client}: shown, not copied`)
  const expectedBoard = boardJson(copied)
  copied.destroy()
  assert.deepEqual(fs.readdirSync(dest), [DATABASE_FILE], 'the copy is one self-contained file')

  // Restore refuses while the server runs, and changes nothing.
  const refused = await runScript('restore.ts', [dest, server.dataDir])
  assert.equal(refused.code, 1, 'restore over a running server must be refused')
  assert.match(refused.stderr, /is running/)
  assert.ok(readTables(server.dataDir).log.length >= live.log.length, 'refused restore touched the live data')

  writing = false
  await Promise.all([...loops, creating])
  const liveAtStop = readTables(server.dataDir).log.length
  for (const c of board.clients) c.destroy() // their later edits would flow back into the restored board
  board.clients = []
  await server.stop()
  // Bad input loses nothing: a damaged backup is refused before anything moves, a used destination too.
  const damaged = tempDataDir('atelier-damaged-')
  fs.writeFileSync(path.join(damaged, DATABASE_FILE), 'pas une base SQLite')
  const refusedDamaged = await runScript('restore.ts', [damaged, server.dataDir])
  assert.equal(refusedDamaged.code, 1, 'a damaged backup must be refused')
  assert.match(refusedDamaged.stderr, /not a readable SQLite database/)
  assert.equal(readTables(server.dataDir).log.length, liveAtStop, 'a refused restore changed the data')
  const intoUsed = await runScript('backup.ts', [server.dataDir, damaged])
  assert.equal(intoUsed.code, 1, 'a backup into a non-empty directory must be refused')
  assert.equal(fs.readFileSync(path.join(damaged, DATABASE_FILE), 'utf8'), 'pas une base SQLite')

  const restore = await runScript('restore.ts', [dest, server.dataDir])
  assert.equal(restore.code, 0, `restore failed: ${restore.stderr}`)
  const previous = JSON.parse(restore.stdout).previous as string
  assert.equal(readTables(previous).log.length, liveAtStop, 'the replaced data was not kept aside whole')

  await board.restart()
  const reader = connectBoard(board.server.url, board.workshopId, { token: board.token, disableBc: true })
  board.clients.push(reader)
  await reader.synced()
  assert.equal(boardJson(reader.doc), expectedBoard, 'restored server does not serve the board as backed up')
  const summary = JSON.parse(backup.stdout) as { logEntries: number; workshops: number; bytes: number; ms: number }
  console.log(
    `figure: backup during edits: ${summary.logEntries} log entries, ${summary.workshops} workshops, ` +
      `${(summary.bytes / 1024).toFixed(0)} KiB copied in ${summary.ms} ms (command ${backupMs} ms); ` +
      `${writtenDuring} entries written meanwhile; copy = live log up to entry ${upto}, every table at that point; restored and served`,
  )
})
