import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { RecordEntry } from '../recordGate'
import { keysOnlyFrom, type RecordSource, unionChange } from './recordUnion'

/** A source over a plain map, changed in place like a watcher's view. */
function source(entries: Record<string, number> = {}): RecordSource & { map: Map<string, RecordEntry> } {
  const map = new Map(Object.entries(entries).map(([key, n]) => [key, { key, val: n }]))
  return { map, get: (key) => map.get(key), keys: () => map.keys() }
}
const entry = (s: { map: Map<string, RecordEntry> }, key: string) => s.map.get(key) as RecordEntry

test('a drafts record shows while the board lacks it; the board’s record wins', () => {
  const board = source({ 'shape:b': 1 })
  const own = source({ 'shape:d': 2, 'shape:b': 9 })
  const sources = [board, own]
  // Own drafts loaded: only the key the board lacks shows.
  assert.deepEqual(unionChange(sources, 1, { put: [entry(own, 'shape:d'), entry(own, 'shape:b')], remove: [] }), {
    put: [entry(own, 'shape:d')],
    remove: [],
  })
  // The board gains the drafts key (a reveal): the board's version shows.
  board.map.set('shape:d', { key: 'shape:d', val: 3 })
  assert.deepEqual(unionChange(sources, 0, { put: [entry(board, 'shape:d')], remove: [] }), {
    put: [entry(board, 'shape:d')],
    remove: [],
  })
})

test('the reveal does not flicker: a drafts removal of a record the board holds changes nothing', () => {
  const board = source({ 'shape:d': 3 })
  const own = source()
  assert.deepEqual(unionChange([board, own], 1, { put: [], remove: ['shape:d'] }), { put: [], remove: [] })
})

test('a removal shows the next source’s record, or removes the key', () => {
  const board = source()
  const own = source({ 'shape:x': 2 })
  const others = source({ 'shape:x': 5, 'shape:y': 6 })
  // The board deleted shape:x: the own drafts' copy shows again.
  assert.deepEqual(unionChange([board, own, others], 0, { put: [], remove: ['shape:x'] }), {
    put: [entry(own, 'shape:x')],
    remove: [],
  })
  // Another author emptied their drafts: their record goes.
  others.map.delete('shape:y')
  assert.deepEqual(unionChange([board, own, others], 2, { put: [], remove: ['shape:y'] }), {
    put: [],
    remove: ['shape:y'],
  })
})

test('private keys are those no earlier source holds', () => {
  const board = source({ 'shape:b': 1, 'shape:both': 1 })
  const own = source({ 'shape:mine': 2, 'shape:both': 2 })
  const others = source({ 'shape:theirs': 3, 'shape:mine': 3 })
  assert.deepEqual([...keysOnlyFrom([board, own, others], 1)].sort(), ['shape:mine', 'shape:theirs'])
  assert.deepEqual([...keysOnlyFrom([board, own, others], 2)], ['shape:theirs'])
})
