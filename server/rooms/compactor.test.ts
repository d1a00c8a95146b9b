import assert from 'node:assert/strict'
import fs from 'node:fs'
import { test } from 'node:test'
import * as Y from 'yjs'
import { tempDataDir } from '../../tests/support/serverProcess'
import { openSqliteStore } from '../storage/sqliteStore'
import { Compactor } from './compactor'

/** Nice values of this process's threads, from /proc (field 19 of each task's stat). */
function threadNiceValues(): number[] {
  return fs.readdirSync('/proc/self/task').map((tid) => {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
  })
}

test('a compaction folds the log into one snapshot, in a thread that yields the core to the event loop', async () => {
  const store = openSqliteStore(tempDataDir())
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (let i = 0; i < 50; i++) doc.getArray<number>('a').push([i])
  await store.appendUpdates(updates.map((data) => ({ doc: 'w/board', data })))
  const compactor = new Compactor(store)
  try {
    const nicesBefore = threadNiceValues()
    const folded = await compactor.compact('w/board')
    assert.equal(folded.entries, 50)
    const stored = await store.loadDoc('w/board')
    assert.equal(stored.updates.length, 0)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, stored.snapshot as Uint8Array)
    assert.deepEqual(copy.getArray('a').toArray(), doc.getArray('a').toArray())
    assert.ok(!nicesBefore.includes(19), 'no thread at the lowest priority before')
    assert.equal(threadNiceValues().filter((n) => n === 19).length, 1, 'the worker thread runs at nice 19')
  } finally {
    await compactor.close()
    await store.close()
  }
})

test('the worker thread stops once idle and a later compaction starts it again', async () => {
  const store = openSqliteStore(tempDataDir())
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const write = async (from: number) => {
    updates.length = 0
    for (let i = from; i < from + 20; i++) doc.getArray<number>('a').push([i])
    await store.appendUpdates(updates.map((data) => ({ doc: 'w/board', data })))
  }
  const compactor = new Compactor(store, 200)
  try {
    await write(0)
    assert.equal((await compactor.compact('w/board')).entries, 20)
    assert.ok(compactor.workerRunning)
    const deadline = Date.now() + 10_000
    while (compactor.workerRunning && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    assert.equal(compactor.workerRunning, false, 'stopped after its idle time')
    await write(20)
    assert.equal((await compactor.compact('w/board')).entries, 20)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, (await store.loadDoc('w/board')).snapshot as Uint8Array)
    assert.deepEqual(copy.getArray('a').toArray(), doc.getArray('a').toArray())
  } finally {
    await compactor.close()
    await store.close()
  }
})
