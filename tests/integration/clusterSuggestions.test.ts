/**
 * « Suggérer des regroupements » against the real server (issue 3 §3): notes
 * written by a stock y-websocket client come back grouped by theme, whatever
 * their accents, capitals, plurals and stop words; notes already in a frame
 * (an enjeu) are left alone; only the facilitator may ask.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { TLRecord } from '@tldraw/tlschema'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import { createWorkshop, join } from '../support/api'
import { connectBoard, eventually } from '../support/boardClient'
import { call } from '../support/controlClient'
import { documentRecords, frameRecord, noteRecord } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

let server: ServerProcess
before(async () => {
  server = await startServerProcess()
})
after(async () => {
  await server.stop()
})

/** Interleaved, as they arrive on a real board; ids name the theme (c = connectivité, m = médiation). */
const NOTES: [string, string][] = [
  ['c1', 'La FIBRE optique n’arrive pas dans nos villages'],
  ['m1', 'Accompagnement des personnes âgées aux démarches en ligne'],
  ['c2', 'Débit Internet trop faible pour les entreprises'],
  ['m2', 'Les AIDANTS numériques manquent de formation'],
  ['c3', 'Le réseau mobile est instable dans les hameaux'],
  ['m3', 'Médiation numérique dans les mairies'],
  ['c4', 'Pas de 4G : des zones blanches partout'],
  ['m4', 'L’inclusion des publics fragiles passe par l’accompagnement'],
  ['c5', 'Les débits sont insuffisants, il faut la fibre'],
  ['m5', 'Former des médiateurs et des aidants'],
]
const shapeIds = (prefix: string) => NOTES.filter(([id]) => id.startsWith(prefix)).map(([id]) => `shape:${id}`)

interface Board {
  ws: CreateWorkshopResponse
  facilitator: JoinResponse
  participant: JoinResponse
  observer: JoinResponse
}

/** A workshop whose board a participant filled with `records`, stored by the server before this returns. */
async function boardWith(records: TLRecord[]): Promise<Board> {
  const ws = await createWorkshop(server.url, server.adminToken, 'Atelier enjeux')
  const [facilitator, participant, observer] = await Promise.all([
    join(server.url, ws, 'facilitator', 'Fanny'),
    join(server.url, ws, 'participant', 'Paul'),
    join(server.url, ws, 'observer', 'Olga'),
  ])
  if (records.length > 0) {
    const writer = connectBoard(server.url, ws.id, { token: participant.token })
    await writer.synced()
    writer.doc.transact(() => {
      for (const r of [...documentRecords(), ...records]) writer.put(r)
    })
    // What a second client receives, the server holds.
    const check = connectBoard(server.url, ws.id, { token: facilitator.token })
    await check.synced()
    await eventually(() => check.ids().length === 2 + records.length, 5000, 'records stored')
    writer.destroy()
    check.destroy()
  }
  return { ws, facilitator, participant, observer }
}

const suggest = (token: string, workshopId: string) =>
  call(server.url, token, 'POST', `/api/workshops/${workshopId}/cluster-suggestions`)

/** The words of a label, lower case, accents kept: "Fibre, débit, réseau" → ["fibre", "débit", "réseau"]. */
const words = (label: string) =>
  label
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean)

test('an obvious French board comes back as two themed clusters with telling labels', async () => {
  const { ws, facilitator } = await boardWith(NOTES.map(([id, text], i) => noteRecord(id, text, (i % 5) * 220, 0)))
  const { status, body } = await suggest(facilitator.token, ws.id)
  assert.equal(status, 200)
  assert.equal(body.clusters.length, 2, JSON.stringify(body))
  const connectivity = body.clusters.find((c: { noteIds: string[] }) => c.noteIds.includes('shape:c1'))
  const inclusion = body.clusters.find((c: { noteIds: string[] }) => c.noteIds.includes('shape:m1'))
  assert.ok(connectivity && inclusion && connectivity !== inclusion, JSON.stringify(body))
  assert.deepEqual(connectivity.noteIds, shapeIds('c'))
  assert.deepEqual(inclusion.noteIds, shapeIds('m'))
  assert.deepEqual(body.unclustered, [])
  // A label names its theme in the participants' own words, accents kept.
  assert.ok(
    words(connectivity.label).some((w) => ['fibre', 'débit', 'réseau', '4g'].includes(w)),
    connectivity.label,
  )
  assert.ok(
    words(inclusion.label).some((w) => ['accompagnement', 'aidants', 'médiation', 'inclusion'].includes(w)),
    inclusion.label,
  )
  assert.match(connectivity.label, /^\p{Lu}/u, 'a label starts with a capital')
})

test('notes already inside a frame (an enjeu) are not proposed again', async () => {
  const frame = frameRecord('enjeu-reseau', 'Réseaux', 0, 600)
  const inFrame = (id: string, text: string, x: number) => ({ ...noteRecord(id, text, x, 40), parentId: frame.id })
  const { ws, facilitator } = await boardWith([
    ...NOTES.map(([id, text], i) => noteRecord(id, text, (i % 5) * 220, 0)),
    frame,
    inFrame('f1', 'Fibre optique dans les collèges', 20) as TLRecord,
    inFrame('f2', 'Le débit du réseau mobile', 240) as TLRecord,
  ])
  const { status, body } = await suggest(facilitator.token, ws.id)
  assert.equal(status, 200)
  const proposed = [...body.clusters.flatMap((c: { noteIds: string[] }) => c.noteIds), ...body.unclustered]
  assert.deepEqual([...proposed].sort(), NOTES.map(([id]) => `shape:${id}`).sort())
  assert.equal(body.clusters.length, 2)
})

test('only the facilitator may ask: a participant or an observer gets 403', async () => {
  const { ws, participant, observer } = await boardWith(NOTES.map(([id, text]) => noteRecord(id, text)))
  for (const who of [participant, observer]) {
    const { status, body } = await suggest(who.token, ws.id)
    assert.equal(status, 403)
    assert.equal(body.error.code, 'forbidden_role')
    assert.equal(body.clusters, undefined, 'no suggestion leaks with the refusal')
  }
  const anonymous = await fetch(`${server.url}/api/workshops/${ws.id}/cluster-suggestions`, { method: 'POST' })
  assert.equal(anonymous.status, 401)
})

test('an empty board gives no clusters', async () => {
  const { ws, facilitator } = await boardWith([])
  const { status, body } = await suggest(facilitator.token, ws.id)
  assert.equal(status, 200)
  assert.deepEqual(body, { clusters: [], unclustered: [] })
})
