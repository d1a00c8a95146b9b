import assert from 'node:assert/strict'
import { test } from 'node:test'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { tempDataDir } from '../../tests/support/serverProcess'
import { openSqliteStore } from '../storage/sqliteStore'
import type { Store } from '../storage/store'
import type { Connection } from './connection'
import { Fanout, sendSpacingMs } from './fanout'
import { type AwarenessEntry, readAwarenessUpdate, readClientMessage } from './messages'
import { UpdateWriter } from './updateWriter'

/** A peer that keeps what it is sent (the room only ever calls send). */
function peer(): Connection & { got: Uint8Array[] } {
  const got: Uint8Array[] = []
  return { got, send: (m: Uint8Array) => got.push(m), cork() {}, uncork() {} } as unknown as Connection & {
    got: Uint8Array[]
  }
}

/** The texts an update message carries, applied to a fresh document. */
function textsOf(message: Uint8Array): string[] {
  const m = readClientMessage(message)
  assert.equal(m.type, 'update')
  const doc = new Y.Doc()
  Y.applyUpdate(doc, m.update)
  return doc.getArray<string>('a').toArray().sort()
}

/** One update per text, each from its own writer (a document's own encoding). */
function updatesFrom(texts: string[]): Uint8Array[] {
  return texts.map((t) => {
    const writer = new Y.Doc()
    writer.getArray<string>('a').push([t])
    return Y.encodeStateAsUpdate(writer)
  })
}

/** Until the fan-out has sent what is due (a room of a few peers sends at the next turn). */
const sent = () => new Promise((r) => setTimeout(r, 5))

function fanoutWith(store: Store, peers: Set<Connection>) {
  const writer = new UpdateWriter(store, { onCommitError: assert.fail })
  const fanout = new Fanout(peers, { currentBatch: () => writer.batch, afterCommit: (fn) => writer.afterCommit(fn) })
  return { writer, fanout }
}

test('the updates of one commit reach each peer as one message, encoded once for all', async () => {
  const store = openSqliteStore(tempDataDir())
  const [a, b, c] = [peer(), peer(), peer()]
  const { writer, fanout } = fanoutWith(store, new Set([a, b, c]))
  const [ua, ub, us] = updatesFrom(['de a', 'de b', 'du serveur'])
  for (const [u, from] of [
    [ua, a],
    [ub, b],
    [us, null],
  ] as const) {
    writer.append('w/board', u as Uint8Array)
    fanout.update(u as Uint8Array, from)
  }
  assert.equal(a.got.length + b.got.length + c.got.length, 0, 'nothing before the commit')
  await writer.flush()
  await sent()
  assert.deepEqual(
    [a, b, c].map((p) => p.got.length),
    [1, 1, 1],
  )
  // Two authors: everyone gets the whole batch (one merge, not one per author).
  for (const p of [a, b, c]) assert.deepEqual(textsOf(p.got[0]!), ['de a', 'de b', 'du serveur'])
  assert.equal(a.got[0], c.got[0], 'the same bytes for everyone')

  // One author and the server: the others get it whole, the author only the server's part.
  const [ua2, us2] = updatesFrom(['encore a', 'encore le serveur'])
  writer.append('w/board', ua2!)
  fanout.update(ua2!, a)
  writer.append('w/board', us2!)
  fanout.update(us2!, null)
  await writer.flush()
  await sent()
  assert.deepEqual(textsOf(a.got[1]!), ['encore le serveur'])
  assert.deepEqual(textsOf(b.got[1]!), ['encore a', 'encore le serveur'])
  await store.close()
})

test('an update appended while a commit runs waits for its own commit', async () => {
  const sqlite = openSqliteStore(tempDataDir())
  // The real store, committing slowly (as PostgreSQL may under load).
  let release: () => void = () => {}
  const store = new Proxy(sqlite, {
    get(target, key, receiver) {
      if (key !== 'appendUpdates') return Reflect.get(target, key, receiver)
      return async (entries: Parameters<Store['appendUpdates']>[0]) => {
        await new Promise<void>((r) => (release = r))
        return target.appendUpdates(entries)
      }
    },
  })
  const [a, b] = [peer(), peer()]
  const { writer, fanout } = fanoutWith(store, new Set([a, b]))
  const [first, second] = updatesFrom(['première', 'seconde'])
  writer.append('w/board', first!)
  fanout.update(first!, a)
  await new Promise((r) => setImmediate(r)) // the commit of `first` has started
  writer.append('w/board', second!)
  fanout.update(second!, a)
  release()
  await sent()
  assert.deepEqual(b.got.map(textsOf), [['première']], 'the first commit carries only its own update')
  release()
  await writer.flush()
  await sent()
  assert.deepEqual(b.got.map(textsOf), [['première'], ['seconde']])
  assert.equal(a.got.length, 0, 'the author gets nothing of its own')
  await sqlite.close()
})

test('the cursors of one turn go out as one message per peer, the latest of each', async () => {
  const store = openSqliteStore(tempDataDir())
  const [a, b, c] = [peer(), peer(), peer()]
  const { fanout } = fanoutWith(store, new Set([a, b, c]))
  const entry = (clientId: number, clock: number): AwarenessEntry => ({ clientId, clock, json: `{"x":${clock}}` })
  fanout.awarenessChanged([entry(1, 1)], a)
  fanout.awarenessChanged([entry(2, 1)], b)
  fanout.awarenessChanged([entry(1, 2)], a)
  assert.equal(a.got.length + b.got.length + c.got.length, 0, 'sent at the end of the turn')
  await sent()
  const entriesOf = (p: { got: Uint8Array[] }) =>
    p.got.map((m) => {
      const d = decoding.createDecoder(m)
      decoding.readVarUint(d) // message type: awareness
      return readAwarenessUpdate(decoding.readVarUint8Array(d)).map((e) => [e.clientId, e.clock])
    })
  for (const p of [a, b, c])
    assert.deepEqual(entriesOf(p), [
      [
        [2, 1],
        [1, 2],
      ],
    ])
  // A sole author's turn reaches the others, not the author.
  fanout.awarenessChanged([entry(1, 3)], a)
  await sent()
  assert.equal(a.got.length, 1)
  assert.deepEqual(entriesOf(b)[1], [[1, 3]])
  await store.close()
})

test('a big room sends at most every few ms: changes close together share one message per peer', async () => {
  const store = openSqliteStore(tempDataDir())
  const peers = Array.from({ length: 100 }, peer)
  const { fanout } = fanoutWith(store, new Set(peers))
  assert.equal(sendSpacingMs(peers.length), 10)
  const entry = (clientId: number): AwarenessEntry => ({ clientId, clock: 1, json: '{}' })
  fanout.awarenessChanged([entry(1)], peers[0]!)
  await sent() // the first goes at once
  for (let i = 2; i <= 4; i++) {
    fanout.awarenessChanged([entry(i)], peers[i]!)
    await new Promise((r) => setTimeout(r, 1))
  }
  await new Promise((r) => setTimeout(r, 20))
  const observer = peers[99]!
  assert.equal(observer.got.length, 2, 'the three later changes, 1 ms apart, went out together')
  await store.close()
})
