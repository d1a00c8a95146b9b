import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type Box, focusCamera } from './focusCamera'

/** Where a page box lands on screen under a camera. */
function onScreen(b: Box, c: { x: number; y: number; z: number }): Box {
  return { x: (b.x + c.x) * c.z, y: (b.y + c.y) * c.z, w: b.w * c.z, h: b.h * c.z }
}

const screen = { w: 1280, h: 700 }

test('a small item is shown at 100 %, centred between the panels', () => {
  const note = { x: 5000, y: -300, w: 200, h: 200 }
  const camera = focusCamera(note, screen, { left: 400, right: 0 })
  assert.equal(camera.z, 1)
  const box = onScreen(note, camera)
  // Centred in the 880 px right of the Synthèse: 400 + 440.
  assert.equal(box.x + box.w / 2, 840)
  assert.equal(box.y + box.h / 2, 350)
  assert.ok(box.x >= 400)
})

test('a large item is zoomed out to fit the free part, clear of both panels', () => {
  const frame = { x: 0, y: 0, w: 2000, h: 600 }
  const camera = focusCamera(frame, screen, { left: 400, right: 336 })
  assert.ok(camera.z < 1)
  const box = onScreen(frame, camera)
  assert.ok(box.x >= 400 + 31.9, `left edge ${box.x}`)
  assert.ok(box.x + box.w <= 1280 - 336 - 31.9, `right edge ${box.x + box.w}`)
  assert.ok(box.y >= 0 && box.y + box.h <= 700)
})

test('on a narrow screen the panels are ignored rather than leaving no room', () => {
  const note = { x: 0, y: 0, w: 200, h: 200 }
  const camera = focusCamera(note, { w: 400, h: 700 }, { left: 380, right: 0 })
  const box = onScreen(note, camera)
  assert.equal(box.x + box.w / 2, 200)
})
