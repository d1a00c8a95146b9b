/** Our awareness state must stay under the server's limit, keeping what others see. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { InstancePresenceRecordType, type TLInstancePresence, type TLShapeId } from '@tldraw/tlschema'
import { MAX_AWARENESS_STATE_CHARS } from '../../shared/boardDoc'
import { fitPresence } from './presenceBudget'

const user = { id: 'participant-1', name: 'Camille Martin', color: '#1d4ed8' }

function presence(overrides: Partial<TLInstancePresence> = {}): TLInstancePresence {
  return InstancePresenceRecordType.create({
    id: InstancePresenceRecordType.createId('42'),
    userId: user.id,
    userName: user.name,
    color: user.color,
    currentPageId: 'page:page' as TLInstancePresence['currentPageId'],
    cursor: { x: 120, y: 80, type: 'default', rotation: 0 },
    ...overrides,
  })
}

const stateSize = (p: TLInstancePresence) => JSON.stringify({ user, presence: p }).length

test('a small presence is published unchanged', () => {
  const p = presence()
  assert.equal(fitPresence(p, undefined, user), p)
})

test('a huge selection and a long laser stroke are trimmed under the limit; cursor and name stay', () => {
  const selectedShapeIds = Array.from({ length: 600 }, (_, i) => `shape:${'x'.repeat(21)}${i}` as TLShapeId)
  const points = Array.from({ length: 2000 }, (_, i) => ({ x: i * 1.123456, y: i * 2.654321, z: 0.5 }))
  const big = presence({
    selectedShapeIds,
    scribbles: [
      { id: 's1', points, size: 4, color: 'laser', opacity: 1, state: 'active', delay: 0, shrink: 0, taper: false },
    ],
  })
  assert.ok(stateSize(big) > MAX_AWARENESS_STATE_CHARS)
  const fitted = fitPresence(big, undefined, user)
  assert.ok(stateSize(fitted) <= MAX_AWARENESS_STATE_CHARS, `${stateSize(fitted)} chars`)
  assert.deepEqual(fitted.cursor, big.cursor)
  assert.equal(fitted.userName, user.name)
  // The newest points of the stroke are the ones kept.
  const kept = fitted.scribbles[0]?.points ?? []
  if (kept.length > 0) assert.deepEqual(kept.at(-1), points.at(-1))
})
