import assert from 'node:assert/strict'
import { test } from 'node:test'
import { byCodePoint, canonicalJson } from './canonicalJson'

test('keys are sorted recursively, without whitespace, arrays in order', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [3, 1, { z: true, y: null }], c: 'x' } }),
    '{"a":{"c":"x","d":[3,1,{"y":null,"z":true}]},"b":1}',
  )
})

test('equal values in any key order give the same text', () => {
  const a = { titre: 'Fibre', votes: 3, parCollege: { etat: 1, associations: 2 } }
  const b = { parCollege: { associations: 2, etat: 1 }, votes: 3, titre: 'Fibre' }
  assert.equal(canonicalJson(a), canonicalJson(b))
})

test('keys are ordered by code point, not by UTF-16 code unit', () => {
  // U+FF5E (one code unit 0xFF5E) comes before U+1F600 (surrogates 0xD83D 0xDE00)
  // by code point, after it by code unit (JavaScript's default sort).
  const emoji = '\u{1F600}'
  const fullwidth = '\uFF5E'
  assert.deepEqual([emoji, fullwidth].sort(), [emoji, fullwidth])
  assert.deepEqual([emoji, fullwidth].sort(byCodePoint), [fullwidth, emoji])
  assert.equal(canonicalJson({ [emoji]: 1, [fullwidth]: 2 }), `{"${fullwidth}":2,"${emoji}":1}`)
  assert.deepEqual(['b', 'a', 'ab', '', 'é', 'e'].sort(byCodePoint), ['', 'a', 'ab', 'b', 'e', 'é'])
})

test('strings and numbers are written as JSON.stringify writes them', () => {
  assert.equal(canonicalJson('« Débit » "quoté"\n\u0001'), JSON.stringify('« Débit » "quoté"\n\u0001'))
  assert.equal(canonicalJson([0, -0, 1.5, 1e21, 12000, -3]), '[0,0,1.5,1e+21,12000,-3]')
  assert.equal(canonicalJson(null), 'null')
  assert.equal(canonicalJson([true, false]), '[true,false]')
})

/** `[1, <hole>, 3]`: an array with an empty slot. */
function sparse(): unknown[] {
  const list: unknown[] = [1]
  list[2] = 3
  return list
}

test('what is not a JSON value throws instead of being dropped or converted', () => {
  const bad: [string, unknown][] = [
    ['undefined in an object', { a: undefined }],
    ['undefined at the root', undefined],
    ['a function', { f: () => 1 }],
    ['a symbol', [Symbol('s')]],
    ['a bigint', { n: 1n }],
    ['NaN', { n: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['a hole', sparse()],
    ['a Date', { at: new Date(0) }],
    ['a Map', new Map()],
  ]
  for (const [what, value] of bad) assert.throws(() => canonicalJson(value), TypeError, what)
  const cycle: Record<string, unknown> = {}
  cycle.self = cycle
  assert.throws(() => canonicalJson(cycle), /cycle/)
  assert.throws(() => canonicalJson({ a: [{ b: undefined }] }), /at a\.0\.b/)
})

test('a value seen twice without a cycle is fine', () => {
  const shared = { x: 1 }
  assert.equal(canonicalJson({ a: shared, b: [shared] }), '{"a":{"x":1},"b":[{"x":1}]}')
  assert.equal(canonicalJson(Object.assign(Object.create(null), { b: 1, a: 2 })), '{"a":2,"b":1}')
})

test('parsing the canonical text gives the value back', () => {
  const value = { enjeux: [{ id: 'shape:a', titre: 'Réseau', noteIds: ['n1', 'n2'], rang: null }], version: 1 }
  assert.deepEqual(JSON.parse(canonicalJson(value)), value)
})
