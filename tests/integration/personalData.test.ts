/**
 * Personal data (issue 6 item 7, README « Personal data »): deleting a
 * participant, deleting a workshop, and a workshop's retention running out each
 * erase the names from the files themselves — not a byte of them is left in
 * atelier.db, its WAL or its shared-memory file (read raw, as UTF-8 and as
 * UTF-16 in both byte orders), nor in the server's log lines — and cut the
 * sessions concerned (4401), while what the roadmap needs stays.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { CreateWorkshopResponse } from '../../shared/api'
import { CloseCodes } from '../../shared/protocol'
import { DAY_MS } from '../../shared/workshop'
import { join, keyOf } from '../support/api'
import { type BoardClient, connectBoard, eventually } from '../support/boardClient'
import { call } from '../support/controlClient'
import { syncUrl, upgradeOutcome } from '../support/rawSocket'
import { documentRecords, noteRecord } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

/** The retention server's sweep runs every second on a clock this far ahead: a 1-day workshop expires this long after its creation. */
const EXPIRES_AFTER_MS = 10_000

let server: ServerProcess
let expiring: ServerProcess
const clients: BoardClient[] = []

before(async () => {
  ;[server, expiring] = await Promise.all([
    startServerProcess(),
    startServerProcess({
      env: {
        ATELIER_RETENTION_SWEEP_MS: '1000',
        ATELIER_RETENTION_CLOCK_SHIFT_MS: String(DAY_MS - EXPIRES_AFTER_MS),
      },
    }),
  ])
})
after(async () => {
  for (const c of clients) c.destroy()
  await Promise.all([server.stop(), expiring.stop()])
})

/** Every way a text may be stored: SQLite keeps TEXT as UTF-8 unless the database says UTF-16 (checked below). */
function encodings(text: string): Buffer[] {
  const le = Buffer.from(text, 'utf16le')
  const be = Buffer.from(le).swap16()
  return [Buffer.from(text, 'utf8'), le, be]
}

function countIn(haystack: Buffer, needle: Buffer): number {
  let n = 0
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++
  return n
}

/** Occurrences of each text, in any encoding, in every file of the data directory; `files` lists them with their sizes. */
function onDisk(dataDir: string, texts: string[]): { count: number; where: string[]; bytes: Record<string, number> } {
  let count = 0
  const where: string[] = []
  const bytes: Record<string, number> = {}
  for (const name of fs.readdirSync(dataDir)) {
    const file = path.join(dataDir, name)
    if (!fs.statSync(file).isFile()) continue
    const data = fs.readFileSync(file)
    bytes[name] = data.length
    for (const text of texts) {
      for (const needle of encodings(text)) {
        const n = countIn(data, needle)
        if (n > 0) where.push(`${name}: ${JSON.stringify(text)} ×${n}`)
        count += n
      }
    }
  }
  return { count, where, bytes }
}

function inLogs(s: ServerProcess, texts: string[]): string[] {
  return s.logs.filter((line) => texts.some((t) => line.includes(t) || line.includes(JSON.stringify(t).slice(1, -1))))
}

const dbBytes = (b: Record<string, number>) =>
  `atelier.db ${b['atelier.db'] ?? 0} B, -wal ${b['atelier.db-wal'] ?? 0} B, -shm ${b['atelier.db-shm'] ?? 0} B`

async function create(s: ServerProcess, title: string, retentionDays?: number): Promise<CreateWorkshopResponse> {
  const res = await call(s.url, s.adminToken, 'POST', '/api/workshops', { title, template: 'vide', retentionDays })
  assert.equal(res.status, 201, JSON.stringify(res.body))
  return res.body as unknown as CreateWorkshopResponse
}

/**
 * A workshop where `name` (of `organisation`) joined, wrote three notes, placed two
 * dots and is still connected, with their name in presence; once its notes are stored.
 * Its facilitator's name and the notes' texts hold the workshop's title.
 */
async function scene(s: ServerProcess, workshop: CreateWorkshopResponse, name: string, organisation: string) {
  const facilitator = await join(s.url, workshop, 'facilitator', `Fanny de l’${workshop.title}`)
  const person = await join(s.url, workshop, 'participant', name, { organisation, college: 'associations' })
  const live = connectBoard(s.url, workshop.id, { token: person.token })
  clients.push(live)
  await live.synced()
  live.provider.awareness.setLocalStateField('user', { name, color: '#d00' })
  live.doc.transact(() => {
    for (const r of documentRecords()) live.put(r)
    for (const i of [1, 2, 3]) live.put(noteRecord(`n${i}`, `Idée ${i} pour l’${workshop.title}`, i * 250, 0))
  })
  const check = connectBoard(s.url, workshop.id, { token: facilitator.token })
  await check.synced()
  await eventually(() => check.ids().length === 5, 5000, 'notes stored')
  check.destroy()
  const api = (token: string, method: string, p: string, body?: unknown) =>
    call(s.url, token, method, `/api/workshops/${workshop.id}${p}`, body)
  const vote = await api(facilitator.token, 'POST', '/vote-sessions', {
    targets: 'notes',
    votesPerPerson: 3,
    maxPerItem: 2,
    hideResults: false,
    anonymous: false,
  })
  assert.equal(vote.status, 201)
  for (const n of ['n1', 'n2'])
    assert.equal(
      (await api(person.token, 'POST', `/vote-sessions/${vote.body.id}/votes`, { targetId: `shape:${n}` })).status,
      201,
    )
  return { workshop, facilitator, person, live, voteId: vote.body.id as string, api }
}

const revoked = (c: BoardClient) => c.closes.some((x) => x.code === CloseCodes.sessionRevoked.code)

test('the database stores its text as UTF-8 (so the raw grep below reads it as it is stored)', async () => {
  const Database = (await import('better-sqlite3')).default
  const db = new Database(path.join(server.dataDir, 'atelier.db'), { readonly: true })
  try {
    assert.equal(db.pragma('encoding', { simple: true }), 'UTF-8')
  } finally {
    db.close()
  }
})

test('deleting a participant erases their name and organisation from the files and the logs, cuts them off, keeps their notes and votes', async () => {
  const name = 'Zoé Quérard-Zyxwv'
  const marker = 'Qzxparticipantmarker'
  const organisation = 'Association Qzxorgmarker'
  const texts = [name, marker, organisation]
  const w = await create(server, 'Atelier effacement')
  const s = await scene(server, w, `${name} ${marker}`, organisation)

  const before = onDisk(server.dataDir, texts)
  assert.ok(before.count > 0, 'the name is on disk before (the grep finds what is there)')

  const started = performance.now()
  const res = await s.api(s.facilitator.token, 'DELETE', `/participants/${s.person.participantId}`)
  const ms = Math.round(performance.now() - started)
  assert.equal(res.status, 204)
  await eventually(() => revoked(s.live), 1000, 'their open connection is closed 4401')

  const afterwards = onDisk(server.dataDir, texts)
  console.log(`figure: participant deletion took ${ms} ms (request to 204, database purge included)`)
  console.log(`figure: before ${dbBytes(before.bytes)}; after ${dbBytes(afterwards.bytes)}`)
  assert.deepEqual(afterwards.where, [], 'no byte of the name in the data directory')
  assert.deepEqual(inLogs(server, texts), [], 'nor in the logs')

  // Cut off everywhere; gone from the list; their notes and dots stay.
  assert.equal((await s.api(s.person.token, 'GET', '/session')).status, 403)
  assert.equal(await upgradeOutcome(syncUrl(server.url, `/sync/${w.id}/board`, s.person.token)), 403)
  const people = (await s.api(s.facilitator.token, 'GET', '/participants')).body as unknown as { name: string }[]
  assert.deepEqual(
    people.map((p) => p.name),
    ['Fanny de l’Atelier effacement'],
  )
  const results = await s.api(s.facilitator.token, 'GET', `/vote-sessions/${s.voteId}/results`)
  assert.equal(results.status, 200)
  const board = connectBoard(server.url, w.id, { token: s.facilitator.token })
  clients.push(board)
  await board.synced()
  assert.deepEqual(
    board
      .ids()
      .filter((id) => id.startsWith('shape:'))
      .sort(),
    ['shape:n1', 'shape:n2', 'shape:n3'],
  )
  const dots = (results.body.ranking as { targetId: string; votes: number }[]).map((r) => [r.targetId, r.votes])
  assert.deepEqual(dots.filter(([, n]) => n !== 0).sort(), [
    ['shape:n1', 1],
    ['shape:n2', 1],
  ])

  // Who may: not another participant; the same participant twice is unknown.
  const other = await join(server.url, w, 'participant', 'Paul')
  const fanny = s.facilitator.participantId
  assert.equal((await s.api(other.token, 'DELETE', `/participants/${fanny}`)).status, 403)
  assert.equal((await s.api(s.facilitator.token, 'DELETE', `/participants/${s.person.participantId}`)).status, 404)
  // A participant may erase themself.
  assert.equal((await s.api(other.token, 'DELETE', `/participants/${other.participantId}`)).status, 204)
  assert.equal((await s.api(other.token, 'GET', '/session')).status, 403)
})

test('deleting a workshop erases all of it from the files and the logs, closes every connection 4401, and it is unknown afterwards', async () => {
  const name = 'Zoé Quérard-Wvxyz'
  const marker = 'Qzxworkshopmarker'
  const title = 'Atelier Qzxtitlemarker'
  const w = await create(server, title)
  const s = await scene(server, w, `${name} ${marker}`, 'CCAS Qzxorgworkshop')
  const facilitatorLive = connectBoard(server.url, w.id, { token: s.facilitator.token })
  clients.push(facilitatorLive)
  await facilitatorLive.synced()
  // The title is in its facilitator's name and in its notes too.
  const texts = [name, marker, title, 'Qzxorgworkshop']
  const before = onDisk(server.dataDir, texts)
  assert.ok(before.count > 0)

  const started = performance.now()
  const res = await call(server.url, server.adminToken, 'DELETE', `/api/workshops/${w.id}`)
  const ms = Math.round(performance.now() - started)
  assert.equal(res.status, 204)
  await eventually(() => revoked(s.live) && revoked(facilitatorLive), 1000, 'both connections closed 4401')
  console.log(`figure: workshop deletion took ${ms} ms (request to 204, database purge included)`)

  const afterwards = onDisk(server.dataDir, texts)
  console.log(`figure: before ${dbBytes(before.bytes)}; after ${dbBytes(afterwards.bytes)}`)
  assert.deepEqual(afterwards.where, [], 'no byte of the workshop in the data directory')
  assert.deepEqual(inLogs(server, texts), [])

  assert.equal((await s.api(s.facilitator.token, 'GET', '/session')).status, 404, 'its page says it is gone')
  assert.equal(await upgradeOutcome(syncUrl(server.url, `/sync/${w.id}/board`, s.facilitator.token)), 403)
  const rejoin = await call(server.url, '', 'POST', `/api/workshops/${w.id}/join`, {
    key: keyOf(w.links.participant),
    name: 'Eve',
  })
  assert.equal(rejoin.status, 403)
  assert.equal((await call(server.url, server.adminToken, 'GET', `/api/workshops/${w.id}/snapshots`)).status, 404)
  assert.equal((await call(server.url, server.adminToken, 'DELETE', `/api/workshops/${w.id}`)).status, 404)
  assert.equal((await call(server.url, s.facilitator.token, 'DELETE', `/api/workshops/${w.id}`)).status, 401)
})

test('when its retention runs out, a workshop loses its names (files and logs), its links and sessions; board and votes stay', async () => {
  const name = 'Zoé Quérard-Yxzwv'
  const marker = 'Qzxretentionmarker'
  const created = Date.now()
  const w = await create(expiring, 'Atelier à durée courte', 1)
  assert.equal(w.retentionDays, 1)
  assert.ok(Math.abs(w.erasesAt - (created + DAY_MS)) < 5000, 'erasesAt is createdAt + 1 day')
  const s = await scene(expiring, w, `${name} ${marker}`, 'Mairie de Qzxorgkept')
  const before = onDisk(expiring.dataDir, [name, marker])
  assert.ok(before.count > 0)
  assert.ok(Date.now() - created < EXPIRES_AFTER_MS - 1000, 'the scene was set before the workshop expired')

  await eventually(() => revoked(s.live), EXPIRES_AFTER_MS + 5000, 'the sweep closes the open connection 4401')
  const erasedAfter = Date.now() - created
  console.log(
    `figure: retention sweep erased the workshop ${erasedAfter} ms after its creation (due at ${EXPIRES_AFTER_MS})`,
  )
  assert.ok(erasedAfter >= EXPIRES_AFTER_MS - 1000, 'not before it was due')
  await eventually(() => expiring.logs.some((l) => l.includes('"database_purged"')), 5000, 'purged')

  const afterwards = onDisk(expiring.dataDir, [name, marker])
  console.log(`figure: before ${dbBytes(before.bytes)}; after ${dbBytes(afterwards.bytes)}`)
  assert.deepEqual(afterwards.where, [], 'no byte of the name in the data directory')
  assert.deepEqual(inLogs(expiring, [name, marker]), [])
  // Organisations are kept (snapshots count them); the board and the votes stay.
  assert.ok(onDisk(expiring.dataDir, ['Mairie de Qzxorgkept']).count > 0, 'the organisation is kept')
  const admin = (method: string, p: string) => call(expiring.url, expiring.adminToken, method, p)
  assert.equal((await admin('GET', `/api/workshops/${w.id}/snapshots`)).status, 200)

  assert.equal((await s.api(s.person.token, 'GET', '/session')).status, 403)
  assert.equal((await s.api(s.facilitator.token, 'GET', '/session')).status, 403)
  for (const role of ['facilitator', 'participant', 'observer'] as const) {
    const res = await call(expiring.url, '', 'POST', `/api/workshops/${w.id}/join`, {
      key: keyOf(w.links[role]),
      name: 'Eve',
    })
    assert.equal(res.status, 403, role)
    assert.equal(res.body.error.code, 'invalid_link')
  }
  const rotate = await admin('POST', `/api/workshops/${w.id}/links/participant/rotate`)
  assert.equal(rotate.status, 409, 'an erased workshop gets no new link')
})
