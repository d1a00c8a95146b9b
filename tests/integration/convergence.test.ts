import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createWorkshop, join } from '../support/api'
import { connectBoard, eventually } from '../support/boardClient'
import { documentRecords, noteRecord } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

let server: ServerProcess
before(async () => {
  server = await startServerProcess()
})
after(async () => {
  await server.stop()
})

test('two participants converge on the same board, and it survives a restart', async () => {
  const ws = await createWorkshop(server.url, server.adminToken)
  const alice = await join(server.url, ws, 'participant', 'Alice', { college: 'associations' })
  const bob = await join(server.url, ws, 'participant', 'Bob')
  const a = connectBoard(server.url, ws.id, { token: alice.token })
  const b = connectBoard(server.url, ws.id, { token: bob.token })
  await Promise.all([a.synced(), b.synced()])

  a.doc.transact(() => {
    for (const r of documentRecords()) a.put(r)
    a.put(noteRecord('n1', 'Fibre absente en zone rurale'))
  })
  await eventually(() => b.get('shape:n1') !== undefined, 5000, 'B sees A note')
  b.put({ ...(b.get('shape:n1') as object), x: 300, y: 120 } as never)
  await eventually(() => (a.get('shape:n1') as { x: number } | undefined)?.x === 300, 5000, 'A sees B move')
  assert.deepEqual(a.ids(), b.ids())
  a.destroy()
  b.destroy()

  await server.stop()
  server = await server.restart()
  const c = connectBoard(server.url, ws.id, { token: alice.token })
  await c.synced()
  assert.deepEqual(c.ids(), ['document:document', 'page:page', 'shape:n1'])
  assert.equal((c.get('shape:n1') as { x: number }).x, 300)
  c.destroy()
})
