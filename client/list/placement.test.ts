import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { BoardShape } from '../../shared/model/boardShape'
import { frameRecord, noteRecord, PAGE_ID, rectangleRecord } from '../../shared/model/shapeRecords'
import { GAP, indexAbove, placeChantier, placeInFrame, placeInParking, placeLooseNote, ZONE_CONTENT } from './placement'

const shape = (record: unknown) => record as BoardShape
const note = (id: string, x: number, y: number, parentId = PAGE_ID) =>
  shape(noteRecord({ id: `shape:${id}`, text: id, x, y, parentId }))
const zone = (kind: string, x: number, y: number, w: number, h: number) =>
  shape(rectangleRecord({ id: `shape:zone-${kind}`, x, y, w, h, meta: { atelier: { zone: kind, part: 'area' } } }))

test('in a frame: the first free cell of a grid inside it; a full frame grows by a row', () => {
  const frame = shape(frameRecord({ id: 'shape:f', name: 'Couverture', w: 400, h: 300 }))
  const first = placeInFrame(frame, [])
  assert.deepEqual(first, { parentId: 'shape:f', x: GAP, y: GAP, frame: { w: 400, h: 300 } })
  // One column fits in 400; the second note needs a second row, so the frame grows to hold it.
  const second = placeInFrame(frame, [note('a', GAP, GAP, 'shape:f')])
  assert.deepEqual(second, { parentId: 'shape:f', x: GAP, y: 240, frame: { w: 400, h: 460 } })
})

test('in a wide frame, notes fill a row first, around notes people dropped anywhere', () => {
  const frame = shape(frameRecord({ id: 'shape:f', name: 'Médiation', w: 700, h: 500 }))
  assert.deepEqual(placeInFrame(frame, [note('a', GAP, GAP, 'shape:f')]), {
    parentId: 'shape:f',
    x: 240,
    y: GAP,
    frame: { w: 700, h: 500 },
  })
  // A note dropped over the first two cells: the third one is free.
  const placed = placeInFrame(frame, [note('b', 100, 50, 'shape:f')])
  assert.equal(placed.x, 460)
  assert.equal(placed.y, GAP)
  // A frame narrower than a note widens to hold it.
  const narrow = shape(frameRecord({ id: 'shape:n', name: 'x', w: 100, h: 100 }))
  assert.deepEqual(placeInFrame(narrow, []).frame, { w: 240, h: 240 })
})

test('« à classer »: by the other loose notes, else in the zone for writing, else below everything', () => {
  const loose = [note('a', 1000, 500), note('b', 1220, 500)]
  assert.deepEqual(placeLooseNote(PAGE_ID, loose, loose), { parentId: PAGE_ID, x: 1440, y: 500 })
  const constats = zone('constats', 0, 150, 900, 1150)
  // The zone's area is there to be covered; its content starts below its title and instruction.
  assert.deepEqual(placeLooseNote(PAGE_ID, [constats], []), {
    parentId: PAGE_ID,
    x: ZONE_CONTENT.x,
    y: 150 + ZONE_CONTENT.y,
  })
  // A frame on the way is not covered.
  const frame = shape(frameRecord({ id: 'shape:f', name: 'x', x: 0, y: 490, w: 300, h: 300 }))
  assert.deepEqual(placeLooseNote(PAGE_ID, [constats, frame], []), { parentId: PAGE_ID, x: 480, y: 490 })
  assert.deepEqual(placeLooseNote(PAGE_ID, [], []), { parentId: PAGE_ID, x: 0, y: 0 })
  assert.deepEqual(placeLooseNote(PAGE_ID, [frame], []), { parentId: PAGE_ID, x: 0, y: 870 })
})

test('parking: in its zone, beside what is parked already; none without a parking zone', () => {
  const parking = zone('parking', 2000, 150, 440, 1150)
  const parked = note('p', 2040, 490)
  assert.deepEqual(placeInParking(PAGE_ID, [parking, parked]), { parentId: PAGE_ID, x: 2040, y: 710 })
  assert.equal(placeInParking(PAGE_ID, [note('a', 0, 0)]), null)
})

test('a chantier card goes next to the others, else in the « Chantiers » zone', () => {
  const card = shape({
    id: 'shape:c',
    typeName: 'shape',
    type: 'chantier',
    parentId: PAGE_ID,
    x: 1000,
    y: 490,
    props: { w: 360, h: 240 },
  })
  assert.deepEqual(placeChantier(PAGE_ID, [card]), { parentId: PAGE_ID, x: 1380, y: 490 })
  const chantiers = zone('chantiers', 1000, 150, 1000, 1150)
  assert.deepEqual(placeChantier(PAGE_ID, [chantiers]), { parentId: PAGE_ID, x: 1040, y: 490 })
})

test('a new shape is drawn above its siblings', () => {
  assert.equal(indexAbove([]), 'a1')
  const above = indexAbove([{ index: 'a1' }, { index: 'b0Z' }, { index: 'a5' }, {}])
  assert.equal(above > 'b0Z', true)
})
