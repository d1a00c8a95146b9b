/**
 * The live board model of a tldraw store: it follows the shapes and the
 * visible vote, derives nothing again for anything else, leaves private
 * drafts out — and what it costs on a board of 2,000 notes (a figure printed,
 * not a pass/fail).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createTLStore, type TLRecord, type TLShapeId } from 'tldraw'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { RECORDS_ARRAY } from '../../shared/boardDoc'
import type { ControlState, VoteResults, VoteSessionState } from '../../shared/control'
import { deriveBoardModel } from '../../shared/model/boardModel'
import { chantierRecord, documentRecords, frameRecord, noteRecord } from '../../tests/support/records'
import { boardModelSource } from './boardModelSource'
import { boardShapeUtils } from './chantier/boardShapes'
import { createRecordView } from './drafts/recordView'
import { modelVote } from './modelVote'
import { RejectionLog } from './recordGate'

function boardStore(records: TLRecord[] = []) {
  const store = createTLStore({ shapeUtils: boardShapeUtils })
  store.put([...documentRecords(), ...records])
  return store
}

const session: VoteSessionState = {
  id: 'vote-1',
  status: 'closed',
  targets: 'chantiers',
  targetIds: ['shape:c1'],
  votesPerPerson: 3,
  maxPerItem: 3,
  hideResults: true,
  anonymous: false,
  openedAt: 1,
  closedAt: 2,
}
const results: VoteResults = {
  sessionId: 'vote-1',
  ranking: [{ targetId: 'shape:c1', votes: 4, rank: 1, byCollege: { etat: 4 } }],
  participation: { participants: 3, voters: 2, byCollege: {} },
}

test('the model follows the shapes: a note written, then moved into a frame', () => {
  const store = boardStore([frameRecord('f1', 'Couverture réseau', 0, 0)])
  const { model } = boardModelSource(store)
  assert.equal(boardModelSource(store), boardModelSource(store), 'one source per store')
  assert.deepEqual(
    model.get().enjeux.map((e) => [e.titre, e.noteIds]),
    [['Couverture réseau', []]],
  )

  store.put([noteRecord('n1', 'Pas de fibre', 2000, 0)])
  assert.deepEqual(
    model.get().notes.map((n) => [n.id, n.texte, n.enjeuId]),
    [['shape:n1', 'Pas de fibre', null]],
  )
  const note = store.get('shape:n1' as TLShapeId)!
  store.put([{ ...note, parentId: 'shape:f1' as TLShapeId, x: 20, y: 40 }])
  assert.deepEqual(model.get().enjeux[0]!.noteIds, ['shape:n1'])
  assert.equal(model.get().notes[0]!.enjeuId, 'shape:f1')
})

test('nothing but shapes and the visible vote derives the model again', () => {
  const store = boardStore([chantierRecord('c1', { titre: 'Fibre partout' })])
  const source = boardModelSource(store)
  const before = source.model.get()
  // Camera, instance state and pointer: session records the board model does not read.
  const camera = store.allRecords().find((r) => r.typeName === 'camera')
  if (camera) store.put([{ ...camera, x: 400, z: 0.5 } as TLRecord])
  store.put([{ id: 'pointer:pointer', typeName: 'pointer', x: 10, y: 20, lastActivityTimestamp: 1, meta: {} } as never])
  assert.equal(source.model.get(), before)

  source.setVote(modelVote({ vote: session, results } as ControlState))
  const voted = source.model.get()
  assert.notEqual(voted, before)
  assert.deepEqual(voted.chantiers[0]!.votes, { votes: 4, rang: 1, parCollege: { etat: 4 } })
  // The control document is read anew on every change: the same vote again is no change.
  source.setVote(modelVote(structuredClone({ vote: session, results }) as ControlState))
  assert.equal(source.model.get(), voted)
  source.setVote(null)
  assert.equal(source.model.get().chantiers[0]!.votes, null)
})

test('the vote is taken only with results of the published session', () => {
  assert.equal(modelVote(null), null)
  assert.equal(modelVote({ vote: session, results: null } as ControlState), null)
  assert.equal(modelVote({ vote: null, results } as ControlState), null)
  assert.equal(modelVote({ vote: { ...session, id: 'vote-2' }, results } as ControlState), null)
  assert.deepEqual(modelVote({ vote: session, results } as ControlState), { session, results })
})

test('notes still in a drafts document (private writing) are not in the model', () => {
  const store = boardStore()
  const view = createRecordView({ store, log: new RejectionLog(() => {}), isPending: () => false })
  const docOf = (records: TLRecord[]) => {
    const doc = new Y.Doc()
    const kv = new YKeyValue<TLRecord>(doc.getArray(RECORDS_ARRAY))
    for (const r of records) kv.set(r.id, r)
    return doc.getArray(RECORDS_ARRAY) as never
  }
  view.follow('board', docOf([noteRecord('shared', 'Sur le tableau')]))
  view.follow('own', docOf([noteRecord('mine', 'Encore privée', 300, 0)]))
  assert.equal(store.has('shape:mine' as TLShapeId), true, 'the author sees their private note')
  assert.deepEqual(
    boardModelSource(store)
      .model.get()
      .notes.map((n) => n.id),
    ['shape:shared'],
  )
  view.dispose()
})

test('figure: recomputing the model of a board of 2,000 notes', (t) => {
  const frames = Array.from({ length: 20 }, (_, i) => frameRecord(`f${i}`, `Enjeu ${i}`, (i % 5) * 1200, 0))
  const notes = Array.from({ length: 2000 }, (_, i) => {
    const inFrame = i % 4 !== 0
    const n = noteRecord(`n${i}`, `Constat numéro ${i} sur le territoire`, (i % 10) * 220, Math.floor(i / 10) * 220)
    return inFrame ? { ...n, parentId: `shape:f${i % 20}` as TLShapeId } : n
  })
  const chantiers = Array.from({ length: 100 }, (_, i) =>
    chantierRecord(`c${i}`, { titre: `Chantier ${i}`, enjeuIds: [`shape:f${i % 20}`] }, i * 400, 10_000),
  )
  const store = boardStore([...frames, ...notes, ...chantiers] as TLRecord[])
  const { model } = boardModelSource(store)

  let start = performance.now()
  const first = model.get()
  const firstMs = performance.now() - start
  assert.equal(first.notes.length, 2000)
  assert.equal(first.chantiers.length, 100)

  // One note dragged a little, as on every pointer move of a drag (the first moves warm the JIT up).
  const times: number[] = []
  for (let i = 0; i < 200; i++) {
    const note = store.get('shape:n7' as TLShapeId)!
    store.put([{ ...note, x: note.x + 1 }])
    start = performance.now()
    model.get()
    times.push(performance.now() - start)
  }
  const warm = times.slice(100).sort((a, b) => a - b)
  const median = warm[Math.floor(warm.length / 2)]!
  // The same records through the bare function, for comparison.
  const records = store.query.records('shape').get()
  start = performance.now()
  for (let i = 0; i < 20; i++) deriveBoardModel(records)
  const bareMs = (performance.now() - start) / 20
  t.diagnostic(
    `board model, 2,000 notes / 20 enjeux / 100 chantiers: first ${firstMs.toFixed(1)} ms, ` +
      `recompute after a move median ${median.toFixed(1)} ms (slowest ${warm.at(-1)!.toFixed(1)} ms, first moves ${times[0]!.toFixed(1)} ms), ` +
      `deriveBoardModel alone ${bareMs.toFixed(1)} ms (mean of 20)`,
  )
})
