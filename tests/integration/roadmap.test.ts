/**
 * A démarche's roadmap (issue 4 §3, §6) against the real server: every
 * snapshot of one of its workshops appends a version gathering the latest
 * snapshot of each (a chantiers workshop's copied enjeux merged with their
 * originals, chantiers ranked by votes); the versions are valid for the
 * published JSON Schema (checked with ajv, independent of the zod code), kept
 * byte for byte and chained; the diff of two real versions reports a moved
 * note, a renamed enjeu and a rank change; and only the admin, the reader link
 * and the sessions of the démarche's workshops may read it.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, test } from 'node:test'
import type { TLRecord } from '@tldraw/tlschema'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import * as build from '../../shared/model/shapeRecords'
import { canonicalJson } from '../../shared/roadmap/canonicalJson'
import type { RoadmapDiff } from '../../shared/roadmap/roadmapDiff'
import { ROADMAP_ENVELOPE, type RoadmapVersion } from '../../shared/roadmap/roadmapSchema'
import type { Snapshot } from '../../shared/roadmap/snapshotSchema'
import { join, keyOf } from '../support/api'
import { writeBoard } from '../support/boardClient'
import { call } from '../support/controlClient'
import { chantierRecord } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

let server: ServerProcess
let aisne: Demarche
before(async () => {
  server = await startServerProcess()
  try {
    aisne = await demarcheWithTwoWorkshops()
  } catch (e) {
    // What the server refused says why the set-up failed.
    console.log(
      server.logs
        .filter((l) => /warn|error|refus|invalid/i.test(l))
        .slice(-10)
        .join('\n'),
    )
    throw e
  }
})
after(async () => {
  await server.stop()
})

const api = (token: string, method: string, p: string, body?: unknown) => call(server.url, token, method, p, body)
const admin = (method: string, p: string, body?: unknown) => api(server.adminToken, method, p, body)

/** Without any credentials, or with a cookie. */
async function anonymous(method: string, p: string, options: { cookie?: string; body?: unknown } = {}) {
  const res = await fetch(`${server.url}${p}`, {
    method,
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await res.text()
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the API answers
  return { status: res.status, headers: res.headers, text, body: (text ? JSON.parse(text) : null) as any }
}

async function newProcess(nom: string): Promise<{ id: string; reader: string }> {
  const res = await admin('POST', '/api/processes', { nom, codeDepartement: '02', perimetre: 'Département de l’Aisne' })
  assert.equal(res.status, 201, JSON.stringify(res.body))
  return { id: res.body.id, reader: res.body.links.reader }
}

async function newWorkshop(body: Record<string, unknown>): Promise<CreateWorkshopResponse> {
  const res = await admin('POST', '/api/workshops', body)
  assert.equal(res.status, 201, JSON.stringify(res.body))
  return res.body
}

async function snapshot(token: string, workshopId: string): Promise<Snapshot> {
  const res = await api(token, 'POST', `/api/workshops/${workshopId}/snapshots`)
  assert.equal(res.status, 201, JSON.stringify(res.body))
  return res.body
}

/** Opens a vote on the chantiers, places each voter's dots, closes it. */
async function vote(ws: CreateWorkshopResponse, facilitator: JoinResponse, dots: [JoinResponse, string[]][]) {
  const open = await api(facilitator.token, 'POST', `/api/workshops/${ws.id}/vote-sessions`, {
    targets: 'chantiers',
    votesPerPerson: 3,
    maxPerItem: 2,
    hideResults: true,
    anonymous: false,
  })
  assert.equal(open.status, 201, JSON.stringify(open.body))
  for (const [voter, targets] of dots) {
    for (const targetId of targets) {
      const res = await api(voter.token, 'POST', `/api/workshops/${ws.id}/vote-sessions/${open.body.id}/votes`, {
        targetId,
      })
      assert.equal(res.status, 201, JSON.stringify(res.body))
    }
  }
  const closed = await api(facilitator.token, 'POST', `/api/workshops/${ws.id}/vote-sessions/${open.body.id}/close`)
  assert.equal(closed.status, 200)
}

async function latest(pid: string): Promise<RoadmapVersion> {
  const res = await admin('GET', `/api/processes/${pid}/roadmap`)
  assert.equal(res.status, 200, JSON.stringify(res.body))
  return res.body
}

interface Demarche {
  id: string
  reader: string
  enjeux: CreateWorkshopResponse
  chantiers: CreateWorkshopResponse
  facilitator: JoinResponse
  alice: JoinResponse
  bruno: JoinResponse
  observer: JoinResponse
  /** The chantiers board's copies of the enjeux workshop's frames, by name, and of its notes, by text. */
  copies: Record<string, TLRecord>
  snapshots: { enjeux: Snapshot; chantiers: Snapshot }
}

const FRAMES = [
  { id: 'shape:f-reseau', name: 'Couverture réseau', notes: ['Pas de fibre à Vervins', 'Débit faible en zone rurale'] },
  {
    id: 'shape:f-inclusion',
    name: 'Inclusion numérique',
    notes: ['Manque d’aidants numériques', 'Médiation en mairie', 'France Services saturées'],
  },
]

/**
 * The Aisne's démarche: an enjeux workshop (two enjeux, five notes), then a
 * chantiers workshop started from it (its enjeux copied) with three chantiers
 * and a closed vote — each snapshotted once.
 */
async function demarcheWithTwoWorkshops(): Promise<Demarche> {
  const process = await newProcess('Feuille de route France Numérique Ensemble — Aisne')
  const enjeux = await newWorkshop({ title: 'Atelier enjeux', template: 'enjeux', processId: process.id })
  const fEnjeux = await join(server.url, enjeux, 'facilitator', 'Fanny Animatrice', { college: 'departement' })
  await writeBoard(
    server.url,
    enjeux.id,
    fEnjeux.token,
    FRAMES.flatMap((f, i) => [
      build.frameRecord({
        id: f.id,
        name: f.name,
        x: 1000 + i * 500,
        y: 500,
        w: 460,
        h: 700,
        index: build.indexKey(20 + i),
      }),
      ...f.notes.map((text, j) =>
        build.noteRecord({
          id: `${f.id}-n${j}`,
          text,
          parentId: f.id,
          x: 10,
          y: 10 + j * 210,
          index: build.indexKey(j),
        }),
      ),
    ]),
  )
  const enjeuxSnapshot = await snapshot(fEnjeux.token, enjeux.id)

  const chantiers = await newWorkshop({
    title: 'Atelier chantiers',
    template: 'chantiers',
    processId: process.id,
    startFrom: enjeux.id,
  })
  const facilitator = await join(server.url, chantiers, 'facilitator', 'Fanny Animatrice', { college: 'departement' })
  const alice = await join(server.url, chantiers, 'participant', 'Alice Durand', {
    organisation: 'Association Clic',
    college: 'associations',
  })
  const bruno = await join(server.url, chantiers, 'participant', 'Bruno Petit', {
    organisation: 'Préfecture de l’Aisne',
    college: 'etat',
  })
  const observer = await join(server.url, chantiers, 'observer', 'Olga Observe')
  const board = await writeBoard(server.url, chantiers.id, facilitator.token, [])
  const copies: Record<string, TLRecord> = {}
  for (const r of board) {
    const s = r as TLRecord & { type?: string; props?: { name?: string; richText?: unknown } }
    if (s.type === 'frame' && s.props?.name) copies[s.props.name] = r
    if (s.type === 'note') copies[JSON.stringify(s.props?.richText)] = r
  }
  const reseau = copies['Couverture réseau']
  const inclusion = copies['Inclusion numérique']
  assert.ok(reseau && inclusion, 'the chantiers board starts with copies of the enjeux')
  await writeBoard(server.url, chantiers.id, facilitator.token, [
    chantierRecord(
      'fibre',
      { titre: 'Fibre partout', porteur: 'Conseil départemental', echeance: '2027', enjeuIds: [reseau.id] },
      0,
      2000,
      'a5',
    ),
    chantierRecord(
      'aidants',
      { titre: 'Former 40 aidants', porteur: 'Association Clic', enjeuIds: [inclusion.id] },
      400,
      2000,
      'a6',
    ),
    chantierRecord('tiers', { titre: 'Tiers-lieux', enjeuIds: [inclusion.id, reseau.id] }, 800, 2000, 'a7'),
  ])
  await vote(chantiers, facilitator, [
    [alice, ['shape:aidants', 'shape:aidants', 'shape:fibre']],
    [bruno, ['shape:aidants', 'shape:tiers']],
  ])
  const chantiersSnapshot = await snapshot(facilitator.token, chantiers.id)
  return {
    id: process.id,
    reader: process.reader,
    enjeux,
    chantiers,
    facilitator,
    alice,
    bruno,
    observer,
    copies,
    snapshots: { enjeux: enjeuxSnapshot, chantiers: chantiersSnapshot },
  }
}

test('each snapshot appends a version gathering the latest snapshot of every workshop of the démarche', async () => {
  const list = await admin('GET', `/api/processes/${aisne.id}/roadmap-versions`)
  assert.equal(list.status, 200)
  assert.deepEqual(
    list.body.map((v: { version: number }) => v.version),
    [1, 2],
  )
  const [v1, v2] = list.body as { id: string; sha256: string; createdAt: string }[]
  const roadmap = await latest(aisne.id)
  assert.equal(roadmap.id, v2?.id)
  assert.equal(roadmap.version, 2)
  assert.equal(roadmap.previousId, v1?.id)
  assert.equal(roadmap.createdAt, v2?.createdAt)
  assert.deepEqual(roadmap.demarche, {
    id: aisne.id,
    nom: 'Feuille de route France Numérique Ensemble — Aisne',
    codeDepartement: '02',
    perimetre: 'Département de l’Aisne',
  })
  assert.deepEqual(
    roadmap.ateliers.map((a) => [a.workshop.id, a.workshop.kind, a.snapshotId, a.snapshotSha256]),
    [
      [aisne.enjeux.id, 'enjeux', aisne.snapshots.enjeux.id, aisne.snapshots.enjeux.sha256],
      [aisne.chantiers.id, 'chantiers', aisne.snapshots.chantiers.id, aisne.snapshots.chantiers.sha256],
    ],
  )
  // Version 1 was made by the enjeux workshop's snapshot alone.
  const first = await admin('GET', `/api/roadmap-versions/${v1?.id}`)
  assert.deepEqual(
    (first.body as RoadmapVersion).ateliers.map((a) => a.snapshotId),
    [aisne.snapshots.enjeux.id],
  )

  // Stored bytes, as the latest and by id; sha256 of the canonical content without the envelope.
  const byId = await anonymous('GET', `/api/roadmap-versions/${roadmap.id}`, { cookie: await readerCookie(aisne) })
  assert.equal(byId.status, 200)
  assert.equal(byId.text, canonicalJson(roadmap))
  assert.equal(byId.headers.get('etag'), `"${roadmap.sha256}"`)
  const content = Object.fromEntries(
    Object.entries(roadmap).filter(([k]) => !(ROADMAP_ENVELOPE as readonly string[]).includes(k)),
  )
  assert.equal(roadmap.sha256, createHash('sha256').update(canonicalJson(content)).digest('hex'))

  // Valid for the published schema, by a validator that is not the code that made it.
  const schema = await anonymous('GET', '/schemas/roadmap-version-v1.json')
  assert.equal(schema.status, 200)
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  const validate = ajv.compile(schema.body)
  assert.ok(validate(roadmap), JSON.stringify(validate.errors))
  assert.equal(validate({ ...roadmap, version: 0 }), false)
})

test('a copied enjeu is one entry with the original’s key; chantiers are ranked by votes with their provenance', async () => {
  const roadmap = await latest(aisne.id)
  const reseau = aisne.copies['Couverture réseau'] as TLRecord
  const inclusion = aisne.copies['Inclusion numérique'] as TLRecord
  assert.deepEqual(
    roadmap.enjeux.map((e) => [e.id, e.titre, e.refs.map((r) => `${r.workshopId}/${r.shapeId}`)]),
    [
      [
        `${aisne.enjeux.id}/shape:f-reseau`,
        'Couverture réseau',
        [`${aisne.enjeux.id}/shape:f-reseau`, `${aisne.chantiers.id}/${reseau.id}`],
      ],
      [
        `${aisne.enjeux.id}/shape:f-inclusion`,
        'Inclusion numérique',
        [`${aisne.enjeux.id}/shape:f-inclusion`, `${aisne.chantiers.id}/${inclusion.id}`],
      ],
    ],
  )
  // Each note once, known on both boards.
  assert.deepEqual(
    roadmap.enjeux.map((e) => e.notes.map((n) => [n.texte, n.refs.map((r) => r.workshopId)])),
    FRAMES.map((f) => f.notes.map((t) => [t, [aisne.enjeux.id, aisne.chantiers.id]])),
  )
  const key = (id: string) => `${aisne.chantiers.id}/shape:${id}`
  assert.deepEqual(
    roadmap.chantiers.map((c) => [c.id, c.nom, c.votes, c.rang]),
    [
      [key('aidants'), 'Former 40 aidants', 3, 1],
      [key('fibre'), 'Fibre partout', 1, 2],
      [key('tiers'), 'Tiers-lieux', 1, 2],
    ],
  )
  const fibre = roadmap.chantiers[1]
  assert.ok(fibre)
  assert.deepEqual(fibre.porteurs, [{ nom: 'Conseil départemental' }])
  assert.equal(fibre.echeance, '2027')
  assert.deepEqual(fibre.enjeuIds, [`${aisne.enjeux.id}/shape:f-reseau`])
  assert.deepEqual(fibre.provenance.enjeux, [{ workshopId: aisne.chantiers.id, shapeId: reseau.id }])
  assert.equal(fibre.provenance.notes.length, 2)
  assert.deepEqual(fibre.provenance.voteSession, {
    workshopId: aisne.chantiers.id,
    sessionId: aisne.snapshots.chantiers.votes?.sessionId,
  })
  assert.deepEqual(
    roadmap.enjeux.map((e) => e.chantierIds),
    [
      [key('fibre'), key('tiers')],
      [key('aidants'), key('tiers')],
    ],
  )
  assert.deepEqual(roadmap.participation.parCollege.associations, { inscrits: 1, votants: 1 })
  // No person's name anywhere.
  const text = JSON.stringify(roadmap)
  for (const name of ['Fanny', 'Alice', 'Bruno', 'Olga']) assert.ok(!text.includes(name), name)
})

test('the admin appends a version at will; the same snapshots give the same sha256', async () => {
  const before = await latest(aisne.id)
  const res = await admin('POST', `/api/processes/${aisne.id}/roadmap-versions`)
  assert.equal(res.status, 201)
  assert.equal(res.body.version, before.version + 1)
  assert.equal(res.body.previousId, before.id)
  assert.equal(res.body.sha256, before.sha256)
  assert.equal((await latest(aisne.id)).id, res.body.id)
})

test('the diff of two real versions reports a moved note, a renamed enjeu and a rank change', async () => {
  const before = await latest(aisne.id)
  const reseau = aisne.copies['Couverture réseau'] as TLRecord & { props: { name: string } }
  const mediation = aisne.copies[JSON.stringify(build.richText('Médiation en mairie'))] as TLRecord & {
    parentId: string
  }
  assert.ok(mediation)
  // On the chantiers board: a note dropped into the other enjeu, the enjeu renamed, a new vote.
  await writeBoard(server.url, aisne.chantiers.id, aisne.facilitator.token, [
    { ...mediation, parentId: reseau.id, x: 20, y: 460 } as TLRecord,
    { ...reseau, props: { ...reseau.props, name: 'Réseaux et débit' } } as TLRecord,
  ])
  await vote(aisne.chantiers, aisne.facilitator, [
    [aisne.alice, ['shape:fibre', 'shape:fibre', 'shape:aidants']],
    [aisne.bruno, ['shape:fibre', 'shape:tiers']],
  ])
  await snapshot(aisne.facilitator.token, aisne.chantiers.id)
  const after = await latest(aisne.id)
  assert.equal(after.version, before.version + 1)

  const res = await api(aisne.alice.token, 'GET', `/api/roadmap-versions/${before.id}/diff/${after.id}`)
  assert.equal(res.status, 200, JSON.stringify(res.body))
  const diff = res.body as RoadmapDiff
  assert.deepEqual(diff.from, { id: before.id, version: before.version })
  assert.deepEqual(diff.to, { id: after.id, version: after.version })
  const reseauKey = `${aisne.enjeux.id}/shape:f-reseau`
  const inclusionKey = `${aisne.enjeux.id}/shape:f-inclusion`
  assert.deepEqual(diff.notes.moved, [
    {
      id: `${aisne.enjeux.id}/shape:f-inclusion-n1`,
      texte: 'Médiation en mairie',
      from: { id: inclusionKey, titre: 'Inclusion numérique' },
      to: { id: reseauKey, titre: 'Réseaux et débit' },
    },
  ])
  assert.deepEqual(diff.enjeux.renamed, [{ id: reseauKey, before: 'Couverture réseau', after: 'Réseaux et débit' }])
  const fibre = diff.ranks.find((r) => r.id === `${aisne.chantiers.id}/shape:fibre`)
  assert.deepEqual(fibre, { kind: 'chantier', id: fibre?.id, titre: 'Fibre partout', before: 2, after: 1 })
  assert.deepEqual([diff.enjeux.added, diff.enjeux.removed, diff.enjeux.merged], [[], [], []])
  // And the other way round.
  const back = await admin('GET', `/api/roadmap-versions/${after.id}/diff/${before.id}`)
  assert.equal(back.body.notes.moved[0].to.id, inclusionKey)
})

/** The reader cookie the démarche's link gives (`name=value`). */
async function readerCookie(d: { id: string; reader: string }): Promise<string> {
  const res = await anonymous('POST', `/api/processes/${d.id}/join`, { body: { key: keyOf(d.reader) } })
  assert.equal(res.status, 200, res.text)
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`atelier_reader_${d.id}=`))
  assert.ok(cookie)
  return cookie.split(';')[0] as string
}

test('the reader link: issued with the démarche, traded for an anonymous HttpOnly cookie that reads the roadmap and its snapshots', async () => {
  assert.match(aisne.reader, new RegExp(`^${server.url}/d/${aisne.id}#k=[A-Za-z0-9_-]{22}$`))
  const res = await anonymous('POST', `/api/processes/${aisne.id}/join`, { body: { key: keyOf(aisne.reader) } })
  assert.equal(res.status, 200)
  assert.deepEqual(res.body, { demarche: { id: aisne.id, nom: 'Feuille de route France Numérique Ensemble — Aisne' } })
  const setCookie = res.headers.getSetCookie().join('\n')
  assert.match(setCookie, new RegExp(`atelier_reader_${aisne.id}=`))
  assert.match(setCookie, /HttpOnly/i)
  assert.match(setCookie, /SameSite=Strict/i)
  assert.match(setCookie, /Max-Age=\d+/i)

  const cookie = await readerCookie(aisne)
  for (const p of [
    `/api/processes/${aisne.id}/roadmap`,
    `/api/processes/${aisne.id}/roadmap-versions`,
    `/api/snapshots/${aisne.snapshots.enjeux.id}`,
    `/api/workshops/${aisne.chantiers.id}/snapshots`,
  ]) {
    assert.equal((await anonymous('GET', p, { cookie })).status, 200, p)
  }
  // Sessions of the démarche's workshops, any role, read it too.
  for (const who of [aisne.alice, aisne.observer]) {
    assert.equal((await api(who.token, 'GET', `/api/processes/${aisne.id}/roadmap`)).status, 200)
  }
  const session = `atelier_session_${aisne.chantiers.id}=${aisne.observer.token}`
  assert.equal((await anonymous('GET', `/api/processes/${aisne.id}/roadmap`, { cookie: session })).status, 200)
  // A workshop's session reads the snapshots of the démarche's other workshops.
  assert.equal((await api(aisne.alice.token, 'GET', `/api/snapshots/${aisne.snapshots.enjeux.id}`)).status, 200)
})

test('refusals: no credentials 401, another démarche’s 403, unknown 404, cross-démarche diff 422', async () => {
  const roadmap = await latest(aisne.id)
  const [v1] = (await admin('GET', `/api/processes/${aisne.id}/roadmap-versions`)).body as { id: string }[]
  const paths = [
    `/api/processes/${aisne.id}/roadmap`,
    `/api/processes/${aisne.id}/roadmap-versions`,
    `/api/roadmap-versions/${roadmap.id}`,
    `/api/roadmap-versions/${v1?.id}/diff/${roadmap.id}`,
  ]
  for (const p of paths) {
    const res = await anonymous('GET', p)
    assert.equal(res.status, 401, p)
    assert.equal(res.body.error.code, 'unauthorized')
    // A token that verifies as nothing is no credential either.
    assert.equal((await api('not-a-token', 'GET', p)).status, 401, p)
  }

  // Another démarche: its workshop's session and its reader grant are refused here.
  const other = await newProcess('Feuille de route — Oise')
  const otherWs = await newWorkshop({ title: 'Atelier Oise', template: 'vide', processId: other.id })
  const stranger = await join(server.url, otherWs, 'facilitator', 'Sophie Ailleurs')
  const otherCookie = await readerCookie(other)
  const otherGrant = otherCookie.split('=')[1] as string
  for (const p of paths) {
    assert.equal((await api(stranger.token, 'GET', p)).status, 403, p)
    assert.equal(
      (await anonymous('GET', p, { cookie: `atelier_session_${otherWs.id}=${stranger.token}` })).status,
      403,
      p,
    )
    assert.equal((await api(otherGrant, 'GET', p)).status, 403, p)
  }
  // Its reader cookie is named after it: presented here, it is simply not ours.
  assert.equal((await anonymous('GET', paths[0] as string, { cookie: otherCookie })).status, 401)
  // A workshop session reads only its own démarche's snapshots.
  assert.equal((await api(stranger.token, 'GET', `/api/snapshots/${aisne.snapshots.enjeux.id}`)).status, 403)

  // Unknown or malformed: 404.
  const unknown = 'A'.repeat(22)
  assert.equal((await admin('GET', `/api/processes/${unknown}/roadmap`)).status, 404)
  assert.equal((await admin('GET', `/api/roadmap-versions/${unknown}`)).status, 404)
  assert.equal((await admin('GET', `/api/roadmap-versions/${roadmap.id}/diff/${unknown}`)).status, 404)
  assert.equal((await admin('GET', '/api/roadmap-versions/not-an-id')).status, 404)
  assert.equal((await admin('POST', `/api/processes/${unknown}/roadmap-versions`)).status, 404)
  const none = await admin('GET', `/api/processes/${other.id}/roadmap`)
  assert.equal(none.status, 404)
  assert.equal(none.body.error.code, 'no_roadmap')
  assert.deepEqual((await admin('GET', `/api/processes/${other.id}/roadmap-versions`)).body, [])

  // Two démarches' versions do not compare.
  const otherVersion = await admin('POST', `/api/processes/${other.id}/roadmap-versions`)
  assert.equal(otherVersion.status, 201)
  const cross = await admin('GET', `/api/roadmap-versions/${roadmap.id}/diff/${otherVersion.body.id}`)
  assert.equal(cross.status, 422)
  assert.equal(cross.body.error.code, 'not_same_process')

  // Appending and rotating are the admin's: a reader or a session is not enough.
  for (const p of [`/api/processes/${aisne.id}/roadmap-versions`, `/api/processes/${aisne.id}/reader-link/rotate`]) {
    assert.equal((await anonymous('POST', p, { cookie: await readerCookie(aisne) })).status, 401, p)
    assert.equal((await api(aisne.facilitator.token, 'POST', p)).status, 401, p)
  }
  // A body on them is refused.
  assert.equal((await admin('POST', `/api/processes/${aisne.id}/roadmap-versions`, { force: true })).status, 400)
})

test('joining: a wrong, malformed, other démarche’s or foreign-origin key is refused', async () => {
  const other = await newProcess('Feuille de route — Somme')
  const wrong = await anonymous('POST', `/api/processes/${aisne.id}/join`, { body: { key: 'B'.repeat(22) } })
  assert.equal(wrong.status, 403)
  assert.equal(wrong.body.error.code, 'invalid_link')
  assert.equal(
    (await anonymous('POST', `/api/processes/${aisne.id}/join`, { body: { key: keyOf(other.reader) } })).status,
    403,
  )
  assert.equal((await anonymous('POST', `/api/processes/${aisne.id}/join`, { body: { key: 'x' } })).status, 400)
  assert.equal(
    (await anonymous('POST', `/api/processes/${aisne.id}/join`, { body: { key: keyOf(aisne.reader), name: 'Zoé' } }))
      .status,
    400,
  )
  assert.equal(
    (await anonymous('POST', `/api/processes/not-an-id/join`, { body: { key: keyOf(aisne.reader) } })).status,
    404,
  )
  const foreign = await fetch(`${server.url}/api/processes/${aisne.id}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    body: JSON.stringify({ key: keyOf(aisne.reader) }),
  })
  assert.equal(foreign.status, 403)
  assert.equal(((await foreign.json()) as { error: { code: string } }).error.code, 'bad_origin')
})

test('rotating the reader link revokes it and the cookies it gave', async () => {
  const d = await newProcess('Feuille de route — Ardennes')
  await admin('POST', `/api/processes/${d.id}/roadmap-versions`)
  const cookie = await readerCookie(d)
  assert.equal((await anonymous('GET', `/api/processes/${d.id}/roadmap`, { cookie })).status, 200)

  const rotated = await admin('POST', `/api/processes/${d.id}/reader-link/rotate`)
  assert.equal(rotated.status, 200)
  const fresh = rotated.body.links.reader as string
  assert.notEqual(keyOf(fresh), keyOf(d.reader))
  assert.equal((await anonymous('GET', `/api/processes/${d.id}/roadmap`, { cookie })).status, 401)
  assert.equal((await anonymous('POST', `/api/processes/${d.id}/join`, { body: { key: keyOf(d.reader) } })).status, 403)
  const again = await readerCookie({ id: d.id, reader: fresh })
  assert.equal((await anonymous('GET', `/api/processes/${d.id}/roadmap`, { cookie: again })).status, 200)
  assert.equal((await admin('POST', `/api/processes/${'A'.repeat(22)}/reader-link/rotate`)).status, 404)
})
