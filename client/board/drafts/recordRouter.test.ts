import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { TLRecord } from 'tldraw'
import { type RouteContext, routeRecord } from './recordRouter'

const shape = (id: string, type: string) => ({ id, typeName: 'shape', type }) as unknown as TLRecord
const binding = (id: string, fromId: string, toId: string) =>
  ({ id, typeName: 'binding', type: 'arrow', fromId, toId }) as unknown as TLRecord

function context(
  records: TLRecord[],
  where: { board?: string[]; own?: string[]; others?: string[] },
  privateNotes: boolean,
) {
  const has =
    (ids: string[] = []) =>
    (id: string) =>
      ids.includes(id)
  return {
    inBoard: has(where.board),
    inOwnDrafts: has(where.own),
    inOthersDrafts: has(where.others),
    privateNotes,
    record: (id: string) => records.find((r) => r.id === id),
  } satisfies RouteContext
}

test('a new note goes to the own drafts while private writing is on, else to the board', () => {
  const note = shape('shape:n', 'note')
  assert.equal(routeRecord(note, context([note], {}, true)), 'drafts')
  assert.equal(routeRecord(note, context([note], {}, false)), 'board')
  assert.equal(routeRecord(shape('shape:g', 'geo'), context([], {}, true)), 'board', 'only notes are private')
})

test('a record stays where it is: board, own drafts, or nowhere when it is someone else’s draft', () => {
  const note = shape('shape:n', 'note')
  assert.equal(routeRecord(note, context([note], { board: ['shape:n'] }, true)), 'board')
  assert.equal(
    routeRecord(note, context([note], { own: ['shape:n'] }, false)),
    'drafts',
    'turned off: the server moves it',
  )
  assert.equal(routeRecord(note, context([note], { others: ['shape:n'] }, false)), 'none')
  assert.equal(routeRecord(note, context([note], { board: ['shape:n'], own: ['shape:n'] }, true)), 'board')
})

test('a binding follows the drafts note it touches', () => {
  const arrow = shape('shape:a', 'arrow')
  const note = shape('shape:n', 'note')
  const board = shape('shape:b', 'note')
  const records = [arrow, note, board]
  // The note is new in the same flush: it is going to the drafts, so is the binding.
  assert.equal(routeRecord(binding('binding:1', 'shape:a', 'shape:n'), context(records, {}, true)), 'drafts')
  assert.equal(
    routeRecord(binding('binding:1', 'shape:a', 'shape:n'), context(records, { own: ['shape:n'] }, false)),
    'drafts',
  )
  assert.equal(
    routeRecord(binding('binding:2', 'shape:a', 'shape:b'), context(records, { board: ['shape:b'] }, true)),
    'board',
  )
  assert.equal(
    routeRecord(binding('binding:3', 'shape:a', 'shape:n'), context(records, { others: ['shape:n'] }, true)),
    'none',
  )
})
