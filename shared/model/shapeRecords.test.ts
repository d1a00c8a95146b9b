import assert from 'node:assert/strict'
import { test } from 'node:test'
import { checkBoardRecord, createBoardSchema } from '../boardSchema'
import { richTextToPlain } from './richText'
import {
  documentRecord,
  frameRecord,
  indexKey,
  noteRecord,
  pageRecord,
  rectangleRecord,
  richText,
  textRecord,
} from './shapeRecords'

const schema = createBoardSchema()

function assertValid(record: { id: string }): void {
  assert.deepEqual(checkBoardRecord(schema, record.id, record), { ok: true }, record.id)
}

test('every builder makes a record the board schema accepts', () => {
  const records = [
    documentRecord(),
    pageRecord(),
    noteRecord({ id: 'shape:n', text: 'Fibre absente\nen zone rurale' }),
    noteRecord({
      id: 'shape:n2',
      text: richText('déjà riche'),
      parentId: 'shape:f',
      color: 'blue',
      growY: 40,
      scale: 2,
    }),
    frameRecord({ id: 'shape:f', name: 'Couverture réseau', w: 500, h: 260, x: 10, y: -20 }),
    textRecord({ id: 'shape:t', text: 'Titre', bold: true, size: 'xl', font: 'sans' }),
    textRecord({ id: 'shape:t2', text: 'Consigne qui revient à la ligne', w: 400, isLocked: true }),
    rectangleRecord({
      id: 'shape:r',
      w: 900,
      h: 600,
      label: 'Parking',
      fill: 'semi',
      dash: 'dashed',
      color: 'grey',
      isLocked: true,
      meta: { atelier: { zone: 'parking', part: 'area' } },
    }),
    rectangleRecord({ id: 'shape:r2', w: 10, h: 10 }),
  ]
  for (const record of records) assertValid(record)
})

test('rich text keeps lines and accents; bold marks every run', () => {
  assert.equal(richTextToPlain(richText('L’accès aux démarches\n\nen ligne')), 'L’accès aux démarches\nen ligne')
  const bold = richText('Écrire les constats', { bold: true })
  assert.deepEqual(bold.content[0], {
    type: 'paragraph',
    content: [{ type: 'text', text: 'Écrire les constats', marks: [{ type: 'bold' }] }],
  })
})

test('index keys increase and stay valid past the one-digit range', () => {
  const keys = Array.from({ length: 4000 }, (_, i) => indexKey(i))
  assert.equal(keys[0], 'a1')
  assert.equal(keys[60], 'az')
  assert.equal(keys[61], 'b00')
  assert.equal(new Set(keys).size, keys.length)
  for (let i = 1; i < keys.length; i++)
    assert.ok((keys[i - 1] as string) < (keys[i] as string), `${keys[i - 1]} < ${keys[i]}`)
  // 3905 is the first three-digit key, c000.
  for (const i of [0, 60, 61, 62, 3904, 3905, 3999]) {
    assertValid(frameRecord({ id: `shape:k${i}`, name: '', index: indexKey(i) }))
  }
  assert.throws(() => indexKey(-1), RangeError)
})
