/**
 * The server's logs (issue 6 items 7 and 10): during a whole workshop's life —
 * a démarche and its reader link, a workshop, people joining under names no
 * log should hold, notes, a vote, snapshots and exports, links rotated,
 * someone erased, bad requests, refused upgrades, a connection over its
 * message rate and one over the frame size, a graceful stop — every line on
 * stdout is one JSON event with its time and level, and none holds a link
 * secret, a session token, a reader grant, the admin token or a person's name.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import * as Y from 'yjs'
import { writeSyncStep1 } from '../../server/rooms/messages'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import { CloseCodes } from '../../shared/protocol'
import { join, keyOf } from '../support/api'
import { writeBoard } from '../support/boardClient'
import { call } from '../support/controlClient'
import { openRaw, syncUrl, upgradeOutcome } from '../support/rawSocket'
import { documentRecords, noteRecord } from '../support/records'
import { startServerProcess } from '../support/serverProcess'
import { setCookieValue } from '../support/tokens'

const LEVELS = new Set(['debug', 'info', 'warn', 'error'])
const MAX_FRAME_BYTES = 64 * 1024
const MESSAGES_PER_SECOND = 50

test('every log line is a JSON event with time and level, and none holds a secret, a token or a name', async () => {
  const server = await startServerProcess({
    env: {
      ATELIER_MAX_FRAME_BYTES: String(MAX_FRAME_BYTES),
      ATELIER_MAX_MESSAGES_PER_SECOND: String(MESSAGES_PER_SECOND),
      // Rooms compact and unload during the scenario, so their events are audited too.
      ATELIER_COMPACT_AFTER: '3',
      ATELIER_ROOM_IDLE_MS: '300',
    },
  })
  /** What must never be in a log line, each with what it is (for the failure message). */
  const secrets = new Map<string, string>([[server.adminToken, 'admin token']])
  const names = ['Zéphyrine Quillardet', 'Barnabé Escoffier-Lunel', 'Ondine Marchal', 'Fulbert Tessier']
  for (const name of names) secrets.set(name, 'a participant’s name')
  const noteText = 'Écrit par Zéphyrine Quillardet : médiatrice à Vervins'
  secrets.set(noteText, 'a note’s text')
  const keepLink = (link: string, what: string) => secrets.set(keyOf(link), `${what} link secret`)
  const keepToken = (token: string, what: string) => {
    secrets.set(token, what)
    // A JWT's signature alone lets nobody in, but no part of a credential has any business in a log.
    secrets.set(token.split('.')[2] ?? token, `${what} (signature)`)
  }
  const api = (token: string, method: string, p: string, body?: unknown) => call(server.url, token, method, p, body)
  const ok = async (res: Promise<{ status: number; body: unknown }>, status = 200) => {
    const r = await res
    assert.equal(r.status, status, JSON.stringify(r.body))
    // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the API answers
    return r.body as any
  }
  const admin = (method: string, p: string, body?: unknown, status = 200) =>
    ok(api(server.adminToken, method, p, body), status)
  const readerGrant = async (pid: string, link: string) => {
    const res = await fetch(`${server.url}/api/processes/${pid}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: keyOf(link) }),
    })
    assert.equal(res.status, 200)
    const grant = setCookieValue(res, `atelier_reader_${pid}`)
    keepToken(grant, 'reader grant')
    return grant
  }

  try {
    // A démarche, its reader link used then rotated.
    const demarche = await admin('POST', '/api/processes', { nom: 'Feuille de route de l’Aisne' }, 201)
    keepLink(demarche.links.reader, 'reader')
    await readerGrant(demarche.id, demarche.links.reader)
    const rotatedReader = await admin('POST', `/api/processes/${demarche.id}/reader-link/rotate`)
    keepLink(rotatedReader.links.reader, 'reader')
    const grant = await readerGrant(demarche.id, rotatedReader.links.reader)

    // A workshop, four people.
    const ws: CreateWorkshopResponse = await admin(
      'POST',
      '/api/workshops',
      { title: 'Atelier enjeux', template: 'enjeux', processId: demarche.id },
      201,
    )
    for (const role of ['facilitator', 'participant', 'observer'] as const) keepLink(ws.links[role], role)
    const people: JoinResponse[] = []
    for (const [i, role] of (['facilitator', 'participant', 'participant', 'observer'] as const).entries()) {
      const who = await join(server.url, ws, role, names[i] as string, { organisation: 'Mairie de Vervins' })
      keepToken(who.token, `${role} session`)
      people.push(who)
    }
    const [fac, paul, pia, obs] = people as [JoinResponse, JoinResponse, JoinResponse, JoinResponse]

    // Notes, a vote on them, snapshots, exports.
    await writeBoard(server.url, ws.id, paul.token, [
      ...documentRecords(),
      noteRecord('audit-1', noteText),
      noteRecord('audit-2', 'Tiers-lieux à mailler', 200, 0, 'a2'),
    ])
    const vote = await ok(
      api(fac.token, 'POST', `/api/workshops/${ws.id}/vote-sessions`, {
        targets: 'notes',
        votesPerPerson: 2,
        maxPerItem: 1,
        hideResults: true,
        anonymous: false,
      }),
      201,
    )
    for (const who of [paul, pia])
      await ok(
        api(who.token, 'POST', `/api/workshops/${ws.id}/vote-sessions/${vote.id}/votes`, { targetId: 'shape:audit-1' }),
        201,
      )
    await ok(api(fac.token, 'POST', `/api/workshops/${ws.id}/vote-sessions/${vote.id}/close`))
    await ok(api(fac.token, 'POST', `/api/workshops/${ws.id}/snapshots`), 201)
    await ok(api(obs.token, 'GET', `/api/workshops/${ws.id}/participants`))
    for (const format of ['csv', 'md', 'html', 'json']) {
      const res = await fetch(`${server.url}/api/workshops/${ws.id}/export?format=${format}`, {
        headers: { cookie: `atelier_session_${ws.id}=${obs.token}` },
      })
      assert.equal(res.status, 200)
      assert.ok((await res.text()).length > 0)
    }
    await admin('POST', `/api/processes/${demarche.id}/roadmap-versions`, {}, 201)
    const roadmapCsv = await fetch(`${server.url}/api/processes/${demarche.id}/roadmap/export?format=csv`, {
      headers: { authorization: `Bearer ${grant}` },
    })
    assert.equal(roadmapCsv.status, 200)

    // Links rotated (the facilitator's participant link, the admin's observer link), someone erased.
    const p2 = await ok(api(fac.token, 'POST', `/api/workshops/${ws.id}/links/participant/rotate`))
    keepLink(p2.links.participant, 'participant')
    const o2 = await admin('POST', `/api/workshops/${ws.id}/links/observer/rotate`)
    keepLink(o2.links.observer, 'observer')
    await ok(api(fac.token, 'DELETE', `/api/workshops/${ws.id}/participants/${pia.participantId}`), 204)

    // Bad requests, each carrying something that must not be logged.
    const post = (p: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
    const refused = [
      await post(`/api/workshops/${ws.id}/join`, JSON.stringify({ key: keyOf(ws.links.participant), name: names[0] })),
      await post(`/api/workshops/${ws.id}/join`, `{"key": "${keyOf(p2.links.participant)}", "name": "${names[1]}"`),
      await post(
        `/api/workshops/${ws.id}/join`,
        JSON.stringify({ key: keyOf(p2.links.participant), name: names[2], extra: 1 }),
      ),
      await post(
        `/api/workshops/${ws.id}/join`,
        JSON.stringify({ key: keyOf(p2.links.participant), name: 'x'.repeat(100_000) }),
      ),
      await post(`/api/workshops/${ws.id}/phase`, JSON.stringify({ phase: 'vote' }), {
        authorization: `Bearer ${fac.token}`,
        origin: 'http://localhost:1',
      }),
      await post('/api/workshops', JSON.stringify({ title: names[3], template: 'vide' }), {
        authorization: `Bearer ${server.adminToken.slice(0, -1)}x`,
      }),
      await fetch(`${server.url}/api/workshops/${ws.id}/session?token=${paul.token}`),
      await fetch(`${server.url}/api/nowhere/${fac.token}`),
      await fetch(`${server.url}/metrics?token=${server.adminToken}`),
    ]
    for (const res of refused) assert.ok(res.status >= 400, `refused: ${res.url} ${res.status}`)

    // Refused upgrades: tokens in their URLs.
    const board = (token?: string) => syncUrl(server.url, `/sync/${ws.id}/board`, token)
    assert.equal(await upgradeOutcome(board()), 401)
    assert.equal(await upgradeOutcome(board(`${fac.token}x`)), 401)
    assert.equal(await upgradeOutcome(board(pia.token)), 403)
    assert.equal(await upgradeOutcome(board(fac.token), { Origin: 'http://localhost:1' }), 403)
    assert.equal(
      await upgradeOutcome(syncUrl(server.url, `/sync/${ws.id}/drafts/${paul.participantId}`, obs.token)),
      403,
    )

    // A connection over its message rate (4429), one over the frame size (1009).
    const flood = openRaw(server.url, ws.id, fac.token)
    await flood.opened
    const step1 = writeSyncStep1(Y.encodeStateVector(new Y.Doc()))
    // Past the burst the server lets through (a few seconds' worth).
    for (let i = 0; i < MESSAGES_PER_SECOND * 20; i++) flood.send(step1)
    assert.equal((await flood.closedWithin(5000)).code, CloseCodes.rateLimited.code)
    const big = openRaw(server.url, ws.id, fac.token)
    await big.opened
    big.send(new Uint8Array(MAX_FRAME_BYTES + 1))
    assert.equal((await big.closedWithin(5000)).code, 1009)

    // The room unloads once idle; then a graceful stop.
    await new Promise((r) => setTimeout(r, 1000))
  } finally {
    await server.stop()
  }

  const bad: string[] = []
  const events = new Map<string, number>()
  for (const line of server.logs) {
    let entry: { time?: unknown; level?: unknown; event?: unknown }
    try {
      entry = JSON.parse(line)
    } catch {
      bad.push(`not JSON: ${line.slice(0, 200)}`)
      continue
    }
    if (typeof entry.time !== 'string' || Number.isNaN(Date.parse(entry.time))) bad.push(`no time: ${line}`)
    if (typeof entry.level !== 'string' || !LEVELS.has(entry.level)) bad.push(`no level: ${line}`)
    if (typeof entry.event !== 'string' || entry.event === '') bad.push(`no event: ${line}`)
    else events.set(entry.event, (events.get(entry.event) ?? 0) + 1)
    for (const [secret, what] of secrets) if (line.includes(secret)) bad.push(`${what} in: ${line.slice(0, 300)}`)
  }
  console.log(
    `figure: log audit ${server.logs.length} lines, ${events.size} kinds of event, ${secrets.size} secrets and names looked for, ${bad.length} found`,
  )
  console.log(`figure: log events ${[...events].map(([e, n]) => `${e} ${n}`).join(', ')}`)
  assert.deepEqual(bad, [])
  // The scenario did reach the logs (an audit of nothing proves nothing).
  for (const event of [
    'process_created',
    'reader_link_rotated',
    'workshop_created',
    'participant_joined',
    'snapshot_created',
    'workshop_link_rotated',
    'message_refused',
    'room_loaded',
    'room_unloaded',
    'stopped',
  ])
    assert.ok(events.has(event), `no ${event} event logged`)
})
