import assert from 'node:assert/strict'
import { test } from 'node:test'
import { checkBoardRecord, createBoardSchema } from '../boardSchema'
import { authorRefusal, noteAuthor, withAuthor } from './noteAuthor'
import { frameRecord, noteRecord } from './shapeRecords'

const note = noteRecord({ id: 'shape:n', text: 'Débit faible' })

test('a stamp is read back, keeps the other marks and stays a valid tldraw record', () => {
  assert.equal(noteAuthor(note), null)
  const stamped = withAuthor({ ...note, meta: { atelier: { from: 'x' }, other: 1 } }, 'alice')
  assert.equal(noteAuthor(stamped), 'alice')
  assert.deepEqual(stamped.meta, { atelier: { from: 'x', author: 'alice' }, other: 1 })
  assert.deepEqual(checkBoardRecord(createBoardSchema(), stamped.id, stamped), { ok: true })
  assert.equal(noteAuthor(withAuthor(stamped, 'bruno')), 'bruno', 'restamping replaces')
  // Only notes have authors.
  assert.equal(noteAuthor(withAuthor(frameRecord({ id: 'shape:f', name: 'Enjeu' }), 'alice')), null)
})

test('a new note carries no author or its writer’s; never someone else’s', () => {
  assert.equal(authorRefusal(undefined, note, 'alice'), null)
  assert.equal(authorRefusal(undefined, withAuthor(note, 'alice'), 'alice'), null)
  assert.match(authorRefusal(undefined, withAuthor(note, 'bruno'), 'alice') ?? '', /writer/)
})

test('a known note keeps its author, whoever writes it; other shapes are not concerned', () => {
  const alices = withAuthor(note, 'alice')
  assert.equal(authorRefusal('alice', { ...alices, x: 40 }, 'bruno'), null, 'Bruno moves Alice’s note')
  assert.match(authorRefusal('alice', withAuthor(note, 'bruno'), 'bruno') ?? '', /cannot change/)
  assert.match(authorRefusal('alice', note, 'alice') ?? '', /cannot change/, 'the stamp cannot be removed')
  assert.match(authorRefusal(null, withAuthor(note, 'alice'), 'alice') ?? '', /cannot change/, 'nor added later')
  assert.equal(authorRefusal(null, { ...note, x: 5 }, 'alice'), null)
  assert.equal(authorRefusal('alice', frameRecord({ id: 'shape:n', name: 'x' }), 'bruno'), null)
})
