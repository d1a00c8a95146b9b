import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatCountdown, secondsLeft } from './countdown'

test('seconds left count down in server time and stop at zero', () => {
  const timer = { endsAt: 100_000, durationMs: 60_000 }
  assert.equal(secondsLeft(null, 0), null)
  assert.equal(secondsLeft(timer, 40_000), 60)
  assert.equal(secondsLeft(timer, 40_001), 60)
  assert.equal(secondsLeft(timer, 99_001), 1)
  assert.equal(secondsLeft(timer, 100_000), 0)
  assert.equal(secondsLeft(timer, 150_000), 0)
  // A clock estimated a few ms behind the server's does not show more than the duration.
  assert.equal(secondsLeft(timer, 39_990), 60)
})

test('countdowns read as m:ss, or h:mm:ss past an hour', () => {
  assert.equal(formatCountdown(0), '0:00')
  assert.equal(formatCountdown(9), '0:09')
  assert.equal(formatCountdown(600), '10:00')
  assert.equal(formatCountdown(3725), '1:02:05')
})
