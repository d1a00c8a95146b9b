/**
 * Link rotation (issue 6 item 6, README « HTTP API »): rotating a workshop link
 * revokes it and every session it gave — at join, on the API, at the WebSocket
 * upgrade, and for the connections already open (closed 4401 at once) — while
 * the new link works. Who may rotate: the admin any link, a facilitator the
 * participant and observer links, nobody else.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { CreateWorkshopResponse, JoinResponse, RotateLinkResponse } from '../../shared/api'
import { CloseCodes } from '../../shared/protocol'
import type { Role } from '../../shared/roles'
import { createWorkshop, join, keyOf } from '../support/api'
import { type BoardClient, connectBoard, eventually } from '../support/boardClient'
import { syncUrl, upgradeOutcome } from '../support/rawSocket'
import { noteRecord } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

let server: ServerProcess
const clients: BoardClient[] = []

before(async () => {
  server = await startServerProcess()
})
after(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

function rotate(workshopId: string, role: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}/api/workshops/${workshopId}/links/${role}/rotate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{}',
  })
}

async function joinWith(workshopId: string, key: string, name: string): Promise<Response> {
  return fetch(`${server.url}/api/workshops/${workshopId}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key, name }),
  })
}

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code
const sessionStatus = async (workshopId: string, token: string) =>
  (await fetch(`${server.url}/api/workshops/${workshopId}/session`, { headers: bearer(token) })).status
const boardUpgrade = (workshopId: string, token: string) =>
  upgradeOutcome(syncUrl(server.url, `/sync/${workshopId}/board`, token))

test('rotating the participant link revokes it and its sessions everywhere; live holders are closed 4401 within a second', async () => {
  const w = await createWorkshop(server.url, server.adminToken, 'Rotation')
  const alice = await join(server.url, w, 'participant', 'Alice')
  const fanny = await join(server.url, w, 'facilitator', 'Fanny')
  const olga = await join(server.url, w, 'observer', 'Olga')
  const live = connectBoard(server.url, w.id, { token: alice.token })
  const facilitatorLive = connectBoard(server.url, w.id, { token: fanny.token })
  clients.push(live, facilitatorLive)
  await Promise.all([live.synced(), facilitatorLive.synced()])
  live.put(noteRecord('shape:before', 'écrite avant la rotation'))
  await eventually(() => facilitatorLive.get('shape:before') !== undefined, 5000, 'the note reaches the facilitator')

  const started = performance.now()
  const res = await rotate(w.id, 'participant', bearer(fanny.token))
  assert.equal(res.status, 200)
  const body = (await res.json()) as RotateLinkResponse
  assert.deepEqual(Object.keys(body.links), ['participant'])
  const newLink = body.links.participant as string
  assert.match(newLink, new RegExp(`/w/${w.id}#k=[A-Za-z0-9_-]{22,}$`))
  assert.notEqual(keyOf(newLink), keyOf(w.links.participant))

  await eventually(() => live.closes.some((c) => c.code === CloseCodes.sessionRevoked.code), 1000, 'closed 4401')
  console.log(`figure: rotation to 4401 on the live holder: ${Math.round(performance.now() - started)} ms`)
  assert.equal(live.closes.at(-1)?.reason, CloseCodes.sessionRevoked.reason)

  // The old key, the old session (API and upgrade) are refused.
  const oldJoin = await joinWith(w.id, keyOf(w.links.participant), 'Eve')
  assert.equal(oldJoin.status, 403)
  assert.equal(await errorCode(oldJoin), 'invalid_link')
  assert.equal(await sessionStatus(w.id, alice.token), 403)
  assert.equal(await boardUpgrade(w.id, alice.token), 403)

  // Other roles keep theirs: the facilitator is still connected, the observer still in.
  assert.equal(facilitatorLive.closes.length, 0, 'the facilitator was not disconnected')
  assert.equal(await sessionStatus(w.id, fanny.token), 200)
  assert.equal(await sessionStatus(w.id, olga.token), 200)
  assert.equal(await boardUpgrade(w.id, olga.token), 'open')

  // The new link works, for the API and the board, and the board kept what was written.
  const bob = (await (await joinWith(w.id, keyOf(newLink), 'Bob')).json()) as JoinResponse
  assert.equal(bob.role, 'participant')
  assert.equal(await sessionStatus(w.id, bob.token), 200)
  const again = connectBoard(server.url, w.id, { token: bob.token })
  clients.push(again)
  await again.synced()
  assert.ok(again.get('shape:before'), 'the note written before the rotation is still on the board')

  // Only one rotation's worth of sessions is revoked: rotating again ends Bob's, not the observer's.
  assert.equal((await rotate(w.id, 'participant', bearer(server.adminToken))).status, 200)
  assert.equal(await sessionStatus(w.id, bob.token), 403)
  assert.equal(await sessionStatus(w.id, olga.token), 200)

  const logged = server.logs.filter((l) => l.includes('"workshop_link_rotated"'))
  assert.equal(logged.length, 2)
  const first = JSON.parse(logged[0] as string) as Record<string, unknown>
  assert.equal(first.workshop, w.id)
  assert.equal(first.role, 'participant')
  for (const line of server.logs) {
    assert.ok(!line.includes(keyOf(newLink)), 'no log line holds a link secret')
    assert.ok(!line.includes(alice.token), 'no log line holds a session token')
  }
})

test('who may rotate: the admin every link, a facilitator the participant and observer links, nobody else', async () => {
  const w: CreateWorkshopResponse = await createWorkshop(server.url, server.adminToken, 'Qui peut')
  const fanny = await join(server.url, w, 'facilitator', 'Fanny')
  const alice = await join(server.url, w, 'participant', 'Alice')
  const olga = await join(server.url, w, 'observer', 'Olga')
  const other = await createWorkshop(server.url, server.adminToken, 'Autre atelier')
  const otherFacilitator = await join(server.url, other, 'facilitator', 'Félix')

  const cases: [string, Role | 'nope', Record<string, string>, number][] = [
    ['participant rotates participant', 'participant', bearer(alice.token), 403],
    ['participant rotates observer', 'observer', bearer(alice.token), 403],
    ['observer rotates observer', 'observer', bearer(olga.token), 403],
    ['facilitator rotates facilitator', 'facilitator', bearer(fanny.token), 403],
    ["another workshop's facilitator", 'participant', bearer(otherFacilitator.token), 403],
    ['nobody', 'participant', {}, 401],
    ['a wrong admin token', 'participant', bearer('not-the-admin-token-0123456789'), 401],
    ['unknown role', 'nope', bearer(server.adminToken), 404],
    ['facilitator rotates observer', 'observer', bearer(fanny.token), 200],
    ['facilitator rotates participant', 'participant', bearer(fanny.token), 200],
    ['admin rotates facilitator', 'facilitator', bearer(server.adminToken), 200],
  ]
  for (const [what, role, headers, status] of cases) {
    assert.equal((await rotate(w.id, role, headers)).status, status, what)
  }
  // The admin rotated the facilitator link: the facilitator's session went with it.
  assert.equal(await sessionStatus(w.id, fanny.token), 403)
  assert.equal((await rotate('AAAAAAAAAAAAAAAAAAAAAA', 'participant', bearer(server.adminToken))).status, 404)
  const refused = await rotate(w.id, 'facilitator', bearer(alice.token))
  assert.equal(await errorCode(refused), 'forbidden', 'a revoked session is refused before its role is looked at')
})
