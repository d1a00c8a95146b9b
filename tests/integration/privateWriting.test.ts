/**
 * Private writing (issue 3 §3): while it is on, a participant's notes live in
 * their own drafts document, which no other participant and no observer can
 * open; they survive the author leaving and a kill -9; the facilitator reads
 * them; revealing (or turning private writing off, or leaving écriture) moves
 * them into the board, exactly once, and empties the drafts. The control
 * document only ever carries counts. Stock y-websocket clients, real server.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import { draftsDocName, RECORDS_ARRAY } from '../../shared/boardDoc'
import { CloseCodes } from '../../shared/protocol'
import { createWorkshop, join } from '../support/api'
import { type BoardClient, connectBoard, eventually } from '../support/boardClient'
import { type ControlClient, call, connectControl } from '../support/controlClient'
import { readStoredDoc } from '../support/dataFile'
import { syncUrl, upgradeOutcome } from '../support/rawSocket'
import { documentRecords, noteRecord } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

// Each stock provider adds a process 'exit' listener; about fifty are expected here (the figure test), not a leak.
process.setMaxListeners(64)

let server: ServerProcess
const clients: Array<BoardClient | ControlClient> = []
before(async () => {
  server = await startServerProcess()
})
after(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

const api = (token: string, method: string, path: string, body?: unknown) => call(server.url, token, method, path, body)

// BroadcastChannel off: in-process providers of one room would otherwise share updates without the server.
function board(workshopId: string, token: string): BoardClient {
  const c = connectBoard(server.url, workshopId, { token, disableBc: true })
  clients.push(c)
  return c
}
function drafts(workshopId: string, owner: JoinResponse, token: string, connect = true): BoardClient {
  const c = connectBoard(server.url, workshopId, {
    token,
    disableBc: true,
    room: draftsDocName(workshopId, owner.participantId),
    connect,
  })
  clients.push(c)
  return c
}
function control(workshopId: string, token: string): ControlClient {
  const c = connectControl(server.url, workshopId, token)
  clients.push(c)
  return c
}

/**
 * Whether `text` ever reached this document: in any update it received (raw
 * bytes) or in its content after one (JSON). Set once, never cleared.
 */
function everHeld(doc: Y.Doc, text: string): { seen: boolean } {
  const witness = { seen: false }
  const check = (update?: Uint8Array) => {
    if (update && Buffer.from(update).includes(text)) witness.seen = true
    if (JSON.stringify(doc.toJSON()).includes(text)) witness.seen = true
  }
  check()
  doc.on('update', check)
  return witness
}

/** How many entries of the records array carry this key (2 would be a duplicate). */
const entriesOf = (doc: Y.Doc, key: string) =>
  doc
    .getArray<{ key: string }>(RECORDS_ARRAY)
    .toArray()
    .filter((e) => e.key === key).length

const noteText = (record: TLRecord | undefined) => JSON.stringify((record as { props?: unknown } | undefined)?.props)

interface Cast {
  ws: CreateWorkshopResponse
  fanny: JoinResponse
  alice: JoinResponse
  bruno: JoinResponse
  olga: JoinResponse
}

/** A workshop with an initialised board, a facilitator, two participants and an observer. */
async function cast(): Promise<Cast> {
  const ws = await createWorkshop(server.url, server.adminToken, 'Atelier écriture privée', 'enjeux')
  const [fanny, alice, bruno, olga] = await Promise.all([
    join(server.url, ws, 'facilitator', 'Fanny'),
    join(server.url, ws, 'participant', 'Alice'),
    join(server.url, ws, 'participant', 'Bruno'),
    join(server.url, ws, 'observer', 'Olga'),
  ])
  const init = board(ws.id, fanny.token)
  await init.synced()
  init.doc.transact(() => {
    for (const r of documentRecords()) init.put(r)
  })
  return { ws, fanny, alice, bruno, olga }
}

const privateWriting = (c: ControlClient) =>
  c.get('privateWriting') as { active: boolean; authors: number; notes: number }

test('private notes reach nobody but their author and the facilitator, survive kill -9, and are revealed once', async () => {
  const { ws, fanny, alice, bruno, olga } = await cast()
  const base = `/api/workshops/${ws.id}/private-writing`
  const SECRET = 'Brouillon secret'

  // Everything another participant or an observer receives, from now on.
  const brunoBoard = board(ws.id, bruno.token)
  const olgaBoard = board(ws.id, olga.token)
  const brunoControl = control(ws.id, bruno.token)
  const olgaControl = control(ws.id, olga.token)
  await Promise.all([brunoBoard.synced(), olgaBoard.synced(), brunoControl.synced(), olgaControl.synced()])
  const leaks = [brunoBoard, olgaBoard, brunoControl, olgaControl].map((c) => everHeld(c.doc, SECRET))

  // Only the facilitator turns it on, with a valid body.
  assert.equal((await api(alice.token, 'POST', base, { active: true })).body.error.code, 'forbidden_role')
  assert.equal((await api(fanny.token, 'POST', base, { active: 'oui' })).status, 400)
  const on = await api(fanny.token, 'POST', base, { active: true })
  assert.equal(on.status, 200)
  assert.deepEqual(on.body.privateWriting, { active: true, authors: 0, notes: 0 })

  // Alice writes two notes into her drafts.
  const aliceDrafts = drafts(ws.id, alice, alice.token)
  await aliceDrafts.synced()
  aliceDrafts.doc.transact(() => {
    aliceDrafts.put(noteRecord('a1', `${SECRET} 1 : fibre`, 0, 0, 'a1'))
    aliceDrafts.put(noteRecord('a2', `${SECRET} 2 : aidants`, 250, 0, 'a2'))
  })
  const fannyControl = control(ws.id, fanny.token)
  await eventually(
    () => JSON.stringify(privateWriting(fannyControl)) === JSON.stringify({ active: true, authors: 1, notes: 2 }),
    5000,
    'counts published',
  )
  const authors = await api(fanny.token, 'GET', `${base}/authors`)
  assert.deepEqual(authors.body, [{ participantId: alice.participantId, name: 'Alice', notes: 2 }])
  assert.equal((await api(alice.token, 'GET', `${base}/authors`)).status, 403)

  // Nobody else may even open Alice's drafts; only real drafts paths exist.
  const aliceDraftsUrl = (token: string) =>
    syncUrl(server.url, `/sync/${draftsDocName(ws.id, alice.participantId)}`, token)
  assert.equal(await upgradeOutcome(aliceDraftsUrl(bruno.token)), 403)
  assert.equal(await upgradeOutcome(aliceDraftsUrl(olga.token)), 403)
  assert.equal(await upgradeOutcome(syncUrl(server.url, `/sync/${ws.id}/drafts/${'x'.repeat(22)}`, fanny.token)), 404)
  assert.equal(await upgradeOutcome(syncUrl(server.url, `/sync/${ws.id}/drafts`, fanny.token)), 404)
  assert.equal(
    await upgradeOutcome(syncUrl(server.url, `/sync/${ws.id}/board/${alice.participantId}`, fanny.token)),
    404,
  )
  // Olga's own "drafts": observers write nothing, so have none.
  assert.equal(
    await upgradeOutcome(syncUrl(server.url, `/sync/${draftsDocName(ws.id, olga.participantId)}`, olga.token)),
    403,
  )

  // The facilitator reads them, read-only.
  const fannyReads = drafts(ws.id, alice, fanny.token)
  await eventually(() => fannyReads.ids().length === 2, 5000, 'facilitator reads the drafts')
  assert.equal(leaks.filter((l) => l.seen).length, 0, 'a private note reached another participant or an observer')
  fannyReads.put(noteRecord('forged', 'écrit par l’animatrice dans les brouillons'))
  await eventually(() => fannyReads.closes.some((c) => c.code === CloseCodes.readOnly.code), 5000, 'closed with 4403')
  fannyReads.destroy()

  // Alice leaves; the server is killed -9 and restarted.
  aliceDrafts.destroy()
  await server.kill()
  server = await server.restart()
  const afterCrash = drafts(ws.id, alice, alice.token)
  await afterCrash.synced()
  assert.deepEqual(afterCrash.ids(), ['shape:a1', 'shape:a2'])
  // Counts are recomputed from the stored drafts by the fresh server.
  const freshControl = control(ws.id, fanny.token)
  await freshControl.synced()
  assert.deepEqual(privateWriting(freshControl), { active: true, authors: 1, notes: 2 })

  // Reveal: into every board exactly once, out of the drafts.
  const aliceBoard = board(ws.id, alice.token)
  const fannyBoard = board(ws.id, fanny.token)
  await Promise.all([aliceBoard.synced(), fannyBoard.synced(), brunoBoard.synced(), olgaBoard.synced()])
  assert.equal(leaks.filter((l) => l.seen).length, 0, 'a private note reached another participant or an observer')
  const reveal = await api(fanny.token, 'POST', `${base}/reveal`)
  assert.deepEqual(reveal.body, { revealed: 2 })
  for (const c of [aliceBoard, fannyBoard, brunoBoard, olgaBoard]) {
    await eventually(
      () => entriesOf(c.doc, 'shape:a1') === 1 && entriesOf(c.doc, 'shape:a2') === 1,
      5000,
      'revealed notes on every board',
    )
  }
  assert.match(noteText(brunoBoard.get('shape:a1')), /fibre/)
  await eventually(() => afterCrash.ids().length === 0, 5000, 'drafts emptied')
  await eventually(
    () => JSON.stringify(privateWriting(freshControl)) === JSON.stringify({ active: true, authors: 0, notes: 0 }),
    5000,
    'counts back to zero',
  )
  assert.deepEqual(
    readStoredDoc(server.dataDir, draftsDocName(ws.id, alice.participantId)).getArray(RECORDS_ARRAY).toArray(),
    [],
  )
  // Idempotent: nothing left to reveal, nothing duplicated.
  assert.deepEqual((await api(fanny.token, 'POST', `${base}/reveal`)).body, { revealed: 0 })
  assert.equal(entriesOf(fannyBoard.doc, 'shape:a1'), 1)

  // The control document carried counts, never a note, to anyone.
  for (const c of [brunoControl, olgaControl, freshControl]) {
    assert.deepEqual(Object.keys(privateWriting(c)).sort(), ['active', 'authors', 'notes'])
    assert.equal(c.json().includes(SECRET), false)
  }
})

test('leaving écriture reveals; a drafts write while private writing is off goes to the board at once', async () => {
  const { ws, fanny, alice, bruno } = await cast()
  const base = `/api/workshops/${ws.id}`
  await api(fanny.token, 'POST', `${base}/private-writing`, { active: true })
  const aliceDrafts = drafts(ws.id, alice, alice.token)
  await aliceDrafts.synced()
  aliceDrafts.put(noteRecord('p1', 'Tiers-lieux à mailler'))
  const fannyControl = control(ws.id, fanny.token)
  await eventually(() => privateWriting(fannyControl)?.notes === 1, 5000, 'one private note counted')

  const next = await api(fanny.token, 'POST', `${base}/phase`, { phase: 'regroupement' })
  assert.equal(next.status, 200)
  assert.deepEqual(next.body.privateWriting, { active: false, authors: 0, notes: 0 })
  const brunoBoard = board(ws.id, bruno.token)
  await eventually(() => brunoBoard.get('shape:p1') !== undefined, 5000, 'revealed on leaving écriture')
  await eventually(() => aliceDrafts.ids().length === 0, 5000, 'drafts emptied')

  // Private writing exists during écriture only.
  const refused = await api(fanny.token, 'POST', `${base}/private-writing`, { active: true })
  assert.equal(refused.status, 409)
  assert.equal(refused.body.error.code, 'not_writing_phase')

  // An author's late write to their drafts (an offline edit coming back) does not stay hidden.
  aliceDrafts.put(noteRecord('late', 'Écrit hors ligne'))
  await eventually(() => brunoBoard.get('shape:late') !== undefined, 5000, 'late draft moved to the board')
  await eventually(() => aliceDrafts.ids().length === 0, 5000, 'drafts emptied again')
  await eventually(() => privateWriting(fannyControl)?.notes === 0, 5000, 'nothing counted')

  // Back to écriture: private writing stays off until the facilitator turns it on; turning it off reveals.
  const back = await api(fanny.token, 'POST', `${base}/phase`, { phase: 'ecriture' })
  assert.equal(back.body.privateWriting.active, false)
  await api(fanny.token, 'POST', `${base}/private-writing`, { active: true })
  aliceDrafts.put(noteRecord('p2', 'Médiation numérique'))
  await eventually(() => privateWriting(fannyControl)?.notes === 1, 5000, 'counted')
  assert.equal(brunoBoard.get('shape:p2'), undefined)
  const off = await api(fanny.token, 'POST', `${base}/private-writing`, { active: false })
  assert.deepEqual(off.body.privateWriting, { active: false, authors: 0, notes: 0 })
  await eventually(() => brunoBoard.get('shape:p2') !== undefined, 5000, 'revealed when turned off')
})

test('an edit racing the reveal ends in the board; a locked board refuses drafts writes', async () => {
  const { ws, fanny, alice, bruno } = await cast()
  const base = `/api/workshops/${ws.id}`
  await api(fanny.token, 'POST', `${base}/private-writing`, { active: true })
  const aliceDrafts = drafts(ws.id, alice, alice.token)
  await aliceDrafts.synced()
  aliceDrafts.put(noteRecord('r1', 'Première version'))
  const fannyReads = drafts(ws.id, alice, fanny.token)
  await eventually(() => fannyReads.get('shape:r1') !== undefined, 5000, 'stored in the drafts')

  // Alice edits her draft offline while the facilitator reveals it.
  aliceDrafts.provider.disconnect()
  aliceDrafts.put(noteRecord('r1', 'Version corrigée'))
  assert.deepEqual((await api(fanny.token, 'POST', `${base}/private-writing/reveal`)).body, { revealed: 1 })
  const brunoBoard = board(ws.id, bruno.token)
  await eventually(() => /Première/.test(noteText(brunoBoard.get('shape:r1'))), 5000, 'revealed')

  // Her edit comes back into the drafts, though the board has the note: it moves on to the board.
  aliceDrafts.provider.connect()
  await eventually(
    () => /corrigée/.test(noteText(brunoBoard.get('shape:r1'))),
    5000,
    'the newer edit wins on the board',
  )
  await eventually(() => fannyReads.ids().length === 0, 5000, 'and leaves the drafts')
  assert.equal(entriesOf(brunoBoard.doc, 'shape:r1'), 1)

  // While the board is locked, participants write no drafts either.
  await api(fanny.token, 'POST', `${base}/lock`, { locked: true })
  aliceDrafts.put(noteRecord('locked', 'Pendant le verrouillage'))
  await eventually(
    () => aliceDrafts.closes.some((c) => c.code === CloseCodes.boardLocked.code),
    5000,
    'drafts write refused with 4423',
  )
  assert.equal(fannyReads.get('shape:locked'), undefined)
})

test('figure: revealing 300 notes from 30 authors puts each on the board exactly once', async () => {
  const { ws, fanny } = await cast()
  const AUTHORS = 30
  const NOTES = 10
  await api(fanny.token, 'POST', `/api/workshops/${ws.id}/private-writing`, { active: true })
  const people = await Promise.all(
    Array.from({ length: AUTHORS }, (_, i) => join(server.url, ws, 'participant', `Auteur ${i}`)),
  )
  const writers = people.map((p) => drafts(ws.id, p, p.token))
  await Promise.all(writers.map((w) => w.synced()))
  for (const [i, w] of writers.entries()) {
    w.doc.transact(() => {
      for (let k = 0; k < NOTES; k++) w.put(noteRecord(`p${i}n${k}`, `Note ${k} de l’auteur ${i}`, k * 220, i * 220))
    })
  }
  const fannyControl = control(ws.id, fanny.token)
  await eventually(() => privateWriting(fannyControl)?.notes === AUTHORS * NOTES, 10_000, 'all counted')
  assert.equal(privateWriting(fannyControl).authors, AUTHORS)

  const watcher = board(ws.id, fanny.token)
  await watcher.synced()
  const started = performance.now()
  const reveal = await api(fanny.token, 'POST', `/api/workshops/${ws.id}/private-writing/reveal`)
  const answered = performance.now() - started
  assert.deepEqual(reveal.body, { revealed: AUTHORS * NOTES })
  await eventually(() => watcher.ids().filter((id) => id.startsWith('shape:p')).length === AUTHORS * NOTES, 10_000)
  const onBoard = performance.now() - started
  console.log(
    `figure: reveal of ${AUTHORS * NOTES} notes from ${AUTHORS} authors answered in ${answered.toFixed(0)} ms, all on another client's board after ${onBoard.toFixed(0)} ms`,
  )
  for (let i = 0; i < AUTHORS; i++) assert.equal(entriesOf(watcher.doc, `shape:p${i}n0`), 1)
  await eventually(() => writers.every((w) => w.ids().length === 0), 10_000, 'every drafts emptied')
  for (const w of writers) w.destroy()
})
