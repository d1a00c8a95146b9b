import assert from 'node:assert/strict'
import { test } from 'node:test'
import { canvasPath, listPath, viewFor } from './viewChoice'

test('/w/<id> opens the list on a phone, the canvas elsewhere, unless this device chose', () => {
  assert.equal(viewFor(null, true), 'list')
  assert.equal(viewFor(null, false), 'canvas')
  assert.equal(viewFor('canvas', true), 'canvas', 'a phone that chose the canvas keeps it')
  assert.equal(viewFor('list', false), 'list')
})

test('the two addresses of a board', () => {
  assert.equal(canvasPath('abc'), '/w/abc')
  assert.equal(listPath('abc'), '/w/abc/liste')
})
