import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createWorkshop, join } from '../support/api'
import { connectBoard, eventually } from '../support/boardClient'
import { logEvents, writeUntilCompacted } from '../support/compaction'
import { openStoreOf } from '../support/dataFile'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

let server: ServerProcess
before(async () => {
  server = await startServerProcess({ env: { ATELIER_COMPACT_AFTER: '50', ATELIER_ROOM_IDLE_MS: '300' } })
})
after(async () => {
  await server.stop()
})

const events = (name: string) => logEvents(server, name)

async function logRows(doc: string): Promise<{ updates: number; snapshots: number }> {
  const store = await openStoreOf(server)
  try {
    const updates = await store.countUpdates(doc)
    const snapshots = (await store.loadDoc(doc)).snapshot ? 1 : 0
    return { updates, snapshots }
  } finally {
    await store.close()
  }
}

test('the log is compacted in the background and rooms unload when idle, losing nothing', async () => {
  const ws = await createWorkshop(server.url, server.adminToken)
  const p = await join(server.url, ws, 'participant', 'Camille')
  const a = await writeUntilCompacted(server, ws.id, p.token)
  try {
    // A compaction folds what is committed when it starts: on a store whose commits lag
    // (PostgreSQL) the first may fold little, the next ones the rest.
    let rows = await logRows(`${ws.id}/board`)
    for (const deadline = Date.now() + 10_000; rows.updates >= 200 && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 100))
      rows = await logRows(`${ws.id}/board`)
    }
    assert.equal(rows.snapshots, 1)
    assert.ok(rows.updates < 200, `log folded: ${rows.updates} entries left of 201`)
  } finally {
    a.destroy()
  }
  await eventually(() => events('room_unloaded').some((e) => e.room === `${ws.id}/board`), 10_000, 'room unload')
  const b = connectBoard(server.url, ws.id, { token: p.token })
  await b.synced()
  assert.equal((b.get('shape:moved') as { x: number } | undefined)?.x, 199)
  assert.equal(
    events('room_loaded').filter((e) => e.room === `${ws.id}/board`).length,
    2,
    'loaded again from the store',
  )
  b.destroy()
})
