import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatDay, retentionOptions } from './retention'

test('the instance default is the option marked as such; one that is none of the choices is added in its place by length', () => {
  assert.deepEqual(
    retentionOptions(365).map((o) => [o.days, o.months, o.isDefault]),
    [
      [91, 3, false],
      [183, 6, false],
      [365, 12, true],
      [730, 24, false],
    ],
  )
  assert.deepEqual(
    retentionOptions(30).map((o) => [o.days, o.months, o.isDefault]),
    [
      [30, null, true],
      [91, 3, false],
      [183, 6, false],
      [365, 12, false],
      [730, 24, false],
    ],
  )
  assert.deepEqual(
    retentionOptions(400).map((o) => o.days),
    [91, 183, 365, 400, 730],
  )
})

test('a day is written with non-breaking spaces, so it never wraps between day, month and year', () => {
  assert.equal(formatDay(Date.UTC(2027, 5, 2, 12), 'fr-FR'), '2\u00a0juin\u00a02027')
  assert.equal(formatDay(Date.UTC(2027, 5, 2, 12), 'en'), 'June\u00a02,\u00a02027')
})
