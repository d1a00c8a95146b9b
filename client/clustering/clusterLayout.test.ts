import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FRAME_PADDING, layoutClusters, type Rect, type Size } from './clusterLayout'

const NOTE: Size = { w: 200, h: 200 }
const notes = (n: number, size: Size = NOTE): Size[] => Array.from({ length: n }, () => size)
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

test('each frame holds its notes in a grid, inside its margins, none on another', () => {
  const tall = { w: 200, h: 260 }
  const [layout] = layoutClusters([[NOTE, tall, NOTE, NOTE, NOTE]], null)
  assert.ok(layout)
  assert.equal(layout.notes.length, 5)
  // Five notes: three columns, two rows; the tallest note sets the row height.
  assert.deepEqual(new Set(layout.notes.map((p) => p.x)).size, 3)
  assert.deepEqual(new Set(layout.notes.map((p) => p.y)).size, 2)
  const rects = layout.notes.map((p) => ({ ...p, ...tall }))
  for (const r of rects) {
    assert.ok(r.x >= FRAME_PADDING && r.y >= FRAME_PADDING, 'inside the top-left margin')
    assert.ok(r.x + r.w <= layout.frame.w - FRAME_PADDING, 'inside the right margin')
    assert.ok(r.y + r.h <= layout.frame.h - FRAME_PADDING, 'inside the bottom margin')
  }
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) assert.ok(!overlap(rects[i]!, rects[j]!), `notes ${i} and ${j}`)
  }
})

test('frames go beside what is on the page and never on each other', () => {
  const occupied = { x: -300, y: 50, w: 1500, h: 900 }
  const layouts = layoutClusters([notes(4), notes(1), notes(7), notes(2), notes(9)], occupied)
  assert.equal(layouts.length, 5)
  for (const { frame } of layouts) assert.ok(!overlap(frame, occupied), `frame at ${frame.x},${frame.y} is free`)
  for (let i = 0; i < layouts.length; i++) {
    for (let j = i + 1; j < layouts.length; j++) {
      assert.ok(!overlap(layouts[i]!.frame, layouts[j]!.frame), `frames ${i} and ${j}`)
    }
  }
  // Rows of about √n frames, aligned with the top of the content: the result reads as one block.
  assert.deepEqual(
    layouts.map((l) => l.frame.y === occupied.y),
    [true, true, true, false, false],
  )
})

test('an empty page: frames start at the origin; the same input gives the same layout', () => {
  const a = layoutClusters([notes(3), notes(3)], null)
  assert.deepEqual(a[0]!.frame.x, 0)
  assert.deepEqual(a[0]!.frame.y, 0)
  assert.deepEqual(layoutClusters([notes(3), notes(3)], null), a)
})
