import assert from 'node:assert/strict'
import { test } from 'node:test'
import { readDate } from './readDate'

test('an échéance that reads as a date gives the last day of its period', () => {
  const cases: [string, string][] = [
    ['2026-06-15', '2026-06-15'],
    ['2026-06', '2026-06-30'],
    ['2026-02', '2026-02-28'],
    ['2028-02', '2028-02-29'],
    ['2026', '2026-12-31'],
    ['15/06/2026', '2026-06-15'],
    ['5.6.2026', '2026-06-05'],
    ['06/2026', '2026-06-30'],
    ['juin 2026', '2026-06-30'],
    ['Juin 2026', '2026-06-30'],
    ['  juin   2026 ', '2026-06-30'],
    ['février 2027', '2027-02-28'],
    ['fevrier 2027', '2027-02-28'],
    ['déc. 2026', '2026-12-31'],
    ['juil. 2026', '2026-07-31'],
    ['sept 2026', '2026-09-30'],
    ['15 juin 2026', '2026-06-15'],
    ['1er juillet 2026', '2026-07-01'],
    ['fin 2026', '2026-12-31'],
    ['Fin juin 2026', '2026-06-30'],
    ["d'ici fin 2026", '2026-12-31'],
    ['d’ici juin 2027', '2027-06-30'],
    ['avant le 31/03/2027', '2027-03-31'],
    ['courant 2026', '2026-12-31'],
    ['en 2027', '2027-12-31'],
    ['T2 2026', '2026-06-30'],
    ['t4 2026', '2026-12-31'],
    ['2e trimestre 2026', '2026-06-30'],
    ['1er trimestre 2027', '2027-03-31'],
    ['S1 2026', '2026-06-30'],
    ['2nd semestre 2026', '2026-12-31'],
    ['début 2027', '2027-01-01'],
    ['2026.', '2026-12-31'],
  ]
  for (const [text, expected] of cases) assert.equal(readDate(text, 'end'), expected, text)
})

test('a start date gives the first day of its period, unless « fin » says otherwise', () => {
  const cases: [string, string][] = [
    ['2026-06', '2026-06-01'],
    ['2026', '2026-01-01'],
    ['juin 2026', '2026-06-01'],
    ['T3 2026', '2026-07-01'],
    ['S2 2026', '2026-07-01'],
    ['15/06/2026', '2026-06-15'],
    ['fin 2026', '2026-12-31'],
    ['début septembre 2026', '2026-09-01'],
  ]
  for (const [text, expected] of cases) assert.equal(readDate(text, 'start'), expected, text)
})

test('what does not read as a date is null', () => {
  for (const text of [
    '',
    'à définir',
    'rentrée',
    'rapidement',
    'fin',
    'juin',
    '2026-13',
    '2026-02-30',
    '31/04/2026',
    '0/2026',
    'T5 2026',
    'brumaire 2026',
    '12',
    '120000',
    '1200',
    '2026-2027',
    'juin 2026 ou juillet 2026',
  ]) {
    assert.equal(readDate(text, 'end'), null, JSON.stringify(text))
  }
})
