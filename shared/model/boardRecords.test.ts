import assert from 'node:assert/strict'
import { test } from 'node:test'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { RECORDS_ARRAY } from '../boardDoc'
import { deleteEntries, type RecordEntry, readBoardRecords, winningEntries } from './boardRecords'

test('deleting a key removes every entry of it, duplicates left by concurrent writes included', () => {
  const doc = new Y.Doc()
  const records = doc.getArray<RecordEntry>(RECORDS_ARRAY)
  records.push([
    { key: 'shape:a', val: { v: 1 } },
    { key: 'shape:b', val: { v: 1 } },
    { key: 'shape:a', val: { v: 2 } },
  ])
  doc.transact(() => assert.equal(deleteEntries(records, new Set(['shape:a'])), 2))
  assert.deepEqual(readBoardRecords(doc), [{ v: 1 }], 'no older value of shape:a comes back')
})

test('a delete does not trust YKeyValue’s map, which can miss a key the array holds', () => {
  const doc = new Y.Doc()
  const records = doc.getArray<RecordEntry>(RECORDS_ARRAY)
  const kv = new YKeyValue<unknown>(records as Y.Array<{ key: string; val: unknown }>)
  kv.set('shape:a', { v: 1 })
  kv.map.delete('shape:a') // the drift: the array holds it, the map does not
  assert.equal(kv.has('shape:a'), false)
  doc.transact(() => deleteEntries(records, new Set(['shape:a'])))
  assert.equal(winningEntries(records).has('shape:a'), false)
})

test('deleting keys the array does not hold changes nothing and sends no update', () => {
  const doc = new Y.Doc()
  const records = doc.getArray<RecordEntry>(RECORDS_ARRAY)
  records.push([{ key: 'shape:a', val: 1 }])
  let updates = 0
  doc.on('update', () => updates++)
  doc.transact(() => deleteEntries(records, new Set(['shape:z'])))
  assert.equal(updates, 0)
  assert.equal(records.length, 1)
})
