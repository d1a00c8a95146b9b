import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { DocTarget } from '../../shared/boardDoc'
import { CloseCodes } from '../../shared/protocol'
import { mayOpen, type Who, writeRefusal } from './writePolicy'

const W = 'w'.repeat(22)
const target = (kind: DocTarget['kind'], owner: string | null = null): DocTarget => ({ workshopId: W, kind, owner })
const alice: Who = { role: 'participant', participantId: 'alice' }
const bruno: Who = { role: 'participant', participantId: 'bruno' }
const fanny: Who = { role: 'facilitator', participantId: 'fanny' }
const olga: Who = { role: 'observer', participantId: 'olga' }

test('a drafts document opens for its author and facilitators only', () => {
  const aliceDrafts = target('drafts', 'alice')
  assert.equal(mayOpen(alice, aliceDrafts), true)
  assert.equal(mayOpen(fanny, aliceDrafts), true)
  assert.equal(mayOpen(bruno, aliceDrafts), false)
  assert.equal(mayOpen(olga, aliceDrafts), false)
  assert.equal(mayOpen(olga, target('drafts', 'olga')), false, 'observers have no drafts')
  for (const who of [alice, fanny, olga]) assert.equal(mayOpen(who, target('board')), true)
})

test('only the author writes a drafts document, and not while the board is locked', () => {
  const aliceDrafts = target('drafts', 'alice')
  assert.equal(writeRefusal(alice, aliceDrafts, false), null)
  assert.equal(writeRefusal(fanny, aliceDrafts, false), CloseCodes.readOnly)
  assert.equal(writeRefusal(alice, aliceDrafts, true), CloseCodes.boardLocked)
})

test('the board and the control document keep their rules', () => {
  assert.equal(writeRefusal(alice, target('board'), false), null)
  assert.equal(writeRefusal(alice, target('board'), true), CloseCodes.boardLocked)
  assert.equal(writeRefusal(fanny, target('board'), true), null)
  assert.equal(writeRefusal(olga, target('board'), false), CloseCodes.readOnly)
  assert.equal(writeRefusal(fanny, target('control'), false), CloseCodes.readOnly)
})
