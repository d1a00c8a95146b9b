import assert from 'node:assert/strict'
import { test } from 'node:test'
import { tempDataDir } from '../../tests/support/serverProcess'
import { openSqliteStore } from '../storage/sqliteStore'
import { UpdateWriter } from './updateWriter'

test('callbacks run only after their updates are committed, in order, one transaction per turn', async () => {
  const store = openSqliteStore(tempDataDir())
  const commits: number[] = []
  const writer = new UpdateWriter(store, { onCommitError: assert.fail, onCommit: (n) => commits.push(n) })
  const seen: string[] = []
  writer.append('w/board', new Uint8Array([1]))
  writer.afterCommit(() =>
    seen.push(`first:${store.db.prepare('SELECT COUNT(*) AS n FROM doc_updates').pluck().get()}`),
  )
  writer.append('w/board', new Uint8Array([2]))
  writer.afterCommit(() => seen.push('second'))
  assert.deepEqual(seen, [], 'nothing is visible before the commit')
  await writer.flush()
  assert.deepEqual(seen, ['first:2', 'second'])
  assert.deepEqual(commits, [2])
  await store.close()
})

test('a failed commit drops its callbacks and reports the documents', async () => {
  const store = openSqliteStore(tempDataDir())
  let failed: Set<string> | null = null
  const writer = new UpdateWriter(store, { onCommitError: (_e, docs) => (failed = docs) })
  await store.close()
  let ran = false
  writer.append('w/board', new Uint8Array([1]))
  writer.afterCommit(() => (ran = true))
  await writer.flush()
  assert.equal(ran, false)
  assert.deepEqual(failed, new Set(['w/board']))
})
