/**
 * Facilitation tools on the server (issue 3 §6): a locked board refuses
 * participants' writes (4423) — nothing of them reaches the room, the log or
 * anyone else, not even after a restart — while the facilitator keeps writing;
 * unlocking lets participants write again. Lock and « Tout le monde ici » are
 * the facilitator's alone, and a summon is validated before it is published.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import { CloseCodes } from '../../shared/protocol'
import { createWorkshop, join } from '../support/api'
import { type BoardClient, connectBoard, eventually } from '../support/boardClient'
import { call, connectControl } from '../support/controlClient'
import { documentRecords, noteRecord } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

let server: ServerProcess
const clients: BoardClient[] = []
let ws: CreateWorkshopResponse
let workshopId: string
let fanny: JoinResponse
let paul: JoinResponse
let olga: JoinResponse
before(async () => {
  server = await startServerProcess()
  ws = await createWorkshop(server.url, server.adminToken, 'Atelier verrou')
  workshopId = ws.id
  fanny = await join(server.url, ws, 'facilitator', 'Fanny')
  paul = await join(server.url, ws, 'participant', 'Paul')
  olga = await join(server.url, ws, 'observer', 'Olga')
})
after(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

const api = (token: string, method: string, path: string, body?: unknown) => call(server.url, token, method, path, body)

async function board(token: string): Promise<BoardClient> {
  const c = connectBoard(server.url, workshopId, { token })
  clients.push(c)
  await c.synced()
  return c
}

test('a locked board refuses participant writes, even after a restart; the facilitator writes; unlocking reopens it', async () => {
  const f = await board(fanny.token)
  f.doc.transact(() => {
    for (const r of documentRecords()) f.put(r)
  })
  // Paul is connected before the lock, Pia joins while it is on.
  const p = await board(paul.token)
  await eventually(() => p.get('page:page') !== undefined, 5000, 'Paul has the page')

  const lock = await api(fanny.token, 'POST', `/api/workshops/${workshopId}/lock`, { locked: true })
  assert.equal(lock.status, 200)
  assert.equal(lock.body.locked, true)

  p.put(noteRecord('paul-locked', 'pendant le verrou'))
  await eventually(() => p.closes.some((c) => c.code === CloseCodes.boardLocked.code), 5000, 'Paul refused with 4423')
  const pia = await join(server.url, ws, 'participant', 'Pia')
  const late = await board(pia.token)
  late.put(noteRecord('pia-locked', 'arrivée pendant le verrou'))
  await eventually(() => late.closes.some((c) => c.code === 4423), 5000, 'Pia refused with 4423')

  f.put(noteRecord('fanny-locked', 'l’animatrice écrit'))
  const reader = await board(fanny.token)
  await eventually(() => reader.get('shape:fanny-locked') !== undefined, 5000, 'the facilitator still writes')
  assert.equal(reader.get('shape:paul-locked'), undefined)
  assert.equal(reader.get('shape:pia-locked'), undefined)
  assert.equal(f.get('shape:paul-locked'), undefined, 'a refused write reached another client')

  // Nothing refused was logged: a restart brings back the facilitator's note only, and the lock.
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
  server = await server.restart()
  const afterRestart = await board(fanny.token)
  assert.notEqual(afterRestart.get('shape:fanny-locked'), undefined)
  assert.equal(afterRestart.get('shape:paul-locked'), undefined)
  assert.equal(afterRestart.get('shape:pia-locked'), undefined)
  const stillLocked = await board(paul.token)
  stillLocked.put(noteRecord('paul-after-restart', 'toujours verrouillé'))
  await eventually(() => stillLocked.closes.some((c) => c.code === 4423), 5000, 'still locked after restart')
  // A connection opened while locked, that wrote nothing, writes once the board is unlocked.
  const p2 = await board(paul.token)

  const unlock = await api(fanny.token, 'POST', `/api/workshops/${workshopId}/lock`, { locked: false })
  assert.equal(unlock.body.locked, false)
  p2.put(noteRecord('paul-unlocked', 'après le verrou'))
  await eventually(() => afterRestart.get('shape:paul-unlocked') !== undefined, 5000, 'Paul writes again')
  assert.deepEqual(p2.closes, [])
  assert.equal(afterRestart.get('shape:paul-after-restart'), undefined)
})

test('only the facilitator locks and summons; a summon is validated, then published with who and when', async () => {
  const base = `/api/workshops/${workshopId}`
  const bounds = { x: -120.5, y: 40, w: 1280, h: 720 }
  for (const who of [paul, olga]) {
    const locked = await api(who.token, 'POST', `${base}/lock`, { locked: true })
    assert.equal(locked.status, 403)
    assert.equal(locked.body.error.code, 'forbidden_role')
    const summoned = await api(who.token, 'POST', `${base}/summon`, { bounds })
    assert.equal(summoned.status, 403)
    assert.match(summoned.body.error.message, /rôle/)
  }

  for (const body of [
    {},
    { bounds: { x: 0, y: 0, w: 100 } },
    { bounds: { ...bounds, w: 0 } },
    { bounds: { ...bounds, h: -5 } },
    { bounds: { ...bounds, x: 1e12 } },
    { bounds: { ...bounds, y: '40' } },
    { bounds: { ...bounds, x: null } },
    { bounds: { ...bounds, z: 1 } },
    { bounds, by: paul.participantId },
  ]) {
    const refused = await api(fanny.token, 'POST', `${base}/summon`, body)
    assert.equal(refused.status, 400, JSON.stringify(body))
    assert.equal(refused.body.error.code, 'invalid_body')
    assert.equal(refused.body.error.message, 'Requête invalide.')
  }
  const control = connectControl(server.url, workshopId, paul.token)
  await control.synced()
  assert.equal(control.get('summon'), null, 'a refused summon was published')

  const before = Date.now()
  const ok = await api(fanny.token, 'POST', `${base}/summon`, { bounds })
  assert.equal(ok.status, 200)
  await eventually(() => control.get('summon') !== null, 5000, 'summon published')
  const summon = control.get('summon') as { bounds: unknown; at: number; by: string }
  assert.deepEqual(summon.bounds, bounds)
  assert.equal(summon.by, fanny.participantId)
  assert.ok(summon.at >= before && summon.at <= Date.now(), 'summon time is the server’s')
  assert.deepEqual(ok.body.summon, summon)
  control.destroy()
})
