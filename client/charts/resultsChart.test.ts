import assert from 'node:assert/strict'
import { test } from 'node:test'
import { COLLEGES } from '../../shared/colleges'
import type { RankedItem } from '../../shared/control'
import { BAR_WIDTH, barSegments, collegeLook, collegesInResults, PLAIN_LOOK, scaleMax } from './resultsChart'

const item = (votes: number, byCollege: Record<string, number> = {}): RankedItem => ({
  targetId: 'shape:x',
  votes,
  rank: 1,
  byCollege,
})

test('the best score fills the bar; the others are in proportion', () => {
  const ranking = [item(12, { etat: 12 }), item(6, { etat: 6 }), item(0)]
  const max = scaleMax(ranking)
  assert.equal(max, 12)
  assert.deepEqual(barSegments(ranking[0]!, max), [{ college: 'etat', count: 12, x: 0, width: BAR_WIDTH }])
  assert.equal(barSegments(ranking[1]!, max)[0]!.width, BAR_WIDTH / 2)
  assert.deepEqual(barSegments(ranking[2]!, max), [])
  // Nobody voted: the scale stays finite, bars stay empty.
  assert.equal(scaleMax([item(0), item(0)]), 1)
  assert.equal(scaleMax([]), 1)
})

test('bars are stacked by collège in the order of the collèges list, edge to edge', () => {
  const segments = barSegments(item(6, { associations: 3, etat: 1, region: 2, 'france-services': 0 }), 12, 120)
  assert.deepEqual(
    segments.map((s) => s.college),
    ['etat', 'region', 'associations'],
  )
  assert.deepEqual(
    segments.map((s) => [s.x, s.width]),
    [
      [0, 10],
      [10, 20],
      [30, 30],
    ],
  )
})

test('anonymous sessions (no split by collège) draw one plain bar', () => {
  assert.deepEqual(barSegments(item(4), 8, 100), [{ college: null, count: 4, x: 0, width: 50 }])
  assert.equal(collegeLook(null), PLAIN_LOOK)
})

test('the legend lists the collèges that received votes, in order', () => {
  assert.deepEqual(collegesInResults([item(2, { autre: 1, etat: 1 }), item(1, { departement: 1, etat: 0 })]), [
    'etat',
    'departement',
    'autre',
  ])
})

test('every collège has its own colour and pattern', () => {
  const looks = COLLEGES.map((c) => collegeLook(c.id))
  assert.equal(new Set(looks.map((l) => l.fill)).size, COLLEGES.length)
  // Two solid fills at most (blue and light grey), far apart in lightness.
  assert.ok(looks.filter((l) => l.pattern === 'solid').length <= 2)
  assert.equal(collegeLook('not-a-college'), collegeLook('autre'))
})
