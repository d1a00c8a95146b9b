/**
 * Templates and démarches (issue 3 §1) against the real server: a new
 * workshop's board already holds its template's zones when the first client
 * connects (before any browser opened it), its control state has the
 * template's settings and phase, and a chantiers workshop started from an
 * earlier workshop of the same démarche holds copies of its enjeux.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { TLRecord } from '@tldraw/tlschema'
import { initialPhase, settingsForTemplate } from '../../server/workshops/templateSettings'
import type { CreateWorkshopResponse, ListProcessesResponse, ProcessResponse } from '../../shared/api'
import { SCHEMA_KEY } from '../../shared/boardDoc'
import { checkBoardRecord, createBoardSchema } from '../../shared/boardSchema'
import type { ControlState } from '../../shared/control'
import { richTextToPlain } from '../../shared/model/richText'
import * as build from '../../shared/model/shapeRecords'
import { indexKey } from '../../shared/model/shapeRecords'
import { copiedFrom, zoneOf } from '../../shared/model/templateMeta'
import { join } from '../support/api'
import { connectBoard, eventually, writeBoard } from '../support/boardClient'
import { call, connectControl } from '../support/controlClient'
import { noteRecord } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

let server: ServerProcess
before(async () => {
  server = await startServerProcess()
})
after(async () => {
  await server.stop()
})

async function admin(method: string, path: string, body?: unknown) {
  return call(server.url, server.adminToken, method, path, body)
}

async function createProcess(nom: string, codeDepartement = '02'): Promise<ProcessResponse> {
  const res = await admin('POST', '/api/processes', { nom, codeDepartement })
  assert.equal(res.status, 201, JSON.stringify(res.body))
  return res.body
}

async function createWorkshop(body: Record<string, unknown>): Promise<CreateWorkshopResponse> {
  const res = await admin('POST', '/api/workshops', body)
  assert.equal(res.status, 201, JSON.stringify(res.body))
  return res.body
}

/** The board as a fresh y-websocket client receives it, read once synced. */
async function boardOf(workshop: CreateWorkshopResponse): Promise<TLRecord[]> {
  const { token } = await join(server.url, workshop, 'participant', 'Lecture')
  const client = connectBoard(server.url, workshop.id, { token })
  try {
    await client.synced()
    return [...client.records.map.values()].map((e) => e.val)
  } finally {
    client.destroy()
  }
}

/** Writes records as a participant would, until another client sees them (the server has them). */
async function writeAsParticipant(workshop: CreateWorkshopResponse, records: TLRecord[]): Promise<void> {
  const { token } = await join(server.url, workshop, 'participant', 'Camille')
  await writeBoard(server.url, workshop.id, token, records)
}

const text = (r: TLRecord) => richTextToPlain((r as { props?: { richText?: unknown } }).props?.richText)
const shapes = (records: TLRecord[]) => records.filter((r) => r.typeName === 'shape')

/** What each zone shows: its title and instruction texts, by zone kind. */
function zones(records: TLRecord[]): Record<string, { title?: string; instruction?: string; area?: TLRecord }> {
  const out: Record<string, { title?: string; instruction?: string; area?: TLRecord }> = {}
  for (const r of shapes(records)) {
    const mark = zoneOf(r)
    if (!mark) continue
    out[mark.zone] ??= {}
    const zone = out[mark.zone] as { title?: string; instruction?: string; area?: TLRecord }
    if (mark.part === 'area') zone.area = r
    else zone[mark.part] = text(r)
  }
  return out
}

function assertAllValid(records: TLRecord[]): void {
  const schema = createBoardSchema()
  for (const r of records) assert.deepEqual(checkBoardRecord(schema, r.id, r), { ok: true }, r.id)
}

test('each template lays out its zones before any browser opened the board; settings and phase follow the template', async () => {
  const enjeux = await createWorkshop({ title: 'Atelier enjeux — Aisne', template: 'enjeux' })
  const records = await boardOf(enjeux)
  assertAllValid(records)
  assert.ok(records.some((r) => r.id === 'document:document'))
  assert.ok(records.some((r) => r.id === 'page:page'))
  const z = zones(records)
  assert.deepEqual(Object.keys(z).sort(), ['constats', 'parking', 'regroupement', 'titre'])
  assert.equal(z.titre?.title, 'Atelier enjeux — Aisne')
  assert.equal(z.constats?.title, '1. Écrire les constats')
  assert.equal(z.constats?.instruction, 'Une idée par note. Écrivez ce qui freine ou ce qui marche sur le territoire.')
  assert.equal(z.regroupement?.title, '2. Regrouper en enjeux')
  assert.match(z.regroupement?.instruction ?? '', /un cadre = un enjeu/i)
  assert.match(z.regroupement?.instruction ?? '', /nom/)
  assert.equal(z.parking?.title, 'Parking')
  assert.match(z.parking?.instruction ?? '', /Hors sujet/)
  // Zones are locked, and none of them is a frame or a note: votes on enjeux or notes find nothing yet.
  for (const r of shapes(records)) {
    assert.equal(r.isLocked, true, `${r.id} is locked`)
    assert.ok(!['frame', 'note'].includes((r as { type: string }).type), `${r.id} is not a frame or a note`)
  }
  for (const kind of ['constats', 'regroupement', 'parking'])
    assert.equal((z[kind]?.area as { type?: string })?.type, 'geo')

  const chantiers = await createWorkshop({ title: 'Atelier chantiers', template: 'chantiers' })
  const c = zones(await boardOf(chantiers))
  assert.deepEqual(Object.keys(c).sort(), ['chantiers', 'enjeux-retenus', 'parking', 'titre'])
  assert.equal(c['enjeux-retenus']?.title, 'Enjeux retenus')
  for (const field of ['titre', 'porteur', 'partenaires', 'échéance', 'enjeux liés']) {
    assert.ok(c.chantiers?.instruction?.includes(field), `the chantier card explains « ${field} »`)
  }

  const vide = await createWorkshop({ title: 'Tableau', template: 'vide' })
  assert.deepEqual((await boardOf(vide)).map((r) => r.id).sort(), ['document:document', 'page:page'])

  // The control state: the template's settings and first phase.
  for (const [workshop, template] of [
    [enjeux, 'enjeux'],
    [chantiers, 'chantiers'],
    [vide, 'vide'],
  ] as const) {
    const { token } = await join(server.url, workshop, 'participant', 'Lecture')
    const control = connectControl(server.url, workshop.id, token)
    try {
      await control.synced()
      await eventually(() => control.get('phase') !== undefined, 5000, 'control state')
      assert.equal(control.get('phase'), initialPhase(template))
      assert.deepEqual(control.get('settings'), settingsForTemplate(template))
      assert.equal((control.get('privateWriting') as ControlState['privateWriting']).active, false)
    } finally {
      control.destroy()
    }
  }
  assert.equal(initialPhase('chantiers'), 'chantiers', 'a chantiers workshop opens on its own phase')
})

test('a board carries the schema the clients use, and what people add goes next to the zones', async () => {
  const workshop = await createWorkshop({ title: 'Atelier', template: 'enjeux' })
  const { token } = await join(server.url, workshop, 'participant', 'Camille')
  const client = connectBoard(server.url, workshop.id, { token })
  try {
    await client.synced()
    assert.deepEqual(client.doc.getMap('meta').get(SCHEMA_KEY), createBoardSchema().serialize())
  } finally {
    client.destroy()
  }
  await writeAsParticipant(workshop, [noteRecord('constat', 'Pas de fibre à Vervins', 100, 500)])
  const records = await boardOf(workshop)
  assert.ok(records.some((r) => r.id === 'shape:constat'))
  assert.equal(Object.keys(zones(records)).length, 4, 'the template is still there')
})

test('a chantiers workshop started from an enjeux workshop of its démarche holds copies of its enjeux', async () => {
  const process = await createProcess('Feuille de route Aisne')
  const enjeux = await createWorkshop({ title: 'Enjeux — mars', template: 'enjeux', processId: process.id })
  assert.equal(enjeux.processId, process.id)

  // The group writes and clusters: two named frames with notes, a loose note, a note in the parking.
  const frames = [
    {
      id: 'shape:f-reseau',
      name: 'Couverture réseau',
      notes: ['Pas de fibre à Vervins', 'Débit faible en zone rurale'],
    },
    {
      id: 'shape:f-aide',
      name: 'Accompagnement',
      notes: ['Manque d’aidants numériques', 'Médiation en mairie', 'France Services saturées'],
    },
  ]
  await writeAsParticipant(enjeux, [
    ...frames.flatMap((f, i) => [
      build.frameRecord({ id: f.id, name: f.name, x: 1000 + i * 500, y: 500, w: 460, h: 700, index: indexKey(20 + i) }),
      // Listed bottom up: the copy keeps reading order, not record order.
      ...f.notes
        .map((t, j) => build.noteRecord({ id: `${f.id}-n${j}`, text: t, parentId: f.id, x: 10, y: 10 + j * 210 }))
        .reverse(),
    ]),
    noteRecord('loose', 'Une note pas encore classée', 100, 500),
  ])

  const chantiers = await createWorkshop({
    title: 'Chantiers — avril',
    template: 'chantiers',
    processId: process.id,
    startFrom: enjeux.id,
  })
  assert.equal(chantiers.processId, process.id)
  const records = await boardOf(chantiers)
  assertAllValid(records)
  const byId = new Map<string, TLRecord>(records.map((r) => [r.id, r]))
  const copiedFrames = shapes(records)
    .filter((r) => (r as { type: string }).type === 'frame')
    .sort((a, b) => (a as { y: number }).y - (b as { y: number }).y || (a as { x: number }).x - (b as { x: number }).x)
  assert.deepEqual(
    copiedFrames.map((f) => (f as { props: { name: string } }).props.name),
    ['Couverture réseau', 'Accompagnement'],
  )
  const area = zones(records)['enjeux-retenus']?.area as TLRecord & {
    x: number
    y: number
    props: { w: number; h: number }
  }
  for (const frame of copiedFrames) {
    const from = copiedFrom(frame)
    assert.equal(from?.workshopId, enjeux.id)
    const original = frames.find((f) => f.id === from?.shapeId)
    assert.ok(original, 'the copy names the frame it came from')
    assert.notEqual(frame.id, original.id, 'new ids')
    // Inside the « Enjeux retenus » zone, above it in the stacking order.
    const f = frame as TLRecord & { x: number; y: number; index: string; props: { w: number; h: number } }
    assert.ok(f.x >= area.x && f.y >= area.y, 'inside the zone (top left)')
    assert.ok(
      f.x + f.props.w <= area.x + area.props.w && f.y + f.props.h <= area.y + area.props.h,
      'inside (bottom right)',
    )
    assert.ok(f.index > (area as { index: string }).index)
    const notes = shapes(records).filter((r) => r.parentId === frame.id)
    const inReadingOrder = notes.sort(
      (a, b) => (a as { y: number }).y - (b as { y: number }).y || (a as { x: number }).x - (b as { x: number }).x,
    )
    assert.deepEqual(inReadingOrder.map(text), original.notes, 'its notes, texts kept, in reading order')
    for (const note of notes) {
      const noteFrom = copiedFrom(note)
      assert.equal(noteFrom?.workshopId, enjeux.id)
      assert.ok(noteFrom?.shapeId.startsWith(`${original.id}-n`))
      assert.ok(!byId.has(noteFrom?.shapeId as string), 'the original note is not on the new board')
    }
  }
  // Loose notes are not enjeux: they stay behind.
  assert.ok(!records.some((r) => text(r).includes('pas encore classée')))
  assert.match(zones(records)['enjeux-retenus']?.instruction ?? '', /Enjeux — mars/)

  // The démarche lists both workshops, oldest first.
  const list = (await admin('GET', '/api/processes')).body as ListProcessesResponse
  const listed = list.find((p) => p.id === process.id)
  assert.deepEqual(
    listed?.workshops.map((w) => [w.id, w.title, w.template]),
    [
      [enjeux.id, 'Enjeux — mars', 'enjeux'],
      [chantiers.id, 'Chantiers — avril', 'chantiers'],
    ],
  )
  assert.equal(listed?.nom, 'Feuille de route Aisne')
  assert.equal(listed?.codeDepartement, '02')
})

test('startFrom must be an earlier workshop of the same démarche, for a chantiers workshop', async () => {
  const aisne = await createProcess('Aisne')
  const oise = await createProcess('Oise', '60')
  const source = await createWorkshop({ title: 'Enjeux Aisne', template: 'enjeux', processId: aisne.id })
  const elsewhere = await createWorkshop({ title: 'Enjeux Oise', template: 'enjeux', processId: oise.id })
  const refused = async (body: Record<string, unknown>, status: number, code: string) => {
    const res = await admin('POST', '/api/workshops', { title: 'Chantiers', template: 'chantiers', ...body })
    assert.equal(res.status, status, JSON.stringify(res.body))
    assert.equal(res.body.error.code, code)
    assert.match(res.body.error.message, /[a-zé]/)
    return res.body.error.message as string
  }
  assert.match(
    await refused({ processId: aisne.id, startFrom: elsewhere.id }, 422, 'start_from_invalid'),
    /même démarche/,
  )
  assert.match(
    await refused({ processId: aisne.id, startFrom: source.id, template: 'enjeux' }, 422, 'start_from_invalid'),
    /chantiers/,
  )
  assert.match(
    await refused({ processId: aisne.id, startFrom: 'A'.repeat(22) }, 422, 'start_from_invalid'),
    /introuvable/,
  )
  await refused({ startFrom: source.id }, 422, 'start_from_invalid')
  assert.match(await refused({ processId: 'B'.repeat(22) }, 422, 'unknown_process'), /Démarche introuvable/)
  await refused({ processId: aisne.id, startFrom: 'not an id' }, 400, 'invalid_body')
  await refused({ processId: 42 }, 400, 'invalid_body')
  // Nothing was created by the refused calls.
  const list = (await admin('GET', '/api/processes')).body as ListProcessesResponse
  assert.deepEqual(
    list.find((p) => p.id === aisne.id)?.workshops.map((w) => w.title),
    ['Enjeux Aisne'],
  )
})

test('démarches are validated and need the admin token', async () => {
  const bad = async (body: unknown) => {
    const res = await admin('POST', '/api/processes', body)
    assert.equal(res.status, 400, JSON.stringify(body))
    assert.equal(res.body.error.code, 'invalid_body')
  }
  await bad({})
  await bad({ nom: '' })
  await bad({ nom: 'x'.repeat(201) })
  await bad({ nom: 'Aisne\u0007' })
  await bad({ nom: 'Deux\nlignes' })
  for (const code of ['00', '20', '96', '970', '977', '2C', '1', '002', 'AB', '9A', '']) {
    await bad({ nom: 'Démarche', codeDepartement: code })
  }
  await bad({ nom: 'Démarche', perimetre: 'x'.repeat(201) })
  await bad({ nom: 'Démarche', extra: true })

  for (const [code, stored] of [
    ['01', '01'],
    ['2a', '2A'],
    ['2B', '2B'],
    ['95', '95'],
    ['971', '971'],
    ['976', '976'],
    [' 02 ', '02'],
  ]) {
    const res = await admin('POST', '/api/processes', { nom: 'Démarche', codeDepartement: code })
    assert.equal(res.status, 201, code)
    assert.equal(res.body.codeDepartement, stored)
  }
  const full = await admin('POST', '/api/processes', {
    nom: '  Feuille de route France Numérique Ensemble  ',
    perimetre: 'Département de l’Aisne',
  })
  assert.equal(full.status, 201)
  assert.equal(full.body.nom, 'Feuille de route France Numérique Ensemble')
  assert.equal(full.body.codeDepartement, null)
  assert.equal(full.body.perimetre, 'Département de l’Aisne')
  assert.match(full.body.id, /^[A-Za-z0-9_-]{22}$/)
  assert.equal(typeof full.body.createdAt, 'number')

  const anonymous = await fetch(`${server.url}/api/processes`)
  assert.equal(anonymous.status, 401)
  const wrong = await call(server.url, 'not-the-admin-token-000', 'POST', '/api/processes', { nom: 'x' })
  assert.equal(wrong.status, 401)
  assert.equal(wrong.body.error.code, 'bad_admin_token')
})
