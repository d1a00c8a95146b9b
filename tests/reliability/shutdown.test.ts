/**
 * Graceful shutdown (issue 6, item 9). Stock clients edit while the server
 * gets SIGTERM: it stops accepting connections at once, closes every socket
 * with 1012 "server restarting", has written to disk everything it applied,
 * and exits 0. When it comes back, the stock providers reconnect by
 * themselves, edits made meanwhile included, and agree with a fresh joiner.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import * as Y from 'yjs'
import { CloseCodes } from '../../shared/protocol'
import { type BoardClient, eventually } from '../support/boardClient'
import { readStoredDoc } from '../support/dataFile'
import { syncUrl, upgradeOutcome } from '../support/rawSocket'
import { documentRecords, noteRecord } from '../support/records'
import { boardJson, docRecords } from './boardState'
import { type LiveBoard, startLiveBoard } from './liveBoard'

const CLIENTS = 4

let board: LiveBoard
let writing = true
before(async () => {
  board = await startLiveBoard()
})
after(async () => {
  writing = false
  await board.close()
})

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

test('SIGTERM: stops accepting, flushes, closes with 1012, exits 0; clients come back by themselves', {
  timeout: 60_000,
}, async () => {
  const all = Array.from({ length: CLIENTS }, () => board.connect())
  const [writer, witness] = all as [BoardClient, BoardClient]
  await Promise.all(all.map((c) => c.synced()))
  writer.doc.transact(() => {
    for (const r of documentRecords()) writer.put(r)
  })

  // Every client but the witness writes its own notes, one update every ~10 ms, while connected.
  let written = 0
  const loops = all.map(async (c, n) => {
    if (c === witness) return
    for (let i = 0; writing; i++) {
      if (c.provider.wsconnected) {
        c.put(noteRecord(`c${n}-${i}`, `note ${n}.${i}`, i * 5, n * 220))
        written++
      }
      await pause(10)
    }
  })
  await eventually(() => witness.ids().length > 40, 10_000, 'witness sees the first notes')

  const signalled = Date.now()
  board.server.child.kill('SIGTERM')
  const exitCode = new Promise<number | null>((resolve) => board.server.child.once('exit', (code) => resolve(code)))
  await eventually(() => board.server.logs.some((l) => l.includes('"shutting_down"')), 5000, 'shutting_down logged')
  // The listening socket is closed in the same turn as that log line: no new connection gets in.
  const lateUpgrade = await upgradeOutcome(
    syncUrl(board.server.url, `/sync/${board.workshopId}/board`, board.token),
  ).catch((e: Error) => (e as NodeJS.ErrnoException).code ?? e.message)
  assert.notEqual(lateUpgrade, 'open', 'a connection opened after SIGTERM')
  assert.equal(await exitCode, 0, 'exit code after SIGTERM')
  const stopMs = Date.now() - signalled
  const stopped = board.server.logs
    .map((l) => JSON.parse(l) as { event?: string; ms?: number })
    .find((e) => e.event === 'stopped')
  assert.ok(stopped, 'no "stopped" log line: the store was not closed cleanly')

  // Every client was told "server restarting", the stock client's cue to reconnect.
  await eventually(() => all.every((c) => c.closes.length > 0), 5000, 'every client saw its socket close')
  for (const [n, c] of all.entries()) {
    const close = c.closes.at(-1)
    assert.deepEqual(close, CloseCodes.serviceRestart, `client ${n} closed with ${JSON.stringify(close)}`)
  }

  // What the server broadcast (all the witness holds) is on disk, as written.
  const stored = readStoredDoc(board.server.dataDir, `${board.workshopId}/board`)
  assert.equal(stored.store.pendingStructs, null, 'stored log leaves structs pending')
  const storedRecords = docRecords(stored)
  const seen = docRecords(witness.doc)
  const missing = [...seen.keys()].filter(
    (id) => JSON.stringify(storedRecords.get(id)) !== JSON.stringify(seen.get(id)),
  )
  assert.deepEqual(missing, [], 'records the witness saw, not on disk as seen')
  const witnessState = Y.decodeStateVector(Y.encodeStateVector(witness.doc))
  const storedState = Y.decodeStateVector(Y.encodeStateVector(stored))
  for (const [client, clock] of witnessState)
    assert.ok((storedState.get(client) ?? 0) >= clock, `client ${client}: seen up to ${clock}, stored less`)
  const storedNotes = [...storedRecords.keys()].filter((k) => k.startsWith('shape:')).length
  stored.destroy()

  // An edit while the server is down: kept by its client, delivered on reconnection.
  writing = false
  await Promise.all(loops)
  writer.put(noteRecord('offline', 'écrite pendant le redémarrage', 0, -300))

  const restarted = Date.now()
  const restartMs = await board.restart()
  await eventually(() => all.every((c) => c.provider.synced), 15_000, 'stock providers reconnected by themselves')
  const reconnectMs = Date.now() - restarted
  const fresh = board.connect()
  await fresh.synced()
  await eventually(
    () => fresh.get('shape:offline') !== undefined && all.every((c) => boardJson(c.doc) === boardJson(fresh.doc)),
    15_000,
    'clients and a fresh joiner agree, the offline edit included',
  )
  console.log(
    `figure: graceful shutdown: ${written} notes written by ${CLIENTS - 1} clients, ${storedNotes} on disk at exit; ` +
      `SIGTERM to exit ${stopMs} ms (of which closing and flushing ${stopped.ms} ms; code 0, every client closed 1012); ` +
      `restart ${restartMs} ms, to all clients resynced ${reconnectMs} ms`,
  )
})
