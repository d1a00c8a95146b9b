import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { TLRecord } from '@tldraw/tlschema'
import { checkBoardRecord, createBoardSchema } from '../../shared/boardSchema'
import { type BoardShape, isShape } from '../../shared/model/boardItems'
import { richTextToPlain } from '../../shared/model/richText'
import { frameRecord, noteRecord, PAGE_ID } from '../../shared/model/shapeRecords'
import { copiedFrom, zoneOf } from '../../shared/model/templateMeta'
import { TEMPLATES } from '../../shared/workshop'
import { readEnjeux } from './enjeuxCopy'
import { templateBoard } from './templates'

interface Rect {
  x: number
  y: number
  w: number
  h: number
}

let counter = 0
const newShapeId = () => `shape:new-${++counter}`
const shapes = (records: TLRecord[]) => records.filter(isShape) as unknown as (BoardShape & { index: string })[]
const rectOf = (s: BoardShape): Rect => ({ x: s.x, y: s.y, w: Number(s.props.w), h: Number(s.props.h) })
const inside = (a: Rect, b: Rect) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/** An enjeux board as a group leaves it: frames of every size, with notes (one long, one scaled) and loose ones. */
function enjeuxBoard(): TLRecord[] {
  const records: TLRecord[] = []
  for (let f = 0; f < 7; f++) {
    const id = `shape:f${f}`
    records.push(frameRecord({ id, name: `Enjeu ${f}`, x: 3000 - f * 300, y: (f % 3) * 900, w: 300 + f * 200, h: 800 }))
    for (let n = 0; n < f; n++) {
      records.push(
        noteRecord({
          id: `shape:f${f}n${n}`,
          parentId: id,
          text: `Constat ${f}.${n}`,
          x: 400 - n * 50,
          y: n * 10,
          growY: n === 1 ? 120 : 0,
          scale: n === 2 ? 1.5 : 1,
        }),
      )
    }
  }
  records.push(noteRecord({ id: 'shape:loose', text: 'Pas classée', x: 10, y: 10 }))
  return records
}

test('every template board is made of valid records, stacked in order, zones side by side and locked', () => {
  const schema = createBoardSchema()
  for (const template of TEMPLATES) {
    const records = templateBoard(template, { title: 'Atelier « test »', newShapeId })
    for (const r of records) assert.deepEqual(checkBoardRecord(schema, r.id, r), { ok: true }, `${template} ${r.id}`)
    assert.equal(new Set(records.map((r) => r.id)).size, records.length, 'unique ids')
    const page = shapes(records).filter((s) => s.parentId === PAGE_ID)
    const indices = page.map((s) => s.index)
    assert.deepEqual([...indices].sort(), indices, 'page children stack in the order they are listed')
    assert.equal(new Set(indices).size, indices.length)
    const areas = page.filter((s) => zoneOf(s)?.part === 'area')
    for (const a of areas) for (const b of areas) if (a !== b) assert.ok(!overlap(rectOf(a), rectOf(b)), 'zones apart')
    for (const s of page) {
      assert.ok(zoneOf(s), `${s.id} is marked as part of the template`)
      assert.equal((s as unknown as { isLocked: boolean }).isLocked, true)
      const zone = areas.find((a) => zoneOf(a)?.zone === zoneOf(s)?.zone)
      if (zoneOf(s)?.part !== 'area' && zone) assert.ok(s.x > zone.x && s.y > zone.y, `${s.id} sits in its zone`)
    }
    assert.equal(areas.length, template === 'vide' ? 0 : 3)
  }
})

test('template texts keep French typography: accents, typographic apostrophes, no-break spaces', () => {
  for (const template of TEMPLATES) {
    const texts = shapes(templateBoard(template, { title: 'Titre', newShapeId })).map((s) =>
      richTextToPlain(s.props.richText),
    )
    for (const t of texts) {
      assert.ok(!t.includes("'"), `no straight apostrophe: ${t}`)
      assert.ok(!/ [:;»]|« /.test(t), `no breaking space before : ; » or after «: ${t}`)
    }
  }
  const chantiers = shapes(
    templateBoard('chantiers', {
      title: 'Titre',
      newShapeId,
      startFrom: { workshopId: 'w', title: 'Enjeux — mars', enjeux: [] },
    }),
  ).map((s) => richTextToPlain(s.props.richText))
  assert.ok(chantiers.some((t) => t.includes('l’atelier «\u00a0Enjeux — mars\u00a0»')))
})

test('copied enjeux: one frame per source frame, inside « Enjeux retenus », apart, each holding its notes', () => {
  const source = enjeuxBoard()
  const records = templateBoard('chantiers', {
    title: 'Chantiers',
    newShapeId,
    startFrom: { workshopId: 'w-enjeux', title: 'Enjeux', enjeux: readEnjeux(source) },
  })
  assert.deepEqual(checkAll(records), [])
  const all = shapes(records)
  const area = all.find((s) => zoneOf(s)?.zone === 'enjeux-retenus' && zoneOf(s)?.part === 'area')!
  const instruction = all.find((s) => zoneOf(s)?.zone === 'enjeux-retenus' && zoneOf(s)?.part === 'instruction')!
  const frames = all.filter((s) => s.type === 'frame')
  assert.equal(frames.length, 7)
  // Reading order of the source (top to bottom, then left to right) becomes the copies' order.
  assert.deepEqual(
    frames.map((f) => f.props.name),
    ['Enjeu 6', 'Enjeu 3', 'Enjeu 0', 'Enjeu 4', 'Enjeu 1', 'Enjeu 5', 'Enjeu 2'],
  )
  for (const f of frames) {
    assert.ok(inside(rectOf(f), rectOf(area)), `${f.props.name} inside the zone`)
    assert.ok(f.y > instruction.y + 150, `${f.props.name} below the instruction`)
    assert.ok(f.index > area.index, 'above the zone')
    for (const g of frames) if (f !== g) assert.ok(!overlap(rectOf(f), rectOf(g)), 'frames apart')
    const from = copiedFrom(f)
    assert.equal(from?.workshopId, 'w-enjeux')
    const notes = all.filter((n) => n.parentId === f.id)
    const sourceNotes = source.filter((r) => (r as { parentId?: string }).parentId === from?.shapeId)
    assert.equal(notes.length, sourceNotes.length)
    const noteRect = (n: BoardShape): Rect => {
      const { scale, growY } = n.props as { scale: number; growY: number }
      return { x: n.x, y: n.y, w: 200 * scale, h: (200 + growY) * scale }
    }
    for (const n of notes) {
      assert.ok(inside(noteRect(n), { x: 0, y: 0, w: Number(f.props.w), h: Number(f.props.h) }), 'fits its frame')
      for (const m of notes) if (m !== n) assert.ok(!overlap(noteRect(n), noteRect(m)), 'notes apart')
      assert.ok(copiedFrom(n)?.shapeId.startsWith(`${from?.shapeId}n`))
    }
  }
  assert.ok(!all.some((s) => copiedFrom(s)?.shapeId === 'shape:loose'), 'loose notes are not enjeux')
})

function checkAll(records: TLRecord[]): string[] {
  const schema = createBoardSchema()
  return records.flatMap((r) => {
    const check = checkBoardRecord(schema, r.id, r)
    return check.ok ? [] : [`${r.id}: ${check.reason}`]
  })
}
