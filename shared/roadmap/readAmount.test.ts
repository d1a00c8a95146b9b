import assert from 'node:assert/strict'
import { test } from 'node:test'
import { readAmount } from './readAmount'

test('amounts typed the French way read as numbers of euros', () => {
  const cases: [string, number][] = [
    ['12 000 €', 12000],
    ['12\u202f000\u00a0€', 12000],
    ['12000', 12000],
    ['12k€', 12000],
    ['12 k€', 12000],
    ['12K', 12000],
    ['12,5 k€', 12500],
    ['1,5 M€', 1500000],
    ['1.5M', 1500000],
    ['2 millions d’euros', 2000000],
    ['1 milliard', 1e9],
    ['12 000,50 €', 12000.5],
    ['12.000 €', 12000],
    ['12.500,50 € HT', 12500.5],
    ['1,234,567.89', 1234567.89],
    ['1.234.567', 1234567],
    ['12,000', 12000],
    ['45 euros', 45],
    ['45 EUR TTC', 45],
    ['€ 300', 300],
    ['0 €', 0],
    ['  7 500 € ', 7500],
    ['1,500 k€', 1500],
  ]
  for (const [text, expected] of cases) assert.equal(readAmount(text), expected, text)
})

test('what is not one clear amount is null', () => {
  for (const text of [
    '',
    'à chiffrer',
    'environ 12 000 €',
    '10 à 15 k€',
    '10-15k€',
    '-500 €',
    '12,',
    '12..5',
    '1,23,4',
    '12.000.5',
    '1.000,000',
    '12 $',
    '12 kg',
    'k€',
    '12 000 € par an',
  ]) {
    assert.equal(readAmount(text), null, JSON.stringify(text))
  }
})
