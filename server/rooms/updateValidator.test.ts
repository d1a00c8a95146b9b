import assert from 'node:assert/strict'
import { test } from 'node:test'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { META_MAP, RECORDS_ARRAY, SCHEMA_KEY } from '../../shared/boardDoc'
import { createBoardSchema } from '../../shared/boardSchema'
import { documentRecords, noteRecord } from '../../tests/support/records'
import { checkUpdate } from './updateValidator'

const schema = createBoardSchema()

function roomDoc(): Y.Doc {
  const doc = new Y.Doc({ gc: true })
  doc.getArray(RECORDS_ARRAY)
  doc.getMap(META_MAP)
  return doc
}

/** The update a client produces for `edit`, starting from `base`'s state. */
function clientUpdate(base: Y.Doc, edit: (kv: YKeyValue<unknown>, doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  const kv = new YKeyValue<unknown>(doc.getArray(RECORDS_ARRAY))
  doc.transact(() => edit(kv, doc))
  return Y.encodeStateAsUpdate(doc, before)
}

test('accepts valid tldraw records and the schema, then edits and deletes on top of them', () => {
  const room = roomDoc()
  const first = clientUpdate(room, (kv, doc) => {
    for (const r of documentRecords()) kv.set(r.id, r)
    kv.set('shape:n1', noteRecord('n1', 'Débit insuffisant'))
    doc.getMap(META_MAP).set(SCHEMA_KEY, schema.serialize())
  })
  assert.deepEqual(checkUpdate(room, schema, first), { ok: true, empty: false, deletesOnly: false })
  Y.applyUpdate(room, first)
  const move = clientUpdate(room, (kv) => kv.set('shape:n1', { ...noteRecord('n1', 'Débit insuffisant'), x: 50 }))
  assert.deepEqual(checkUpdate(room, schema, move), { ok: true, empty: false, deletesOnly: false })
  Y.applyUpdate(room, move)
  const remove = clientUpdate(room, (kv) => kv.delete('shape:n1'))
  assert.deepEqual(checkUpdate(room, schema, remove), { ok: true, empty: false, deletesOnly: true })
})

test('an empty update is recognised as such', () => {
  assert.deepEqual(checkUpdate(roomDoc(), schema, new Uint8Array([0, 0])), {
    ok: true,
    empty: true,
    deletesOnly: false,
  })
})

test('refuses records that fail tldraw validation, session records and foreign asset sources', () => {
  const room = roomDoc()
  const note = noteRecord('a', 'x') as unknown as { props: object }
  const bad: [string, unknown][] = [
    ['shape:a', { ...note, props: { ...note.props, color: 'nope' } }],
    ['shape:b', { ...noteRecord('b', 'x'), type: 'unknown-shape' }],
    ['shape:c', noteRecord('other', 'x')],
    ['camera:page:page', { id: 'camera:page:page', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} }],
    [
      'asset:x',
      {
        id: 'asset:x',
        typeName: 'asset',
        type: 'image',
        meta: {},
        props: { name: 'x', src: 'https://evil.example/x.png', w: 1, h: 1, mimeType: 'image/png', isAnimated: false },
      },
    ],
  ]
  for (const [key, value] of bad) {
    const check = checkUpdate(
      room,
      schema,
      clientUpdate(room, (kv) => kv.set(key, value)),
    )
    assert.equal(check.ok, false, `should refuse ${key}`)
  }
})

test('refuses other root types, nested types and other content kinds', () => {
  const room = roomDoc()
  const cases: ((doc: Y.Doc) => void)[] = [
    (doc) => doc.getMap('elsewhere').set('x', 1),
    (doc) => doc.getText(`${RECORDS_ARRAY}x`).insert(0, 'hello'),
    (doc) => doc.getArray(RECORDS_ARRAY).push([new Y.Map()]),
    (doc) => doc.getArray(RECORDS_ARRAY).push(['plain string']),
    (doc) => doc.getMap(META_MAP).set('other', { a: 1 }),
  ]
  for (const edit of cases) {
    const update = clientUpdate(room, (_kv, doc) => edit(doc))
    assert.equal(checkUpdate(room, schema, update).ok, false)
  }
})

test('refuses updates that would leave pending structs or deletions', () => {
  const room = roomDoc()
  const client = new Y.Doc()
  const kv = new YKeyValue<unknown>(client.getArray(RECORDS_ARRAY))
  kv.set('shape:n1', noteRecord('n1', 'a'))
  const before = Y.encodeStateVector(client)
  kv.set('shape:n2', noteRecord('n2', 'b'))
  const second = Y.encodeStateAsUpdate(client, before)
  assert.deepEqual(checkUpdate(room, schema, second), {
    ok: false,
    reason: 'update depends on missing structs',
    missing: true,
  })

  const deleter = new Y.Doc()
  Y.applyUpdate(deleter, Y.encodeStateAsUpdate(client))
  const sv = Y.encodeStateVector(deleter)
  new YKeyValue<unknown>(deleter.getArray(RECORDS_ARRAY)).delete('shape:n1')
  const deletionOnly = Y.encodeStateAsUpdate(deleter, sv)
  assert.equal(checkUpdate(room, schema, deletionOnly).ok, false)
})

test('refuses V2 encodings and garbage without throwing', () => {
  const room = roomDoc()
  const client = new Y.Doc()
  new YKeyValue<unknown>(client.getArray(RECORDS_ARRAY)).set('shape:n1', noteRecord('n1', 'a'))
  const inputs = [
    Y.encodeStateAsUpdateV2(client),
    new Uint8Array([]),
    new Uint8Array([255, 255, 255, 255, 15]),
    crypto.getRandomValues(new Uint8Array(64)),
  ]
  for (const input of inputs) assert.equal(checkUpdate(room, schema, input).ok, false)
})
