import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isFrenchStopWord, isWorkshopGenericStem } from './frenchStopWords'
import { normalizeFrench } from './normalizeFrench'
import { stemFrench } from './stemFrench'
import { stripAccents } from './stripAccents'

const stems = (text: string): string[] => normalizeFrench(text).map((t) => t.stem)

test('accents, case and plurals reach the same stem', () => {
  assert.deepEqual(stems('Médiation'), stems('mediations'))
  assert.deepEqual(stems('MÉDIATIONS NUMÉRIQUES'), stems('médiation numérique'))
  assert.deepEqual(stems('Réseaux'), stems('reseau'))
  assert.deepEqual(stems('Personnes âgées'), stems('personne agee'))
})

test('plural "s" is dropped before Snowball, which splits some singular/plural pairs', () => {
  for (const [singular, plural] of [
    ['débit', 'débits'],
    ['conseiller', 'conseillers'],
    ['connexion', 'connexions'],
    ['usager', 'usagers'],
    ['ordinateur', 'ordinateurs'],
  ] as const) {
    assert.equal(stemFrench(singular), stemFrench(plural), `${singular} / ${plural}`)
  }
  assert.equal(stemFrench('accès'), stemFrench('acces'))
})

test('stripAccents handles combining marks and the œ/æ ligatures', () => {
  assert.equal(stripAccents('médiation'), 'mediation')
  assert.equal(stripAccents('cœur'), 'coeur')
  assert.equal(stripAccents('ex æquo'), 'ex aequo')
  assert.equal(stripAccents('ça'), 'ca')
})

test('surface keeps what the participant wrote, lower case with accents', () => {
  assert.deepEqual(normalizeFrench('Médiation NUMÉRIQUE'), [
    { stem: 'mediat', surface: 'médiation' },
    { stem: stemFrench('numérique'), surface: 'numérique' },
  ])
})

test('stop words, elisions and one-letter pieces are dropped', () => {
  assert.deepEqual(
    normalizeFrench("Le très haut débit n'arrive pas").map((t) => t.surface),
    ['débit', 'arrive'],
  )
  assert.deepEqual(
    normalizeFrench("l'accès à l'Internet").map((t) => t.surface),
    ['accès', 'internet'],
  )
  assert.ok(isFrenchStopWord('très') && isFrenchStopWord('tres') && isFrenchStopWord('les'))
})

test('workshop framing words are dropped in every form, topic words are not', () => {
  assert.deepEqual(stems('Manque de médiateurs'), stems('médiateurs'))
  assert.deepEqual(stems('Ils manquent de médiateurs'), stems('médiateurs'))
  assert.deepEqual(stems('Besoins en formation'), stems('formation'))
  assert.deepEqual(stems('Problèmes de réseau'), stems('réseau'))
  assert.ok(isWorkshopGenericStem(stemFrench('insuffisante')))
  assert.ok(!isWorkshopGenericStem(stemFrench('fibre')))
})

test('digits stay inside words (4G), bare numbers go', () => {
  assert.deepEqual(
    normalizeFrench('Couverture 4G et 5G en 2024').map((t) => t.surface),
    ['couverture', '4g', '5g'],
  )
})

test('HTML-ish text, entities and emoji leave only words', () => {
  assert.deepEqual(
    normalizeFrench('<p><b>Fibre</b>&nbsp;optique&#160;🎉 <br/> &eacute;</p>').map((t) => t.surface),
    ['fibre', 'optique'],
  )
  assert.deepEqual(normalizeFrench('🚀🔥👍 !!! ... 123'), [])
  assert.deepEqual(normalizeFrench('<div></div>'), [])
})

test('notes of stop words only, or empty, give no token', () => {
  assert.deepEqual(normalizeFrench(''), [])
  assert.deepEqual(normalizeFrench('   '), [])
  assert.deepEqual(normalizeFrench('Il y a de la et du pour les'), [])
  assert.deepEqual(normalizeFrench('Besoin ! Manque ? Problème.'), [])
})

test('a stem cache gives the same tokens and fills up', () => {
  const cache = new Map<string, string>()
  const once = normalizeFrench('Réseaux mobiles et réseau fixe', cache)
  assert.deepEqual(normalizeFrench('Réseaux mobiles et réseau fixe', cache), once)
  assert.deepEqual(once, normalizeFrench('Réseaux mobiles et réseau fixe'))
  assert.ok(cache.size >= 3)
})
