import assert from 'node:assert/strict'
import { test } from 'node:test'
import { afterPlace, afterRetract, dotsOn, fromMine, noDots } from './ownDots'

test('the server’s list of my dots is counted per item', () => {
  const own = fromMine('v1', { votes: ['shape:a', 'shape:b', 'shape:a'], remaining: 2 })
  assert.deepEqual(own, { sessionId: 'v1', remaining: 2, dots: { 'shape:a': 2, 'shape:b': 1 } })
  assert.equal(dotsOn(own, 'shape:c'), 0)
  assert.deepEqual(noDots('v2'), { sessionId: 'v2', remaining: null, dots: {} })
})

test('placing and taking back follow the server’s remaining budget', () => {
  let own = fromMine('v1', { votes: [], remaining: 2 })
  own = afterPlace(own, 'shape:a', 1)
  own = afterPlace(own, 'shape:a', 0)
  assert.deepEqual(own.dots, { 'shape:a': 2 })
  assert.equal(own.remaining, 0)
  own = afterRetract(own, 'shape:a', 1)
  assert.deepEqual(own.dots, { 'shape:a': 1 })
  own = afterRetract(own, 'shape:a', 2)
  // No zero entries: an item without my dots is simply absent.
  assert.deepEqual(own.dots, {})
  assert.equal(own.remaining, 2)
  assert.equal(own.sessionId, 'v1')
})
