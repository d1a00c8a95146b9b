import assert from 'node:assert/strict'
import { test } from 'node:test'
import { normalizeFrench } from './normalizeFrench'
import { type SparseVector, vectorizeNotes } from './tfidf'

const dot = (a: SparseVector, b: SparseVector): number => {
  let sum = 0
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    if (a.ids[i] === b.ids[j]) sum += a.weights[i++]! * b.weights[j++]!
    else if (a.ids[i]! < b.ids[j]!) i++
    else j++
  }
  return sum
}
const norm = (v: SparseVector): number => Math.sqrt(dot(v, v))
const vectorize = (texts: string[], familyWeight: number) =>
  vectorizeNotes(
    texts.map((t) => normalizeFrench(t)),
    { familyWeight },
  )

test('vectors are unit length with ascending ids, or empty for notes without words', () => {
  const { vectors } = vectorize(['Fibre optique', 'Fibre fibre débit réseau', 'le la les', 'Ordinateurs'], 0.35)
  for (const [k, v] of vectors.entries()) {
    if (k === 2) {
      assert.equal(v.ids.length, 0)
      continue
    }
    assert.ok(Math.abs(norm(v) - 1) < 1e-12)
    for (let i = 1; i < v.ids.length; i++) assert.ok(v.ids[i - 1]! < v.ids[i]!)
  }
})

test('identical notes have cosine 1, notes with nothing in common 0', () => {
  const { vectors } = vectorize(['Médiation numérique', 'Médiation numérique', 'Cybersécurité'], 0.35)
  assert.ok(Math.abs(dot(vectors[0]!, vectors[1]!) - 1) < 1e-12)
  assert.equal(dot(vectors[0]!, vectors[2]!), 0)
})

test('rarer words weigh more (IDF)', () => {
  const { wordWeights } = vectorize(['fibre villages', 'fibre hameaux', 'fibre mairie'], 0)
  const w = wordWeights[0]!
  assert.ok(w.get('villag')! > w.get('fibr')!)
})

test('a related-term family links notes with no word in common, by the stated share', () => {
  // One word each, one family each: cosine(words) = 0 and cosine(families) = 1.
  const { vectors } = vectorize(['Fibre', 'Débit'], 0.35)
  assert.ok(Math.abs(dot(vectors[0]!, vectors[1]!) - 0.35) < 1e-12)
  const off = vectorize(['Fibre', 'Débit'], 0)
  assert.equal(dot(off.vectors[0]!, off.vectors[1]!), 0)
  assert.equal(off.dimensions, 2)
})

test('notes of different families are not linked by them', () => {
  const { vectors } = vectorize(['Fibre', 'Ordinateurs'], 0.35)
  assert.equal(dot(vectors[0]!, vectors[1]!), 0)
})
