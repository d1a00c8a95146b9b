/**
 * Roadmap snapshots (issue 4 §2, §6): built by the server from the stored
 * board and votes, valid for the published JSON Schema (checked with ajv, a
 * validator independent of the zod code that produced both), stored
 * immutably, served byte for byte, chained, hashed on their content — and
 * never carrying a hidden tally, a collège per item of an anonymous vote, or
 * anyone's name.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { TLRecord } from '@tldraw/tlschema'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { z } from 'zod'
import { snapshotSha256 } from '../../server/roadmap/snapshotBuilder'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import { Snapshot } from '../../shared/roadmap/snapshotSchema'
import { join } from '../support/api'
import { writeBoard } from '../support/boardClient'
import { call } from '../support/controlClient'
import { openStoreOf } from '../support/dataFile'
import { chantierRecord, frameRecord, noteRecord, PAGE_ID } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

let server: ServerProcess
let known: Known
let first: Snapshot
before(async () => {
  server = await startServerProcess()
  known = await knownWorkshop()
  first = await snapshot(known.facilitator.token, known.ws.id)
})
after(async () => {
  await server.stop()
})

const api = (token: string, method: string, p: string, body?: unknown) => call(server.url, token, method, p, body)

async function admin(method: string, p: string, body?: unknown) {
  return call(server.url, server.adminToken, method, p, body)
}

/** A chantiers workshop of a démarche, as the admin creates it from the home page. */
async function createWorkshop(title: string): Promise<{ ws: CreateWorkshopResponse; processId: string }> {
  const process = await admin('POST', '/api/processes', { nom: 'Feuille de route — Aisne', codeDepartement: '02' })
  assert.equal(process.status, 201)
  const ws = await admin('POST', '/api/workshops', { title, template: 'chantiers', processId: process.body.id })
  assert.equal(ws.status, 201)
  return { ws: ws.body, processId: process.body.id }
}

async function snapshot(token: string, workshopId: string): Promise<Snapshot> {
  const res = await api(token, 'POST', `/api/workshops/${workshopId}/snapshots`)
  assert.equal(res.status, 201, JSON.stringify(res.body))
  return res.body as Snapshot
}

/** Opens a vote on the chantiers, has each voter place their dots, and returns the session id. */
async function vote(
  ws: CreateWorkshopResponse,
  facilitator: JoinResponse,
  rules: { hideResults: boolean; anonymous: boolean },
  dots: [JoinResponse, string[]][],
): Promise<string> {
  const open = await api(facilitator.token, 'POST', `/api/workshops/${ws.id}/vote-sessions`, {
    targets: 'chantiers',
    votesPerPerson: 3,
    maxPerItem: 2,
    ...rules,
  })
  assert.equal(open.status, 201)
  for (const [voter, targets] of dots) {
    for (const targetId of targets) {
      const res = await api(voter.token, 'POST', `/api/workshops/${ws.id}/vote-sessions/${open.body.id}/votes`, {
        targetId,
      })
      assert.equal(res.status, 201, JSON.stringify(res.body))
    }
  }
  return open.body.id
}

const close = async (ws: CreateWorkshopResponse, facilitator: JoinResponse, vid: string) =>
  assert.equal((await api(facilitator.token, 'POST', `/api/workshops/${ws.id}/vote-sessions/${vid}/close`)).status, 200)

interface Known {
  ws: CreateWorkshopResponse
  processId: string
  facilitator: JoinResponse
  people: JoinResponse[]
  observer: JoinResponse
  board: TLRecord[]
  voteId: string
}

const NAMES = ['Fanny Animatrice', 'Paul Dupont', 'Camille Martin', 'Pierre Préfet', 'Sam Sansorga', 'Olivia Obs']

/**
 * The known board: two enjeux with their notes, a note parked in the template's
 * parking, a loose note, three chantiers with porteur, partenaires and
 * échéance, and a closed vote ending in a tie, by people of several
 * organisations and collèges.
 */
async function knownWorkshop(): Promise<Known> {
  const { ws, processId } = await createWorkshop('Atelier chantiers — Aisne')
  const facilitator = await join(server.url, ws, 'facilitator', NAMES[0]!, {
    organisation: 'Conseil départemental de l’Aisne',
    college: 'departement',
  })
  const caf1 = await join(server.url, ws, 'participant', NAMES[1]!, {
    organisation: 'CAF de l’Aisne',
    college: 'associations',
  })
  const caf2 = await join(server.url, ws, 'participant', NAMES[2]!, {
    organisation: "  caf de l'AISNE ",
    college: 'associations',
  })
  const prefecture = await join(server.url, ws, 'participant', NAMES[3]!, {
    organisation: 'Préfecture de l’Aisne',
    college: 'etat',
  })
  const alone = await join(server.url, ws, 'participant', NAMES[4]!)
  const observer = await join(server.url, ws, 'observer', NAMES[5]!, {
    organisation: 'France Services Vervins',
    college: 'france-services',
  })

  // The template's parking area, to park a note in it.
  const template = await writeBoard(server.url, ws.id, facilitator.token, [])
  const parking = template.find((r) => {
    const meta = (r as { meta?: { atelier?: { zone?: string; part?: string } } }).meta?.atelier
    return meta?.zone === 'parking' && meta.part === 'area'
  }) as unknown as { x: number; y: number; props: { w: number; h: number } }
  assert.ok(parking, 'the chantiers template has a parking')

  const board = await writeBoard(server.url, ws.id, facilitator.token, [
    frameRecord('reseau', 'Couverture réseau', 0, -3000),
    frameRecord('inclusion', 'Inclusion numérique', 1000, -3000),
    { ...noteRecord('n-fibre', 'Pas de fibre à Vervins', 20, 60), parentId: 'shape:reseau' } as TLRecord,
    { ...noteRecord('n-debit', 'Débit trop faible', 20, 300), parentId: 'shape:reseau' } as TLRecord,
    { ...noteRecord('n-aidants', 'Former les aidants numériques', 20, 60), parentId: 'shape:inclusion' } as TLRecord,
    noteRecord('n-loose', 'Tiers-lieux ruraux', 2500, -2500),
    noteRecord('n-parked', 'La cantine du collège', parking.x + 100, parking.y + parking.props.h / 2),
    chantierRecord(
      'c-fibre',
      {
        titre: 'Fibre pour tous',
        porteur: 'Région Hauts-de-France',
        partenaires: ['Orange', 'USEDA'],
        echeance: 'fin 2026',
        enjeuIds: ['shape:reseau'],
      },
      0,
      -1500,
    ),
    chantierRecord(
      'c-aidants',
      {
        titre: 'Former 40 aidants',
        porteur: 'CAF de l’Aisne',
        partenaires: ['France Services'],
        echeance: '2026-06',
        enjeuIds: ['shape:inclusion'],
        // The ANCT's fields of an action, as typed in the card's panel.
        contexte: 'Peu d’aidants formés en Thiérache',
        besoins: 'Formateurs, salles équipées',
        budgetGlobal: '12 000 €',
        dateDeDebut: 'sept. 2025',
        coFinancements: ['Banque des Territoires', 'État'],
        perimetreGeographique: 'Thiérache',
      },
      500,
      -1500,
    ),
    chantierRecord(
      'c-guichet',
      {
        titre: 'Guichet numérique',
        description: 'Un seul point d’entrée',
        echeance: 'à définir',
        budgetGlobal: 'à chiffrer',
        enjeuIds: ['shape:reseau', 'shape:inclusion'],
      },
      1000,
      -1500,
    ),
  ])
  assert.ok(board.some((r) => r.id === PAGE_ID))

  // A tie at the top: fibre 3, aidants 3, guichet 1.
  const voteId = await vote(ws, facilitator, { hideResults: true, anonymous: false }, [
    [caf1, ['shape:c-aidants', 'shape:c-aidants']],
    [caf2, ['shape:c-aidants', 'shape:c-fibre']],
    [prefecture, ['shape:c-fibre', 'shape:c-fibre', 'shape:c-guichet']],
  ])
  await close(ws, facilitator, voteId)
  return { ws, processId, facilitator, people: [caf1, caf2, prefecture, alone], observer, board, voteId }
}

/** The JSON Schema as published, compiled by ajv (JSON Schema 2020-12, with formats). */
async function publishedValidator() {
  const res = await fetch(`${server.url}/schemas/roadmap-v1.json`)
  assert.equal(res.status, 200)
  assert.match(res.headers.get('content-type') ?? '', /^application\/schema\+json/)
  assert.match(res.headers.get('cache-control') ?? '', /max-age=\d+/)
  const schema = await res.json()
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema')
  assert.equal(schema.$id, `${server.url}/schemas/roadmap-v1.json`)
  // Generated from the zod schema the server checks with and the types come from.
  const { $schema, $id, ...generated } = schema
  assert.deepEqual({ $schema, ...generated }, z.toJSONSchema(Snapshot, { target: 'draft-2020-12' }))
  assert.equal(res.headers.get('access-control-allow-origin'), '*')
  const ajv = new Ajv2020({ allErrors: true })
  addFormats(ajv)
  return ajv.compile(schema)
}

test('a snapshot of a known board is the expected snapshot', () => {
  const { ws, processId, facilitator, voteId } = known
  const { id, createdAt, ...rest } = first
  assert.match(id, /^[A-Za-z0-9_-]{22}$/)
  assert.ok(Math.abs(Date.parse(createdAt) - Date.now()) < 60_000)
  const noVotes = { votes: null, rang: null, parCollege: {} }
  const noAnct = {
    contexte: '',
    besoins: '',
    budgetGlobal: null,
    dateDeDebut: null,
    coFinancements: [],
    perimetreGeographique: null,
  }
  assert.deepEqual(rest, {
    schemaVersion: 1,
    createdBy: { participantId: facilitator.participantId },
    previousId: null,
    sha256: snapshotSha256(first),
    workshop: { id: ws.id, kind: 'chantiers', title: 'Atelier chantiers — Aisne', processId },
    membres: [
      { id: "org:cafdel'aisne", nom: 'CAF de l’Aisne', college: 'associations', participants: 2 },
      {
        id: "org:conseildepartementaldel'aisne",
        nom: 'Conseil départemental de l’Aisne',
        college: 'departement',
        participants: 1,
      },
      { id: 'org:franceservicesvervins', nom: 'France Services Vervins', college: 'france-services', participants: 1 },
      { id: "org:prefecturedel'aisne", nom: 'Préfecture de l’Aisne', college: 'etat', participants: 1 },
      { id: 'sans-organisation:aucun', nom: 'Sans organisation', college: null, participants: 1 },
    ],
    enjeux: [
      {
        id: 'shape:reseau',
        titre: 'Couverture réseau',
        noteIds: ['shape:n-fibre', 'shape:n-debit'],
        ...noVotes,
        origine: null,
      },
      { id: 'shape:inclusion', titre: 'Inclusion numérique', noteIds: ['shape:n-aidants'], ...noVotes, origine: null },
    ],
    chantiers: [
      {
        id: 'shape:c-fibre',
        nom: 'Fibre pour tous',
        description: '',
        ...noAnct,
        dateDeFin: '2026-12-31',
        echeance: 'fin 2026',
        porteurs: [{ nom: 'Région Hauts-de-France' }],
        partenaires: [{ nom: 'Orange' }, { nom: 'USEDA' }],
        enjeuIds: ['shape:reseau'],
        votes: 3,
        rang: 1,
        parCollege: { associations: 1, etat: 2 },
        provenance: {
          enjeuIds: ['shape:reseau'],
          noteIds: ['shape:n-fibre', 'shape:n-debit'],
          voteSessionId: voteId,
        },
      },
      {
        id: 'shape:c-aidants',
        nom: 'Former 40 aidants',
        description: '',
        contexte: 'Peu d’aidants formés en Thiérache',
        besoins: 'Formateurs, salles équipées',
        budgetGlobal: 12000,
        dateDeDebut: '2025-09-01',
        coFinancements: [{ nom: 'Banque des Territoires' }, { nom: 'État' }],
        perimetreGeographique: 'Thiérache',
        dateDeFin: '2026-06-30',
        echeance: '2026-06',
        porteurs: [{ nom: 'CAF de l’Aisne' }],
        partenaires: [{ nom: 'France Services' }],
        enjeuIds: ['shape:inclusion'],
        votes: 3,
        rang: 1,
        parCollege: { associations: 3 },
        provenance: { enjeuIds: ['shape:inclusion'], noteIds: ['shape:n-aidants'], voteSessionId: voteId },
      },
      {
        id: 'shape:c-guichet',
        nom: 'Guichet numérique',
        description: 'Un seul point d’entrée',
        ...noAnct,
        dateDeFin: null,
        echeance: 'à définir',
        porteurs: [],
        partenaires: [],
        enjeuIds: ['shape:reseau', 'shape:inclusion'],
        votes: 1,
        rang: 3,
        parCollege: { etat: 1 },
        provenance: {
          enjeuIds: ['shape:reseau', 'shape:inclusion'],
          noteIds: ['shape:n-fibre', 'shape:n-debit', 'shape:n-aidants'],
          voteSessionId: voteId,
        },
      },
    ],
    notes: [
      {
        id: 'shape:n-fibre',
        texte: 'Pas de fibre à Vervins',
        clusterId: 'shape:reseau',
        parking: false,
        votes: null,
        rang: null,
      },
      {
        id: 'shape:n-aidants',
        texte: 'Former les aidants numériques',
        clusterId: 'shape:inclusion',
        parking: false,
        votes: null,
        rang: null,
      },
      {
        id: 'shape:n-debit',
        texte: 'Débit trop faible',
        clusterId: 'shape:reseau',
        parking: false,
        votes: null,
        rang: null,
      },
      { id: 'shape:n-loose', texte: 'Tiers-lieux ruraux', clusterId: null, parking: false, votes: null, rang: null },
      { id: 'shape:n-parked', texte: 'La cantine du collège', clusterId: null, parking: true, votes: null, rang: null },
    ],
    votes: {
      sessionId: voteId,
      cible: 'chantiers',
      regles: { votesParPersonne: 3, maxParItem: 2, resultatsMasques: true, anonyme: false },
      participation: {
        inscrits: 5,
        votants: 3,
        parCollege: {
          departement: { inscrits: 1, votants: 0 },
          associations: { inscrits: 2, votants: 2 },
          etat: { inscrits: 1, votants: 1 },
          autre: { inscrits: 1, votants: 0 },
        },
      },
    },
  })
})

test('no person’s name is anywhere in a snapshot', async () => {
  const res = await fetch(`${server.url}/api/snapshots/${first.id}`, {
    headers: { authorization: `Bearer ${known.facilitator.token}` },
  })
  const body = await res.text()
  for (const name of NAMES) {
    for (const part of name.split(' ')) assert.ok(!body.includes(part), `${part} is in the snapshot`)
  }
})

test('the published JSON Schema accepts every snapshot and rejects tampered ones', async () => {
  const validate = await publishedValidator()
  assert.equal(validate(first), true, JSON.stringify(validate.errors))
  const tampered: [string, (s: Record<string, unknown> & Snapshot) => void][] = [
    ['a changed type', (s) => Object.assign(s.chantiers[0] as object, { votes: '3' })],
    ['an extra field', (s) => Object.assign(s.chantiers[0] as object, { auteur: 'Paul' })],
    ['an extra top-level field', (s) => Object.assign(s, { participants: [] })],
    ['a missing field', (s) => delete (s as Partial<Snapshot>).notes],
    ['a missing provenance', (s) => delete (s.chantiers[0] as Partial<Snapshot['chantiers'][0]>).provenance],
    ['a malformed date', (s) => Object.assign(s.chantiers[0] as object, { dateDeFin: '2026-02-30' })],
    ['a malformed sha256', (s) => Object.assign(s, { sha256: 'abc' })],
    ['another schema version', (s) => Object.assign(s, { schemaVersion: 2 })],
  ]
  for (const [what, change] of tampered) {
    const copy = structuredClone(first) as Record<string, unknown> & Snapshot
    change(copy)
    assert.equal(validate(copy), false, `${what} must be refused`)
  }
})

test('GET returns the stored bytes exactly, with its sha256 as ETag; the list names every snapshot', async () => {
  const res = await fetch(`${server.url}/api/snapshots/${first.id}`, {
    headers: { authorization: `Bearer ${known.observer.token}` },
  })
  assert.equal(res.status, 200)
  assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8')
  assert.equal(res.headers.get('etag'), `"${first.sha256}"`)
  const bytes = Buffer.from(await res.arrayBuffer())
  const store = await openStoreOf(server)
  try {
    const row = await store.getSnapshot(first.id)
    assert.ok(row && bytes.equals(Buffer.from(row.body, 'utf8')))
    assert.equal(row.sha256, first.sha256)
  } finally {
    await store.close()
  }
  // The stored body is the canonical JSON: sorted keys, no whitespace.
  assert.equal(bytes.toString('utf8'), canonicalText(first))
  const again = await fetch(`${server.url}/api/snapshots/${first.id}`, {
    // A browser revalidating sends max-age=0 (fetch would add no-cache, which forbids a 304).
    headers: {
      authorization: `Bearer ${known.observer.token}`,
      'if-none-match': `"${first.sha256}"`,
      'cache-control': 'max-age=0',
    },
  })
  assert.equal(again.status, 304)

  const list = await api(known.people[0]!.token, 'GET', `/api/workshops/${known.ws.id}/snapshots`)
  assert.equal(list.status, 200)
  assert.deepEqual(list.body[0], { id: first.id, createdAt: first.createdAt, sha256: first.sha256 })
})

/** Keys sorted at every level, no whitespace — written here independently of the server's code. */
function canonicalText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalText(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

test('the sha256 is stable across builds of the same state and changes with a note; previousId chains', async () => {
  const { ws, facilitator } = known
  const second = await snapshot(facilitator.token, ws.id)
  assert.notEqual(second.id, first.id)
  assert.equal(second.sha256, first.sha256)
  assert.equal(second.previousId, first.id)

  await writeBoard(server.url, ws.id, facilitator.token, [
    { ...noteRecord('n-debit', 'Débit trop faible le soir', 20, 300), parentId: 'shape:reseau' } as TLRecord,
  ])
  const third = await snapshot(facilitator.token, ws.id)
  assert.notEqual(third.sha256, first.sha256)
  assert.equal(third.previousId, second.id)
  assert.equal(third.notes.find((n) => n.id === 'shape:n-debit')?.texte, 'Débit trop faible le soir')

  // Read from the stored log after a restart (no room loaded): the same state, the same sha256.
  await server.stop()
  server = await server.restart()
  const fourth = await snapshot(facilitator.token, ws.id)
  assert.equal(fourth.sha256, third.sha256)
  assert.equal(fourth.previousId, third.id)
  assert.equal((await publishedValidator())(fourth), true)

  const list = await api(facilitator.token, 'GET', `/api/workshops/${ws.id}/snapshots`)
  assert.deepEqual(
    list.body.map((s: { id: string }) => s.id),
    [first.id, second.id, third.id, fourth.id],
  )
})

test('only the facilitator takes a snapshot; sessions of the workshop and the admin read them, nobody else', async () => {
  const { ws, people, observer, facilitator } = known
  const path = `/api/workshops/${ws.id}/snapshots`
  for (const who of [people[0]!, observer]) {
    const res = await api(who.token, 'POST', path)
    assert.equal(res.status, 403)
    assert.equal(res.body.error.code, 'forbidden_role')
  }
  const noSession = await fetch(`${server.url}${path}`, { method: 'POST' })
  assert.equal(noSession.status, 401)

  const { ws: other } = await createWorkshop('Un autre atelier')
  const stranger = await join(server.url, other, 'facilitator', 'Ailleurs')
  assert.equal((await api(stranger.token, 'POST', path)).status, 403)
  assert.equal((await api(stranger.token, 'GET', path)).status, 403)
  const foreign = await api(stranger.token, 'GET', `/api/snapshots/${first.id}`)
  assert.equal(foreign.status, 403)
  assert.equal(foreign.body.error.code, 'forbidden')
  assert.equal((await fetch(`${server.url}/api/snapshots/${first.id}`)).status, 401)
  assert.equal((await fetch(`${server.url}${path}`)).status, 401)

  for (const who of [people[3]!, observer, facilitator]) {
    assert.equal((await api(who.token, 'GET', `/api/snapshots/${first.id}`)).status, 200)
  }
  assert.equal((await admin('GET', `/api/snapshots/${first.id}`)).status, 200)
  assert.equal((await admin('GET', path)).status, 200)

  const unknown = await admin('GET', '/api/snapshots/AAAAAAAAAAAAAAAAAAAAAA')
  assert.equal(unknown.status, 404)
  assert.equal(unknown.body.error.code, 'not_found')
  assert.equal((await admin('GET', '/api/snapshots/pas-un-id')).status, 404)
  assert.equal((await api(facilitator.token, 'POST', path, { extra: true })).status, 400)
  assert.equal((await fetch(`${server.url}/schemas/nope.json`)).status, 404)
})

test('a snapshot taken while a hidden vote is open carries no tally', async () => {
  const { ws } = await createWorkshop('Atelier au vote secret')
  const facilitator = await join(server.url, ws, 'facilitator', 'Fanny', { college: 'departement' })
  const voter = await join(server.url, ws, 'participant', 'Paul', { college: 'associations' })
  await writeBoard(server.url, ws.id, facilitator.token, [
    chantierRecord('c-a', { titre: 'A' }, 0, 0),
    chantierRecord('c-b', { titre: 'B' }, 500, 0),
  ])
  // An earlier vote, closed: its results may be seen, so the snapshot carries them.
  const earlier = await vote(ws, facilitator, { hideResults: false, anonymous: false }, [[voter, ['shape:c-b']]])
  await close(ws, facilitator, earlier)
  const hidden = await vote(ws, facilitator, { hideResults: true, anonymous: false }, [
    [voter, ['shape:c-a', 'shape:c-a']],
    [facilitator, ['shape:c-a']],
  ])
  const taken = await snapshot(facilitator.token, ws.id)
  assert.equal(taken.votes?.sessionId, earlier)
  assert.deepEqual(
    taken.chantiers.map((c) => [c.id, c.votes, c.rang, c.provenance.voteSessionId]),
    [
      ['shape:c-b', 1, 1, earlier],
      ['shape:c-a', 0, 2, earlier],
    ],
  )
  const text = JSON.stringify(taken)
  assert.ok(!text.includes(hidden), 'the open hidden session is not named')
  assert.equal(taken.votes?.participation.votants, 1)

  // A workshop whose only vote is open and hidden: nothing about votes at all.
  const { ws: fresh } = await createWorkshop('Premier vote, secret')
  const f2 = await join(server.url, fresh, 'facilitator', 'Fanny', { college: 'departement' })
  await writeBoard(server.url, fresh.id, f2.token, [chantierRecord('c-a', { titre: 'A' }, 0, 0)])
  await vote(fresh, f2, { hideResults: true, anonymous: false }, [[f2, ['shape:c-a', 'shape:c-a']]])
  const blind = await snapshot(f2.token, fresh.id)
  assert.equal(blind.votes, null)
  assert.deepEqual(blind.chantiers[0], {
    ...blind.chantiers[0],
    votes: null,
    rang: null,
    parCollege: {},
    provenance: { enjeuIds: [], noteIds: [], voteSessionId: null },
  })
})

test('an anonymous vote carries no collège per item', async () => {
  const { ws } = await createWorkshop('Atelier au vote anonyme')
  const facilitator = await join(server.url, ws, 'facilitator', 'Fanny', { college: 'departement' })
  const a = await join(server.url, ws, 'participant', 'Anne', { college: 'associations' })
  const b = await join(server.url, ws, 'participant', 'Bruno', { college: 'etat' })
  await writeBoard(server.url, ws.id, facilitator.token, [
    frameRecord('e', 'Enjeu', 0, -2000),
    chantierRecord('c-a', { titre: 'A', enjeuIds: ['shape:e'] }, 0, 0),
    chantierRecord('c-b', { titre: 'B' }, 500, 0),
  ])
  const vid = await vote(ws, facilitator, { hideResults: true, anonymous: true }, [
    [a, ['shape:c-a', 'shape:c-b']],
    [b, ['shape:c-a']],
  ])
  await close(ws, facilitator, vid)
  const taken = await snapshot(facilitator.token, ws.id)
  assert.equal(taken.votes?.regles.anonyme, true)
  assert.deepEqual(
    taken.chantiers.map((c) => [c.id, c.votes, c.rang, c.parCollege]),
    [
      ['shape:c-a', 2, 1, {}],
      ['shape:c-b', 1, 2, {}],
    ],
  )
  // Participation by collège is counts of people, as the control document shows it.
  assert.deepEqual(taken.votes?.participation.parCollege.associations, { inscrits: 1, votants: 1 })
  assert.equal((await publishedValidator())(taken), true)
})
