import assert from 'node:assert/strict'
import { test } from 'node:test'
import { checkBoardRecord, createBoardSchema } from '../../shared/boardSchema'
import { type ChantierShape, defaultChantierProps } from '../../shared/chantierShape'
import { deriveBoardModel } from '../../shared/model/boardModel'
import type { BoardShape } from '../../shared/model/boardShape'
import { noteAuthor, withAuthor } from '../../shared/model/noteAuthor'
import { richTextToPlain } from '../../shared/model/richText'
import { frameRecord, noteRecord, PAGE_ID } from '../../shared/model/shapeRecords'
import { chantierWithFields, movedNote, newChantier, newNote, noteWithText } from './listEdits'

const schema = createBoardSchema()
const valid = (record: { id: string }) => assert.deepEqual(checkBoardRecord(schema, record.id, record), { ok: true })
const shape = (record: unknown) => record as BoardShape

const frame = shape(frameRecord({ id: 'shape:f', name: 'Couverture réseau', x: 1000, y: 0, w: 400, h: 300 }))
const loose = shape(withAuthor(noteRecord({ id: 'shape:l', text: 'Débit faible', x: 0, y: 0 }), 'bruno'))
const board = (...more: BoardShape[]) => ({ pageId: PAGE_ID, shapes: [frame, loose, ...more] })

test('a new note straight into an enjeu: a valid stamped note inside its frame, in the model under that enjeu', () => {
  const [note, ...rest] = newNote(board(), '  Pas de fibre à Vervins ', 'alice', { kind: 'enjeu', enjeuId: 'shape:f' })
  assert.ok(note)
  valid(note)
  assert.equal(rest.length, 0, 'the frame had room')
  assert.equal(noteAuthor(note), 'alice')
  assert.equal(note.typeName === 'shape' && note.parentId, 'shape:f')
  const model = deriveBoardModel([frame, loose, note])
  assert.deepEqual(model.enjeux[0]?.noteIds, [note.id])
  assert.equal(model.notes.find((n) => n.id === note.id)?.texte, 'Pas de fibre à Vervins')
})

test('into a full enjeu: the frame grows to hold the note, and both records are valid', () => {
  const inside = shape(noteRecord({ id: 'shape:in', text: 'déjà là', x: 20, y: 20, parentId: 'shape:f' }))
  const records = newNote(board(inside), 'Zones blanches', 'alice', { kind: 'enjeu', enjeuId: 'shape:f' })
  assert.equal(records.length, 2)
  for (const r of records) valid(r)
  const grown = records[1] as unknown as BoardShape
  assert.equal(grown.id, 'shape:f')
  assert.deepEqual(grown.props, { ...frame.props, h: 460 })
})

test('moving: into an enjeu and back « à classer », text, author and style kept', () => {
  const other = shape(noteRecord({ id: 'shape:o', text: 'Autre', x: 220, y: 0 }))
  const [inFrame] = movedNote(board(other), loose, { kind: 'enjeu', enjeuId: 'shape:f' }) as unknown as BoardShape[]
  assert.ok(inFrame)
  valid(inFrame)
  assert.deepEqual({ parentId: inFrame.parentId, x: inFrame.x, y: inFrame.y }, { parentId: 'shape:f', x: 20, y: 20 })
  assert.equal(noteAuthor(inFrame), 'bruno')
  assert.deepEqual(inFrame.props, loose.props)
  // Back among the notes to cluster: on the page, beside the other loose note.
  const [back] = movedNote(board(other), inFrame, { kind: 'loose' }) as unknown as BoardShape[]
  assert.ok(back)
  valid(back)
  assert.deepEqual({ parentId: back.parentId, x: back.x, y: back.y }, { parentId: PAGE_ID, x: 440, y: 0 })
  const model = deriveBoardModel([frame, other, back])
  assert.equal(model.notes.find((n) => n.id === back.id)?.enjeuId, null)
})

test('a note’s new text', () => {
  const edited = noteWithText(loose, 'Débit très faible\nà Hirson ')
  valid(edited)
  assert.equal(richTextToPlain((edited as unknown as BoardShape).props.richText), 'Débit très faible\nà Hirson')
})

test('a chantier drafted from the list: a valid card with its fields; editing keeps the ANCT fields', () => {
  const fields = {
    titre: ' Conseillers numériques itinérants ',
    description: 'Un bus dans les communes rurales',
    porteur: 'Conseil départemental',
    partenaires: ['France Services', 'CAF'],
    echeance: '2026-06',
    enjeuIds: ['shape:f'],
  }
  const card = newChantier(board(), fields)
  valid(card)
  const model = deriveBoardModel([frame, card])
  assert.deepEqual(model.chantiers[0]?.enjeuIds, ['shape:f'])
  assert.equal(model.chantiers[0]?.titre, 'Conseillers numériques itinérants')
  const withAnct = shape({ ...card, props: { ...(card as ChantierShape).props, budgetGlobal: '12 000 €' } })
  const edited = chantierWithFields(withAnct, { ...fields, porteur: 'Région', enjeuIds: [] })
  valid(edited)
  assert.deepEqual((edited as unknown as BoardShape).props, {
    ...defaultChantierProps(),
    ...fields,
    titre: 'Conseillers numériques itinérants',
    porteur: 'Région',
    enjeuIds: [],
    budgetGlobal: '12 000 €',
  })
  // The next card goes beside it.
  const next = newChantier(board(shape(card)), { ...fields, titre: 'Autre' }) as unknown as BoardShape
  const first = card as unknown as BoardShape
  assert.deepEqual([next.x, next.y], [first.x + 380, first.y])
})
