/**
 * The board in figures, as the workshop bar shows it: « 3 enjeux · 12 notes
 * dont 2 à classer · 1 au parking · 2 chantiers ». Pure: unit-tested in
 * boardCounts.test.ts, and checked against the server's model in the browser
 * test (tests/e2e/boardModel.spec.ts).
 */
import type { TFunction } from 'i18next'
import type { BoardModel } from '../../../shared/model/boardModel'

export interface BoardCounts {
  enjeux: number
  notes: number
  /** Notes in no enjeu and not parked: still to be clustered. */
  loose: number
  parked: number
  chantiers: number
}

export function boardCounts(model: BoardModel): BoardCounts {
  let loose = 0
  let parked = 0
  for (const note of model.notes) {
    if (note.parking) parked++
    else if (note.enjeuId === null) loose++
  }
  return { enjeux: model.enjeux.length, notes: model.notes.length, loose, parked, chantiers: model.chantiers.length }
}

export function countsText(t: TFunction, c: BoardCounts): string {
  return [
    t('synthesis.enjeux', { count: c.enjeux }),
    t('synthesis.notesLoose', { notes: t('synthesis.notes', { count: c.notes }), count: c.loose }),
    t('synthesis.parked', { count: c.parked }),
    t('synthesis.chantiers', { count: c.chantiers }),
  ].join(' · ')
}
