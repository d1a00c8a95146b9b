/**
 * `GET /api/workshops/:id/participants` (issue 3 §6, participant list): anyone
 * of the workshop — observers included — learns who joined, with organisation,
 * collège and role; never a token, a link or anything of another workshop.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createWorkshop, join } from '../support/api'
import { call } from '../support/controlClient'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

let server: ServerProcess
before(async () => {
  server = await startServerProcess()
})
after(async () => {
  await server.stop()
})

test('every role of the workshop lists who joined, without secrets; others are refused', async () => {
  const ws = await createWorkshop(server.url, server.adminToken, 'Atelier liste')
  const fanny = await join(server.url, ws, 'facilitator', 'Fanny Animatrice', {
    organisation: 'Conseil départemental',
    college: 'departement',
  })
  const paul = await join(server.url, ws, 'participant', '<b>Paul</b>', { college: 'associations' })
  const olga = await join(server.url, ws, 'observer', 'Olga')
  const path = `/api/workshops/${ws.id}/participants`

  const expected = [
    {
      participantId: fanny.participantId,
      name: 'Fanny Animatrice',
      organisation: 'Conseil départemental',
      college: 'departement',
      role: 'facilitator',
    },
    // Names are returned as typed; the client renders them as text (React escapes).
    {
      participantId: paul.participantId,
      name: '<b>Paul</b>',
      organisation: null,
      college: 'associations',
      role: 'participant',
    },
    { participantId: olga.participantId, name: 'Olga', organisation: null, college: null, role: 'observer' },
  ]
  for (const who of [fanny, paul, olga]) {
    const res = await call(server.url, who.token, 'GET', path)
    assert.equal(res.status, 200)
    assert.deepEqual(res.body, expected)
    const text = JSON.stringify(res.body)
    for (const secret of [fanny.token, paul.token, olga.token, ...Object.values(ws.links)]) {
      assert.equal(text.includes(secret), false, 'a secret is in the participant list')
    }
  }

  const other = await createWorkshop(server.url, server.adminToken, 'Autre atelier')
  const stranger = await join(server.url, other, 'facilitator', 'Sam')
  assert.equal((await call(server.url, stranger.token, 'GET', path)).status, 403)
  assert.deepEqual(
    (await call(server.url, stranger.token, 'GET', `/api/workshops/${other.id}/participants`)).body.map(
      (p: { name: string }) => p.name,
    ),
    ['Sam'],
  )
  assert.equal((await fetch(`${server.url}${path}`)).status, 401)
  const badId = await call(server.url, fanny.token, 'GET', '/api/workshops/not%20an%20id/participants')
  assert.equal(badId.status, 404)
  assert.equal(badId.body.error.code, 'not_found')
})
