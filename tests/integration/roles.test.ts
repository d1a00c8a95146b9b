/**
 * Observers follow live but cannot write by any means (DESIGN §5 "Roles at the
 * protocol level"). A stock y-websocket client joined with the observer link
 * writes a note: the server must close it with 4403, relay nothing, and keep
 * nothing across a restart — while the observer still reads participants' notes.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import * as Y from 'yjs'
import { RECORDS_ARRAY } from '../../shared/boardDoc'
import { CloseCodes } from '../../shared/protocol'
import { createWorkshop, join } from '../support/api'
import { type BoardClient, connectBoard, eventually } from '../support/boardClient'
import { syncRoundTrip } from '../support/rawSocket'
import { documentRecords, noteRecord } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'
import { keysEverSeen } from '../support/watch'

let server: ServerProcess
const clients: BoardClient[] = []
before(async () => {
  server = await startServerProcess()
})
after(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

// BroadcastChannel off: in-process providers would otherwise share the write without the server.
const connect = (workshopId: string, token: string) => {
  const c = connectBoard(server.url, workshopId, { token, disableBc: true })
  clients.push(c)
  return c
}

test('an observer reads live, its writes are refused with 4403 and never stored', async () => {
  const ws = await createWorkshop(server.url, server.adminToken)
  const alice = await join(server.url, ws, 'participant', 'Alice')
  const olga = await join(server.url, ws, 'observer', 'Olga')
  assert.equal(olga.role, 'observer')

  const participant = connect(ws.id, alice.token)
  const observer = connect(ws.id, olga.token)
  await Promise.all([participant.synced(), observer.synced()])
  const participantSaw = keysEverSeen(participant)

  // Read access: the participant's note reaches the observer live.
  participant.doc.transact(() => {
    for (const r of documentRecords()) participant.put(r)
    participant.put(noteRecord('before', 'Manque de médiateurs'))
  })
  await eventually(() => observer.get('shape:before') !== undefined, 5000, 'observer sees the note')

  // The observer forces a write into its own doc; the stock provider sends it as an update.
  observer.put(noteRecord('forged', 'écrit par un observateur'))
  await eventually(
    () => observer.closes.some((c) => c.code === CloseCodes.readOnly.code),
    5000,
    'observer closed with 4403',
  )

  // 4403 is permanent for the stock client (4400–4499): it stops until told to reconnect,
  // as a page reload would; then it reads again.
  await eventually(() => !observer.provider.shouldConnect, 5000, 'stock client gives up after 4403')
  observer.provider.connect()
  participant.put(noteRecord('after', 'Tiers-lieux à mailler', 200, 0, 'a2'))
  await eventually(() => observer.get('shape:after') !== undefined, 10_000, 'observer still reads after reconnecting')
  // The server handled the forged update before relaying "after"; the participant never got it.
  await eventually(() => participant.get('shape:after') !== undefined, 5000)
  assert.equal(participantSaw.has('shape:forged'), false, 'participant saw the observer write')

  // Still absent for a newcomer now, and after a graceful restart.
  const late = connect(ws.id, alice.token)
  await late.synced()
  assert.deepEqual(late.ids(), ['document:document', 'page:page', 'shape:after', 'shape:before'])

  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
  server = await server.restart()
  const fresh = connect(ws.id, alice.token)
  await fresh.synced()
  assert.deepEqual(fresh.ids(), ['document:document', 'page:page', 'shape:after', 'shape:before'])
})

test('an observer is not disconnected when two participants edit the same note at once', async () => {
  // Concurrent writes of one key leave two entries in the YKeyValue array; every replica's
  // YKeyValue deletes the loser locally, the observer's too, and its stock provider sends
  // that deletion. Following the board must not get the observer kicked out.
  const ws = await createWorkshop(server.url, server.adminToken)
  const p1 = connect(ws.id, (await join(server.url, ws, 'participant', 'Paul')).token)
  const p2 = connect(ws.id, (await join(server.url, ws, 'participant', 'Pia')).token)
  const observer = connect(ws.id, (await join(server.url, ws, 'observer', 'Olga')).token)
  await Promise.all([p1.synced(), p2.synced(), observer.synced()])
  p1.doc.transact(() => {
    for (const r of documentRecords()) p1.put(r)
    p1.put(noteRecord('shared', 'à deux mains'))
  })
  const x = (c: BoardClient) => (c.get('shape:shared') as { x: number } | undefined)?.x
  await eventually(() => x(p2) === 0 && x(observer) === 0, 5000, 'the note reaches everyone')

  // Same tick: neither participant can have seen the other's move.
  p1.put({ ...noteRecord('shared', 'à deux mains'), x: 100 } as never)
  p2.put({ ...noteRecord('shared', 'à deux mains'), x: 200 } as never)
  // Once the observer holds both moves, it has resolved the duplicate (and sent its deletion).
  const state = (c: BoardClient) => Buffer.from(Y.encodeStateVector(c.doc)).toString('hex')
  await eventually(
    () => state(p1) === state(p2) && state(observer) === state(p1) && x(observer) === x(p1),
    5000,
    'everyone holds both moves',
  )
  assert.equal(observer.doc.getArray(RECORDS_ARRAY).length, p1.doc.getArray(RECORDS_ARRAY).length)

  // Barrier: the server answers a step 1 sent behind that deletion on the same socket, unless it closed it.
  const outcome = await syncRoundTrip(observer.provider)
  assert.deepEqual(observer.closes, [], 'observer disconnected while only following the board')
  assert.equal(outcome, 'answered')
})
