/**
 * The read side of the board document: rightmost entry wins (as in YKeyValue),
 * remote changes are reported, our own are not, and reading never writes —
 * even when two writers edited the same record concurrently.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { RECORDS_ARRAY } from '../../shared/boardDoc'
import type { RecordEntry, RemoteBatch } from './recordGate'
import { watchRecords } from './recordsWatcher'

const sync = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote')

test('reports remote puts and removals, ignores local transactions, never writes', () => {
  const writerA = new Y.Doc()
  const writerB = new Y.Doc()
  const reader = new Y.Doc()
  const kvA = new YKeyValue<{ n: number }>(writerA.getArray(RECORDS_ARRAY))
  const kvB = new YKeyValue<{ n: number }>(writerB.getArray(RECORDS_ARRAY))

  const batches: RemoteBatch[] = []
  const readerArray = reader.getArray<RecordEntry>(RECORDS_ARRAY)
  const watcher = watchRecords(readerArray, (batch) => batches.push(batch))
  let readerWrites = 0
  reader.on('update', (_u: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') readerWrites++
  })

  kvA.set('shape:1', { n: 1 })
  sync(writerA, writerB)
  // Concurrent edits of the same record by A and B.
  kvA.set('shape:1', { n: 2 })
  kvB.set('shape:1', { n: 3 })
  sync(writerA, reader)
  sync(writerB, reader)

  const view = new Map(watcher.entries().map((e) => [e.key, e.val]))
  sync(writerB, writerA)
  sync(writerA, writerB)
  assert.deepEqual(view.get('shape:1'), kvA.get('shape:1'), 'reader and writers agree on the winner')
  assert.deepEqual(kvA.get('shape:1'), kvB.get('shape:1'))
  assert.equal(readerWrites, 0, 'the reader never wrote to its document')

  kvA.delete('shape:1')
  sync(writerA, reader)
  assert.deepEqual(batches.at(-1)?.remove, ['shape:1'])
  assert.equal(watcher.entries().length, 0)

  // A local transaction on the reader's doc is not reported back.
  const count = batches.length
  reader.transact(() => readerArray.push([{ key: 'shape:local', val: { n: 9 } }]))
  assert.equal(batches.length, count)
  assert.equal(watcher.entries().length, 1)
  watcher.dispose()
})
