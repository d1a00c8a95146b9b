import assert from 'node:assert/strict'
import { test } from 'node:test'
import { looseNotes } from './boardItems'
import { frameRecord, noteRecord, rectangleRecord } from './shapeRecords'

test('loose notes: on the page, in no frame, not parked in the template’s parking', () => {
  const parking = { atelier: { zone: 'parking', part: 'area' } }
  const records = [
    rectangleRecord({ id: 'shape:zone-parking', x: 1000, y: 0, w: 500, h: 1000, isLocked: true, meta: parking }),
    noteRecord({ id: 'shape:loose', text: 'Pas de fibre', x: 0, y: 0 }),
    frameRecord({ id: 'shape:enjeu', name: 'Réseau', x: 2000, y: 0, w: 400, h: 400 }),
    noteRecord({ id: 'shape:framed', text: 'Débit', x: 20, y: 20, parentId: 'shape:enjeu' }),
    noteRecord({ id: 'shape:parked', text: 'Hors sujet', x: 1100, y: 100 }),
    // Its centre is outside the parking: still to sort.
    noteRecord({ id: 'shape:edge', text: 'À cheval', x: 850, y: 100 }),
  ]
  assert.deepEqual(
    looseNotes(records)
      .map((n) => n.id)
      .sort(),
    ['shape:edge', 'shape:loose'],
  )
})
