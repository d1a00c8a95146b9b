import assert from 'node:assert/strict'
import { test } from 'node:test'
import { RELATED_TERM_FAMILIES, relatedTermFamily } from './relatedTerms'
import { stemFrench } from './stemFrench'

test('every listed word is found in its family, in singular and plural', () => {
  for (const [family, words] of Object.entries(RELATED_TERM_FAMILIES)) {
    for (const word of words) {
      assert.equal(relatedTermFamily(stemFrench(word)), family, word)
      const plural = /[sx]$/.test(word) ? word : /(eau|au|eu)$/.test(word) ? `${word}x` : `${word}s`
      assert.equal(relatedTermFamily(stemFrench(plural)), family, plural)
    }
  }
})

test('accent-free spellings are found too', () => {
  assert.equal(relatedTermFamily(stemFrench('mediation')), 'accompagnement')
  assert.equal(relatedTermFamily(stemFrench('equipements')), 'equipement')
  assert.equal(relatedTermFamily(stemFrench('debit')), 'connectivite')
})

test('generic words belong to no family', () => {
  for (const word of ['numérique', 'besoin', 'public', 'territoire', 'projet', 'mairie']) {
    assert.equal(relatedTermFamily(stemFrench(word)), undefined, word)
  }
})
