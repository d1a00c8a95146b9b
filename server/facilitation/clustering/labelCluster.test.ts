import assert from 'node:assert/strict'
import { test } from 'node:test'
import { labelCluster } from './labelCluster'
import { normalizeFrench } from './normalizeFrench'
import { vectorizeNotes } from './tfidf'

function label(texts: string[], useFamilies = true): string {
  const tokens = texts.map((t) => normalizeFrench(t))
  const { wordWeights } = vectorizeNotes(tokens, { familyWeight: useFamilies ? 0.35 : 0 })
  return labelCluster({ tokens, wordWeights, useFamilies })
}

test('words shared by more notes come first, in the form written most often', () => {
  assert.equal(
    label(['Médiations en mairie', 'médiation numérique', 'Médiations itinérantes']),
    'Médiations, mairie, numérique',
  )
})

test('at most three words, first one capitalised, accents kept', () => {
  const l = label(['Équipement des écoles rurales en tablettes', 'équipement des écoles'], false)
  assert.equal(l, 'Équipement, écoles, rurales')
})

test("words of the cluster's main related-term family are preferred", () => {
  // "villages" and "hameaux" are as rare as "fibre" and "4G", but only the latter say what the
  // notes have in common.
  assert.equal(label(['Villages sans fibre', 'Hameaux sans 4G']), 'Fibre, 4g, villages')
  assert.equal(label(['Villages sans fibre', 'Hameaux sans 4G'], false), 'Villages, fibre, hameaux')
})

test('no words, no label', () => {
  assert.equal(label(['', 'le la les']), '')
})
