import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { RECORDS_ARRAY } from '../../shared/boardDoc'
import { type RecordEntry, winningEntries } from '../../shared/model/boardRecords'
import { documentRecord, frameRecord, noteRecord, pageRecord } from '../../shared/model/shapeRecords'
import { gatherRecords } from './listRecords'
import { createListWriter } from './listWriter'

const entries = (doc: Y.Doc) => winningEntries(doc.getArray<RecordEntry>(RECORDS_ARRAY))
const ids = (doc: Y.Doc) => [...entries(doc).keys()].sort()

function docWith(...records: TLRecord[]): Y.Doc {
  const doc = new Y.Doc()
  const kv = new YKeyValue<TLRecord>(doc.getArray(RECORDS_ARRAY) as Y.Array<{ key: string; val: TLRecord }>)
  for (const r of records) kv.set(r.id, r)
  return doc
}

function setUp(privateNotes: boolean) {
  const frame = frameRecord({ id: 'shape:f', name: 'Enjeu' })
  const board = docWith(documentRecord(), pageRecord(), frame, noteRecord({ id: 'shape:public', text: 'publique' }))
  const own = docWith(noteRecord({ id: 'shape:mine', text: 'la mienne, privée' }))
  const others = docWith(noteRecord({ id: 'shape:theirs', text: 'privée, d’une autre' }))
  const view = () => gatherRecords(entries(board), entries(own), [entries(others)])
  const writer = createListWriter({ board, own, view, privateNotes: () => privateNotes })
  return { board, own, others, view, writer }
}

test('what the list shows: the board first, then the own drafts, then others’ drafts', () => {
  const { board, view } = setUp(false)
  new YKeyValue<unknown>(board.getArray(RECORDS_ARRAY)).set(
    'shape:mine',
    noteRecord({ id: 'shape:mine', text: 'révélée' }),
  )
  const shown = view()
  assert.equal(shown.pageId, 'page:page')
  assert.equal(shown.source.get('shape:mine'), 'board', 'revealed: shown once, from the board')
  assert.equal(shown.source.get('shape:theirs'), 'others')
  assert.deepEqual(shown.shapes.map((s) => s.id).sort(), ['shape:f', 'shape:mine', 'shape:public', 'shape:theirs'])
})

test('a new note goes to the own drafts while private writing is on; edits stay where the record is', () => {
  const { board, own, writer } = setUp(true)
  assert.deepEqual(writer.put([noteRecord({ id: 'shape:new', text: 'privée' })]), { ok: true })
  assert.ok(entries(own).has('shape:new'))
  assert.ok(!entries(board).has('shape:new'))
  assert.deepEqual(writer.put([{ ...noteRecord({ id: 'shape:public', text: 'publique' }), x: 50 }]), { ok: true })
  assert.equal((entries(board).get('shape:public')!.val as { x: number }).x, 50)
  assert.deepEqual(writer.put([{ ...noteRecord({ id: 'shape:mine', text: 'x' }), parentId: 'shape:f' } as TLRecord]), {
    ok: true,
  })
  assert.equal((entries(own).get('shape:mine')!.val as { parentId: string }).parentId, 'shape:f')
  assert.ok(!entries(board).has('shape:mine'), 'moving a private note into an enjeu keeps it private')
})

test('without private writing a new note goes to the board', () => {
  const { board, writer } = setUp(false)
  writer.put([noteRecord({ id: 'shape:new', text: 'publique' })])
  assert.ok(entries(board).has('shape:new'))
})

test('an invalid record or someone else’s private note is never written', () => {
  const { board, own, others, writer } = setUp(false)
  const before = [ids(board), ids(own), ids(others)]
  const bad = { ...noteRecord({ id: 'shape:bad', text: 'x' }), props: { color: 'fluo' } } as unknown as TLRecord
  const refused = writer.put([noteRecord({ id: 'shape:ok', text: 'ok' }), bad])
  assert.equal(refused.ok, false)
  assert.equal(!refused.ok && refused.reason, 'invalid')
  const theirs = writer.put([{ ...noteRecord({ id: 'shape:theirs', text: 'publiée ?' }), x: 9 }])
  assert.equal(!theirs.ok && theirs.reason, 'private')
  assert.equal(writer.remove(['shape:theirs']).ok, false)
  assert.deepEqual([ids(board), ids(own), ids(others)], before)
})

test('deleting a note deletes it wherever it is, with the arrows bound to it', () => {
  const { board, own, writer } = setUp(false)
  const arrowBinding = {
    id: 'binding:b',
    typeName: 'binding',
    type: 'arrow',
    fromId: 'shape:arrow',
    toId: 'shape:public',
    meta: {},
    props: { terminal: 'end', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false },
  } as unknown as TLRecord
  new YKeyValue<TLRecord>(board.getArray(RECORDS_ARRAY) as Y.Array<{ key: string; val: TLRecord }>).set(
    'binding:b',
    arrowBinding,
  )
  assert.deepEqual(writer.remove(['shape:public', 'shape:mine']), { ok: true })
  assert.ok(!entries(board).has('shape:public'))
  assert.ok(!entries(board).has('binding:b'))
  assert.ok(!entries(own).has('shape:mine'))
})
