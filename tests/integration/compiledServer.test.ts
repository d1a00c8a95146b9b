/**
 * What `npm start` runs: the server bundled by scripts/build-server.mjs, not its
 * TypeScript under tsx (which every other integration test uses). The bundle must
 * hold everything the sources do, and find what it loads at run time beside it:
 * the compaction worker (its own file, started by URL) and the Redis bus (a chunk
 * of its own, imported only with ATELIER_BUS).
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { createWorkshop, join } from '../support/api'
import { connectBoard } from '../support/boardClient'
import { writeUntilCompacted } from '../support/compaction'
import { ROOT, type ServerProcess, startServerProcess } from '../support/serverProcess'

// Inside the repository, so that the bundle's packages resolve from node_modules as in dist/server.
const outdir = path.join(ROOT, '.tmp', `compiled-server-${process.pid}`)
let server: ServerProcess

before(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs'), outdir], { stdio: 'inherit' })
})
after(async () => {
  await server?.stop()
  fs.rmSync(outdir, { recursive: true, force: true })
})

test('the compiled server is one entry point with the worker beside it and the Redis bus in a chunk of its own', () => {
  const files = fs.readdirSync(outdir, { recursive: true }).map(String)
  assert.ok(files.includes('main.mjs'))
  assert.ok(files.includes('compactWorker.mjs'))
  const main = fs.readFileSync(path.join(outdir, 'main.mjs'), 'utf8')
  assert.doesNotMatch(main, /from "ioredis"/, 'ioredis is not imported by the entry point')
  assert.ok(
    files.some((f) => f.endsWith('.mjs') && fs.readFileSync(path.join(outdir, f), 'utf8').includes('from "ioredis"')),
    'a chunk imports ioredis',
  )
})

test('the compiled server serves a board, compacts its log in its worker and keeps it across a restart', async () => {
  server = await startServerProcess({ compiled: outdir, env: { ATELIER_COMPACT_AFTER: '50' } })
  const ws = await createWorkshop(server.url, server.adminToken)
  const p = await join(server.url, ws, 'participant', 'Camille')
  const a = await writeUntilCompacted(server, ws.id, p.token)
  a.destroy()
  await server.stop()
  server = await server.restart()
  const b = connectBoard(server.url, ws.id, { token: p.token })
  try {
    await b.synced()
    assert.equal((b.get('shape:moved') as { x: number } | undefined)?.x, 199)
  } finally {
    b.destroy()
  }
})
