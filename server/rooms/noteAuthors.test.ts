import assert from 'node:assert/strict'
import { test } from 'node:test'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { RECORDS_ARRAY } from '../../shared/boardDoc'
import { createBoardSchema } from '../../shared/boardSchema'
import type { RecordEntry } from '../../shared/model/boardRecords'
import { withAuthor } from '../../shared/model/noteAuthor'
import { noteRecord } from '../../shared/model/shapeRecords'
import { NoteAuthors } from './noteAuthors'
import { checkUpdate } from './updateValidator'

const schema = createBoardSchema()
const note = (author?: string, x = 0) => {
  const record = noteRecord({ id: 'shape:n', text: 'Débit faible', x })
  return author ? withAuthor(record, author) : record
}

/** A room's document and its memory of authors, checking and applying clients' edits as Room.write does. */
function room() {
  const doc = new Y.Doc({ gc: true })
  const authors = new NoteAuthors(doc.getArray<RecordEntry>(RECORDS_ARRAY))
  return {
    /** The edit `writer` makes on a copy of the room's state: refused (reason) or applied (null). */
    write(writer: string, edit: (kv: YKeyValue<unknown>) => void): string | null {
      const client = new Y.Doc()
      Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
      const before = Y.encodeStateVector(client)
      const kv = new YKeyValue<unknown>(client.getArray(RECORDS_ARRAY))
      client.transact(() => edit(kv))
      const update = Y.encodeStateAsUpdate(client, before)
      const check = checkUpdate(doc, schema, update, (key, value) => authors.refusal(key, value, writer))
      if (!check.ok) return check.reason
      Y.applyUpdate(doc, update)
      return null
    },
  }
}

test('a new note may carry its writer as author, or none; not someone else', () => {
  const r = room()
  assert.match(r.write('alice', (kv) => kv.set('shape:n', note('bruno'))) ?? '', /writer/)
  assert.equal(
    r.write('alice', (kv) => kv.set('shape:n', note('alice'))),
    null,
  )
  const unstamped = room()
  assert.equal(
    unstamped.write('alice', (kv) => kv.set('shape:n', note())),
    null,
  )
})

test('the author sticks: others edit the note, nobody restamps it, not even once it was deleted', () => {
  const r = room()
  assert.equal(
    r.write('alice', (kv) => kv.set('shape:n', note('alice'))),
    null,
  )
  assert.equal(
    r.write('bruno', (kv) => kv.set('shape:n', note('alice', 50))),
    null,
    'Bruno moves it',
  )
  assert.match(r.write('bruno', (kv) => kv.set('shape:n', note('bruno', 50))) ?? '', /cannot change/)
  assert.equal(
    r.write('alice', (kv) => kv.delete('shape:n')),
    null,
  )
  // Brought back (Bruno's undo, or his edit racing the delete): as it was, or refused.
  assert.match(r.write('bruno', (kv) => kv.set('shape:n', note('bruno'))) ?? '', /cannot change/)
  assert.equal(
    r.write('bruno', (kv) => kv.set('shape:n', note('alice'))),
    null,
  )
})

test('notes already in the document when the room loads are remembered', () => {
  const doc = new Y.Doc({ gc: true })
  new YKeyValue<unknown>(doc.getArray(RECORDS_ARRAY)).set('shape:n', note('alice'))
  const authors = new NoteAuthors(doc.getArray<RecordEntry>(RECORDS_ARRAY))
  assert.match(authors.refusal('shape:n', note('bruno'), 'bruno') ?? '', /cannot change/)
  assert.equal(authors.refusal('shape:n', note('alice', 9), 'bruno'), null)
})
