import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CHANTIER_LIMITS, defaultChantierProps } from '../../../shared/chantierShape'
import {
  ANCT_FIELDS,
  anctFilledCount,
  formatLines,
  linkSegment,
  parseCoFinancements,
  parsePartenaires,
  toggleEnjeu,
} from './chantierEdits'

test('partners are read one per line, trimmed, within the limits', () => {
  assert.deepEqual(parsePartenaires(' CAF \n\nRégion Hauts-de-France\r\n  '), ['CAF', 'Région Hauts-de-France'])
  assert.deepEqual(parsePartenaires(''), [])
  const many = Array.from({ length: 40 }, (_, i) => `P${i}`).join('\n')
  assert.equal(parsePartenaires(many).length, CHANTIER_LIMITS.partenaires)
  assert.equal(parsePartenaires('x'.repeat(500))[0]!.length, CHANTIER_LIMITS.partenaire)
  assert.deepEqual(parsePartenaires(formatLines(['A', 'B'])), ['A', 'B'])
})

test('co-funders are read one per line, within their own limits; an absent list shows empty', () => {
  assert.deepEqual(parseCoFinancements('Banque des Territoires\n  \n FEDER '), ['Banque des Territoires', 'FEDER'])
  const many = Array.from({ length: CHANTIER_LIMITS.coFinancements + 5 }, (_, i) => `F${i}`).join('\n')
  assert.equal(parseCoFinancements(many).length, CHANTIER_LIMITS.coFinancements)
  assert.equal(parseCoFinancements('y'.repeat(300))[0]!.length, CHANTIER_LIMITS.coFinancement)
  assert.equal(formatLines(undefined), '')
  assert.deepEqual(parseCoFinancements(formatLines(['CAF', 'Région'])), ['CAF', 'Région'])
})

test('the folded ANCT section counts the fields that hold something', () => {
  const card = defaultChantierProps()
  assert.equal(anctFilledCount(card), 0)
  // Absent, empty or blank: not filled in.
  assert.equal(anctFilledCount({ ...card, contexte: '  ', coFinancements: [], budgetGlobal: '' }), 0)
  assert.equal(anctFilledCount({ ...card, budgetGlobal: '12 000 €', coFinancements: ['FEDER'] }), 2)
  const all = Object.fromEntries(ANCT_FIELDS.map((f) => [f, f === 'coFinancements' ? ['FEDER'] : 'x']))
  assert.equal(anctFilledCount({ ...card, ...all }), ANCT_FIELDS.length)
})

test('linking an enjeu adds it once; unlinking removes it; the limit holds', () => {
  assert.deepEqual(toggleEnjeu([], 'shape:a', true), ['shape:a'])
  assert.deepEqual(toggleEnjeu(['shape:a'], 'shape:a', true), ['shape:a'])
  assert.deepEqual(toggleEnjeu(['shape:a', 'shape:b'], 'shape:a', false), ['shape:b'])
  const full = Array.from({ length: CHANTIER_LIMITS.enjeuIds }, (_, i) => `shape:${i}`)
  assert.deepEqual(toggleEnjeu(full, 'shape:new', true), full)
})

test('a link runs from the edge of one box to the edge of the other', () => {
  // Side by side: from the right edge of the first to the left edge of the second.
  assert.deepEqual(linkSegment({ x: 0, y: 0, w: 100, h: 100 }, { x: 300, y: 0, w: 100, h: 100 }), {
    x1: 100,
    y1: 50,
    x2: 300,
    y2: 50,
  })
  // Above / below.
  assert.deepEqual(linkSegment({ x: 0, y: 0, w: 100, h: 40 }, { x: 0, y: 200, w: 100, h: 40 }), {
    x1: 50,
    y1: 40,
    x2: 50,
    y2: 200,
  })
  // Diagonal: both ends on the boxes' borders.
  const s = linkSegment({ x: 0, y: 0, w: 100, h: 100 }, { x: 200, y: 400, w: 100, h: 100 })!
  assert.equal(s.y1, 100)
  assert.equal(s.y2, 400)
  // Overlapping or nested boxes: nothing to draw.
  assert.equal(linkSegment({ x: 0, y: 0, w: 100, h: 100 }, { x: 50, y: 50, w: 100, h: 100 }), null)
  assert.equal(linkSegment({ x: 10, y: 10, w: 20, h: 20 }, { x: 0, y: 0, w: 500, h: 500 }), null)
})
