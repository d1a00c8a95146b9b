import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next, { type TFunction } from 'i18next'
import { deriveBoardModel } from '../../../shared/model/boardModel'
import { rectangleRecord } from '../../../shared/model/shapeRecords'
import { chantierRecord, documentRecords, frameRecord, noteRecord } from '../../../tests/support/records'
import { en } from '../../i18n/en'
import { fr } from '../../i18n/fr'
import { boardCounts, countsText } from './boardCounts'

const i18n = i18next.createInstance()
void i18n.init({ resources: { fr: { translation: fr }, en: { translation: en } }, lng: 'fr', initAsync: false })

function board() {
  const parking = rectangleRecord({
    id: 'shape:zone-parking',
    x: 3000,
    y: 0,
    w: 500,
    h: 1000,
    isLocked: true,
    meta: { atelier: { zone: 'parking', part: 'area' } },
  })
  const inFrame = (id: string, frame: string) => ({ ...noteRecord(id, id, 20, 40), parentId: `shape:${frame}` })
  return [
    ...documentRecords(),
    parking,
    frameRecord('reseau', 'Couverture réseau', 0, 0),
    frameRecord('inclusion', 'Inclusion numérique', 1000, 0),
    frameRecord('vide', 'Encore vide', 2000, 0),
    inFrame('n1', 'reseau'),
    inFrame('n2', 'reseau'),
    inFrame('n3', 'inclusion'),
    noteRecord('loose1', 'Tiers-lieux', 2000, 2000),
    noteRecord('loose2', 'Cantine', 2400, 2000),
    noteRecord('parked', 'Hors sujet', 3100, 100),
    chantierRecord('c1', { titre: 'Fibre', enjeuIds: ['shape:reseau'] }, 0, 3000),
  ]
}

test('the counts of a board: enjeux, notes (to cluster, parked), chantiers', () => {
  const counts = boardCounts(deriveBoardModel(board()))
  assert.deepEqual(counts, { enjeux: 3, notes: 6, loose: 2, parked: 1, chantiers: 1 })
  assert.equal(
    countsText(i18n.getFixedT('fr') as TFunction, counts),
    '3 enjeux · 6 notes dont 2 à classer · 1 au parking · 1 chantier',
  )
  assert.equal(
    countsText(i18n.getFixedT('en') as TFunction, counts),
    '3 issues · 6 notes, 2 not sorted yet · 1 parked · 1 work stream',
  )
})

test('an empty board reads in the singular, as French counts zero', () => {
  const counts = boardCounts(deriveBoardModel(documentRecords()))
  assert.equal(
    countsText(i18n.getFixedT('fr') as TFunction, counts),
    '0 enjeu · 0 note dont 0 à classer · 0 au parking · 0 chantier',
  )
})

test('large counts are grouped in the page’s language', () => {
  const counts = { enjeux: 20, notes: 2000, loose: 1500, parked: 0, chantiers: 100 }
  assert.equal(
    countsText(i18n.getFixedT('fr') as TFunction, counts).replace(/\s/g, ' '),
    '20 enjeux · 2 000 notes dont 1 500 à classer · 0 au parking · 100 chantiers',
  )
  assert.equal(
    countsText(i18n.getFixedT('en') as TFunction, counts),
    '20 issues · 2,000 notes, 1,500 not sorted yet · 0 parked · 100 work streams',
  )
})
