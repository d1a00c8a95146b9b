/** The reconnect schedule: the stock ceilings, each attempt a random wait below its ceiling. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import * as prng from 'lib0/prng'
import { backoffCeiling, jitteredDelay, MAX_BACKOFF_MS } from './jitteredBackoff'

const seeded = (seed: number) => {
  const gen = prng.create(seed)
  return () => prng.real53(gen)
}

test('the ceilings are the stock ones: 200, 400, 800 ms… up to 5 s', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffCeiling(n)),
    [200, 400, 800, 1600, 3200, 5000, 5000, 5000],
  )
})

test('every wait lies in [0, its ceiling], and the extremes are reachable', () => {
  assert.equal(
    jitteredDelay(3, () => 0),
    0,
  )
  assert.equal(
    jitteredDelay(3, () => 0.999_999_9),
    800,
  )
  const random = seeded(7)
  for (let attempt = 1; attempt <= 12; attempt++) {
    for (let i = 0; i < 200; i++) {
      const d = jitteredDelay(attempt, random)
      assert.ok(Number.isInteger(d) && d >= 0 && d <= backoffCeiling(attempt), `attempt ${attempt}: ${d}`)
    }
  }
})

test('30 clients closed at the same instant retry spread over the window, not together', () => {
  // One seed per client, as 30 tabs each have their own Math.random.
  const firstRetries = Array.from({ length: 30 }, (_, i) => jitteredDelay(1, seeded(1000 + i)))
  const perBucket = new Map<number, number>()
  for (const d of firstRetries) perBucket.set(Math.floor(d / 50), (perBucket.get(Math.floor(d / 50)) ?? 0) + 1)
  const busiest = Math.max(...perBucket.values())
  console.log(`figure: first retry of 30 seeded clients, busiest 50 ms: ${busiest} (stock: 30)`)
  assert.ok(perBucket.size >= 4, `the 200 ms window is used: ${[...perBucket.keys()]}`)
  assert.ok(busiest < 15, `at most half in one 50 ms: ${busiest}`)
  // The capped waits too: spread over the full 5 s.
  const capped = Array.from({ length: 30 }, (_, i) => jitteredDelay(10, seeded(2000 + i)))
  assert.ok(Math.max(...capped) - Math.min(...capped) > MAX_BACKOFF_MS / 2, `capped waits spread: ${capped}`)
})
