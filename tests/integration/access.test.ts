/**
 * Access control (DESIGN §5) beyond the auth matrix (authMatrix.test.ts, every
 * route and document against every kind of credential): the codes refusals
 * and invalid bodies answer with, and two workshops' rooms never leak into
 * each other.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import { createWorkshop, join } from '../support/api'
import { connectBoard, eventually } from '../support/boardClient'
import { noteRecord } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'
import { keysEverSeen } from '../support/watch'

let server: ServerProcess
let A: CreateWorkshopResponse
let B: CreateWorkshopResponse
let alice: JoinResponse // participant of A
let bob: JoinResponse // participant of B

before(async () => {
  server = await startServerProcess()
  A = await createWorkshop(server.url, server.adminToken, 'Atelier A')
  B = await createWorkshop(server.url, server.adminToken, 'Atelier B')
  alice = await join(server.url, A, 'participant', 'Alice')
  bob = await join(server.url, B, 'participant', 'Bob')
})
after(async () => {
  await server.stop()
})

test('the API answers refusals and invalid bodies with stable codes', async () => {
  const api = (p: string, init: RequestInit = {}) => fetch(`${server.url}/api${p}`, init)
  const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code
  const jsonPost = (p: string, body: string, headers: Record<string, string> = {}) =>
    api(p, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
  const admin = { authorization: `Bearer ${server.adminToken}` }

  // Creating workshops needs the admin token.
  const body = JSON.stringify({ title: 'Atelier', template: 'vide' })
  const noAdmin = await jsonPost('/workshops', body)
  assert.equal(noAdmin.status, 401)
  assert.equal(await errorCode(noAdmin), 'unauthorized')
  const badAdmin = await jsonPost('/workshops', body, { authorization: 'Bearer not-the-admin-token-at-all' })
  assert.equal(badAdmin.status, 401)
  assert.equal(await errorCode(badAdmin), 'bad_admin_token')

  // Invalid bodies: 400 with a stable code.
  const invalid: [string, string, string][] = [
    ['missing title', JSON.stringify({ template: 'vide' }), 'invalid_body'],
    ['unknown template', JSON.stringify({ title: 'T', template: 'kanban' }), 'invalid_body'],
    ['extra field', JSON.stringify({ title: 'T', template: 'vide', owner: 'me' }), 'invalid_body'],
    ['not JSON', '{"title": "T", ', 'invalid_json'],
  ]
  for (const [what, raw, code] of invalid) {
    const res = await jsonPost('/workshops', raw, admin)
    assert.equal(res.status, 400, what)
    assert.equal(await errorCode(res), code, what)
  }

  // A state-changing call from a foreign page, even with a valid admin token.
  const foreign = await jsonPost('/workshops', body, { ...admin, origin: 'https://evil.example' })
  assert.equal(foreign.status, 403)
  assert.equal(await errorCode(foreign), 'bad_origin')
  const sameOrigin = await jsonPost('/workshops', body, { ...admin, origin: `http://127.0.0.1:${server.port}` })
  assert.equal(sameOrigin.status, 201)
})

test("two workshops' rooms stay separate", async () => {
  // BroadcastChannel off, so the only path between clients is the server.
  const inA = connectBoard(server.url, A.id, { token: alice.token, disableBc: true })
  const alsoInA = connectBoard(server.url, A.id, { token: alice.token, disableBc: true })
  const inB = connectBoard(server.url, B.id, { token: bob.token, disableBc: true })
  const alsoInB = connectBoard(server.url, B.id, { token: bob.token, disableBc: true })
  const all = [inA, alsoInA, inB, alsoInB]
  try {
    await Promise.all(all.map((c) => c.synced()))
    const seenInA = keysEverSeen(inA)
    const seenInB = keysEverSeen(inB)
    alsoInA.put(noteRecord('only-a', 'seulement dans A'))
    alsoInB.put(noteRecord('only-b', 'seulement dans B'))
    // Each room relays to its own members (so inA and inB are live)...
    await eventually(() => inA.get('shape:only-a') !== undefined, 5000, 'A relays within A')
    await eventually(() => inB.get('shape:only-b') !== undefined, 5000, 'B relays within B')
    // ...and nothing crosses over.
    assert.equal(seenInA.has('shape:only-b'), false)
    assert.equal(seenInB.has('shape:only-a'), false)
    // (Besides the document and page records every new board starts with.)
    const shapeIds = (c: typeof inA) => c.ids().filter((id) => id.startsWith('shape:'))
    assert.deepEqual(shapeIds(inA), ['shape:only-a'])
    assert.deepEqual(shapeIds(inB), ['shape:only-b'])
  } finally {
    for (const c of all) c.destroy()
  }
})
