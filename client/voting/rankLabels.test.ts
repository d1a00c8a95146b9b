import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next, { type TFunction } from 'i18next'
import type { RankedItem } from '../../shared/control'
import { en } from '../i18n/en'
import { fr } from '../i18n/fr'
import { ordinal, rankLabel, tiedRanks } from './rankLabels'

async function translator(lng: 'fr' | 'en'): Promise<TFunction> {
  const i18n = i18next.createInstance()
  await i18n.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng,
    initAsync: false,
    interpolation: { escapeValue: false },
  })
  return i18n.t
}

const item = (targetId: string, votes: number, rank: number): RankedItem => ({ targetId, votes, rank, byCollege: {} })

test('ties are the ranks held by more than one item', () => {
  const ranking = [item('a', 5, 1), item('b', 3, 2), item('c', 3, 2), item('d', 0, 4), item('e', 0, 4)]
  assert.deepEqual([...tiedRanks(ranking)].sort(), [2, 4])
  assert.deepEqual([...tiedRanks([item('a', 1, 1)])], [])
})

test('ordinals in French and English', () => {
  assert.deepEqual(
    [1, 2, 3, 10].map((n) => ordinal(n, 'fr')),
    ['1er', '2e', '3e', '10e'],
  )
  assert.deepEqual(
    [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map((n) => ordinal(n, 'en')),
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th'],
  )
})

test('badges read « 1er · 12 pts », ties say « ex æquo »', async () => {
  const t = await translator('fr')
  assert.equal(rankLabel(t, 'fr', item('a', 12, 1), false), '1er · 12 pts')
  assert.equal(rankLabel(t, 'fr', item('b', 5, 2), true), '2e ex æquo · 5 pts')
  assert.equal(rankLabel(t, 'fr', item('c', 1, 4), false), '4e · 1 pt')
  assert.equal(rankLabel(t, 'fr', item('d', 0, 5), true), '5e ex æquo · 0 pt')
  const tEn = await translator('en')
  assert.equal(rankLabel(tEn, 'en', item('a', 12, 1), false), '1st · 12 pts')
  assert.equal(rankLabel(tEn, 'en', item('b', 1, 2), true), '2nd (tied) · 1 pt')
})
