/**
 * Access control (DESIGN §5): a session opens only its own workshop, and the
 * sync gateway checks path, Origin and session *before* the WebSocket opens
 * (a plain HTTP status, read here from ws's `unexpected-response`). The API
 * applies the same rules, and two workshops' rooms never leak into each other.
 */
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, test } from 'node:test'
import { SignJWT } from 'jose'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import { createWorkshop, join, keyOf } from '../support/api'
import { connectBoard, eventually } from '../support/boardClient'
import { readSetting } from '../support/dataFile'
import { syncUrl, upgradeOutcome } from '../support/rawSocket'
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

const boardUrl = (workshopId: string, token?: string) => syncUrl(server.url, `/sync/${workshopId}/board`, token)

/** Replaces the character at `index` with another base64url character (a real change of bits). */
function flipAt(text: string, index: number): string {
  const c = text[index]
  return text.slice(0, index) + (c === 'A' ? 'B' : 'A') + text.slice(index + 1)
}

/** A session token as the server would sign it, with the given key and expiry (seconds since the epoch). */
function craftToken(key: Uint8Array, session: JoinResponse, exp: number): Promise<string> {
  return new SignJWT({ wid: session.workshop.id, role: session.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(session.participantId)
    .setIssuer('atelier')
    .setIssuedAt(exp - 3600)
    .setExpirationTime(exp)
    .sign(key)
}

/** The server's own signing key, from its SQLite file (settings.session_key, base64url). */
function serverSessionKey(): Uint8Array {
  const key = readSetting(server.dataDir, 'session_key')
  assert.ok(key, 'session_key setting exists')
  return Buffer.from(key, 'base64url')
}

test('the sync upgrade is refused with an HTTP status before the WebSocket opens', async () => {
  const now = Math.floor(Date.now() / 1000)
  const key = serverSessionKey()
  const [header, payload, signature] = alice.token.split('.') as [string, string, string]
  const ownOrigin = `http://127.0.0.1:${server.port}`

  const cases: [string, string, Record<string, string>, number | 'open'][] = [
    // Controls: the helper sees an accepted upgrade, and the crafted token is well formed.
    ['own token, no Origin', boardUrl(A.id, alice.token), {}, 'open'],
    ['own token, own Origin', boardUrl(A.id, alice.token), { Origin: ownOrigin }, 'open'],
    [
      'crafted token with the server key, not expired',
      boardUrl(A.id, await craftToken(key, alice, now + 600)),
      {},
      'open',
    ],
    ['token in a Bearer header', boardUrl(A.id), { Authorization: `Bearer ${alice.token}` }, 'open'],

    ["A's token on B's board", boardUrl(B.id, alice.token), {}, 403],
    ['no token', boardUrl(A.id), {}, 401],
    ['signature tampered', boardUrl(A.id, `${header}.${payload}.${flipAt(signature, 20)}`), {}, 401],
    ['payload tampered', boardUrl(A.id, `${header}.${flipAt(payload, 30)}.${signature}`), {}, 401],
    ['expired token', boardUrl(A.id, await craftToken(key, alice, now - 60)), {}, 401],
    ['token signed with another key', boardUrl(A.id, await craftToken(randomBytes(32), alice, now + 600)), {}, 401],
    ['foreign Origin', boardUrl(A.id, alice.token), { Origin: 'https://evil.example' }, 403],
    ['unknown document kind', syncUrl(server.url, `/sync/${A.id}/nope`, alice.token), {}, 404],
    ['malformed workshop id', syncUrl(server.url, '/sync/bad id/board', alice.token), {}, 404],
    ['unknown workshop', boardUrl('AAAAAAAAAAAAAAAAAAAAAA', alice.token), {}, 403],
  ]
  for (const [what, url, headers, expected] of cases) {
    assert.equal(await upgradeOutcome(url, headers), expected, what)
  }
})

test('the API applies the same rules', async () => {
  const api = (p: string, init: RequestInit = {}) => fetch(`${server.url}/api${p}`, init)
  const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code
  const jsonPost = (p: string, body: string, headers: Record<string, string> = {}) =>
    api(p, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
  const admin = { authorization: `Bearer ${server.adminToken}` }

  // Sessions are per workshop.
  assert.equal(
    (await api(`/workshops/${A.id}/session`, { headers: { authorization: `Bearer ${alice.token}` } })).status,
    200,
  )
  const cross = await api(`/workshops/${B.id}/session`, { headers: { authorization: `Bearer ${alice.token}` } })
  assert.equal(cross.status, 403)
  assert.equal(await errorCode(cross), 'forbidden')

  // A link of B does not open A.
  const wrongLink = await jsonPost(
    `/workshops/${A.id}/join`,
    JSON.stringify({ key: keyOf(B.links.participant), name: 'Eve' }),
  )
  assert.equal(wrongLink.status, 403)
  assert.equal(await errorCode(wrongLink), 'invalid_link')

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
