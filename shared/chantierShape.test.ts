/**
 * The chantier shape is part of the board schema: the server's record check
 * (the one every incoming update goes through) accepts a well-formed chantier
 * and refuses a malformed one.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { chantierRecord, frameRecord } from '../tests/support/records'
import { checkBoardRecord, createBoardSchema } from './boardSchema'
import { CHANTIER_LIMITS } from './chantierShape'

const schema = createBoardSchema()

function check(record: { id: string }) {
  return checkBoardRecord(schema, record.id, record)
}

function assertRefused(record: { id: string }, reason: RegExp) {
  const result = check(record)
  assert.equal(result.ok, false, `should be refused: ${JSON.stringify(record).slice(0, 200)}`)
  if (!result.ok) assert.match(result.reason, reason)
}

test('a default chantier and a filled-in one are valid board records', () => {
  assert.deepEqual(check(chantierRecord('c0')), { ok: true })
  const full = chantierRecord('c1', {
    titre: 'Former les aidants numériques',
    description: 'Un parcours de formation pour les agents d’accueil des France Services.',
    porteur: 'Conseil départemental de l’Aisne',
    partenaires: ['Hub Hinaura', 'CAF', 'Communauté d’agglomération du Pays de Laon'],
    echeance: '2026-06',
    enjeuIds: ['shape:enjeu-1', 'shape:enjeu-2'],
  })
  assert.deepEqual(check(full), { ok: true })
  assert.deepEqual(check(frameRecord('enjeu-1', 'Inclusion')), { ok: true })
})

test('values at the limits are valid', () => {
  const record = chantierRecord('c2', {
    titre: 't'.repeat(CHANTIER_LIMITS.titre),
    description: 'd'.repeat(CHANTIER_LIMITS.description),
    porteur: 'p'.repeat(CHANTIER_LIMITS.porteur),
    partenaires: Array.from({ length: CHANTIER_LIMITS.partenaires }, (_, i) => `${i}`.padEnd(200, 'x')),
    echeance: 'e'.repeat(CHANTIER_LIMITS.echeance),
    enjeuIds: Array.from({ length: CHANTIER_LIMITS.enjeuIds }, (_, i) => `shape:f${i}`),
  })
  assert.deepEqual(check(record), { ok: true })
})

test('wrong prop types are refused', () => {
  assertRefused(chantierRecord('c3', { titre: 42 }), /props\.titre: Expected string/)
  assertRefused(chantierRecord('c4', { description: null }), /props\.description: Expected string/)
  assertRefused(chantierRecord('c5', { partenaires: 'CAF, Région' }), /props\.partenaires: Expected an array/)
  assertRefused(chantierRecord('c6', { partenaires: ['CAF', 7] }), /props\.partenaires\.1: Expected string/)
  assertRefused(chantierRecord('c7', { enjeuIds: ['enjeu-1'] }), /props\.enjeuIds\.0: .*shape:/)
  assertRefused(chantierRecord('c8', { w: 0 }), /props\.w: /)
  assertRefused(chantierRecord('c9', { h: 'grand' }), /props\.h: Expected number/)
})

test('too long texts and lists are refused', () => {
  assertRefused(
    chantierRecord('c10', { titre: 't'.repeat(CHANTIER_LIMITS.titre + 1) }),
    /props\.titre: Expected at most 200 characters/,
  )
  assertRefused(
    chantierRecord('c11', { description: 'd'.repeat(CHANTIER_LIMITS.description + 1) }),
    /props\.description: Expected at most/,
  )
  assertRefused(
    chantierRecord('c12', { porteur: 'p'.repeat(CHANTIER_LIMITS.porteur + 1) }),
    /props\.porteur: Expected at most/,
  )
  assertRefused(
    chantierRecord('c13', { echeance: 'e'.repeat(CHANTIER_LIMITS.echeance + 1) }),
    /props\.echeance: Expected at most/,
  )
  assertRefused(
    chantierRecord('c14', { partenaires: ['x'.repeat(CHANTIER_LIMITS.partenaire + 1)] }),
    /props\.partenaires\.0: Expected at most/,
  )
  assertRefused(
    chantierRecord('c15', { partenaires: Array.from({ length: CHANTIER_LIMITS.partenaires + 1 }, (_, i) => `P${i}`) }),
    /props\.partenaires: Expected at most 30 items/,
  )
  assertRefused(
    chantierRecord('c16', { enjeuIds: Array.from({ length: CHANTIER_LIMITS.enjeuIds + 1 }, (_, i) => `shape:f${i}`) }),
    /props\.enjeuIds: Expected at most 100 items/,
  )
  assertRefused(chantierRecord('c17', { enjeuIds: ['shape:a', 'shape:a'] }), /props\.enjeuIds: Expected distinct/)
})

/** The ANCT's fields of an action, filled in as a group would. */
const ANCT = {
  contexte: 'Un tiers des habitants de la Thiérache n’a jamais fait de démarche en ligne.',
  besoins: 'Deux médiateurs à temps plein, un véhicule, des tablettes.',
  budgetGlobal: '12 000 €',
  dateDeDebut: '2026-01',
  coFinancements: ['Banque des Territoires', 'Région Hauts-de-France'],
  perimetreGeographique: 'Communauté de communes de la Thiérache du Centre',
}

test('the ANCT fields are optional: a card without them, with some or with all is valid', () => {
  // A record stored before the fields existed has none of them (chantierRecord: the defaults).
  const stored = chantierRecord('a0') as unknown as { props: Record<string, unknown> }
  for (const key of Object.keys(ANCT)) assert.equal(key in stored.props, false, key)
  assert.deepEqual(check(stored as unknown as { id: string }), { ok: true })
  assert.deepEqual(check(chantierRecord('a1', { budgetGlobal: '12 000 €' })), { ok: true })
  assert.deepEqual(check(chantierRecord('a2', ANCT)), { ok: true })
  assert.deepEqual(check(chantierRecord('a3', { ...ANCT, contexte: '', coFinancements: [] })), { ok: true })
})

test('ANCT fields at their limits are valid, one past them is refused', () => {
  const atLimits = chantierRecord('a4', {
    contexte: 'c'.repeat(CHANTIER_LIMITS.contexte),
    besoins: 'b'.repeat(CHANTIER_LIMITS.besoins),
    budgetGlobal: '9'.repeat(CHANTIER_LIMITS.budgetGlobal),
    dateDeDebut: 'd'.repeat(CHANTIER_LIMITS.dateDeDebut),
    coFinancements: Array.from({ length: CHANTIER_LIMITS.coFinancements }, (_, i) =>
      `${i}`.padEnd(CHANTIER_LIMITS.coFinancement, 'x'),
    ),
    perimetreGeographique: 'p'.repeat(CHANTIER_LIMITS.perimetreGeographique),
  })
  assert.deepEqual(check(atLimits), { ok: true })
  const over: [string, unknown, RegExp][] = [
    ['contexte', 'c'.repeat(CHANTIER_LIMITS.contexte + 1), /props\.contexte: Expected at most 4000 characters/],
    ['besoins', 'b'.repeat(CHANTIER_LIMITS.besoins + 1), /props\.besoins: Expected at most 4000 characters/],
    ['budgetGlobal', '9'.repeat(CHANTIER_LIMITS.budgetGlobal + 1), /props\.budgetGlobal: Expected at most 40/],
    ['dateDeDebut', 'd'.repeat(CHANTIER_LIMITS.dateDeDebut + 1), /props\.dateDeDebut: Expected at most 40/],
    [
      'perimetreGeographique',
      'p'.repeat(CHANTIER_LIMITS.perimetreGeographique + 1),
      /props\.perimetreGeographique: Expected at most 200/,
    ],
    [
      'coFinancements',
      ['x'.repeat(CHANTIER_LIMITS.coFinancement + 1)],
      /props\.coFinancements\.0: Expected at most 200 characters/,
    ],
    [
      'coFinancements',
      Array.from({ length: CHANTIER_LIMITS.coFinancements + 1 }, (_, i) => `F${i}`),
      /props\.coFinancements: Expected at most 30 items/,
    ],
  ]
  for (const [key, value, reason] of over) assertRefused(chantierRecord(`a5-${key}`, { [key]: value }), reason)
})

test('ANCT fields of the wrong type are refused (null is not absent)', () => {
  assertRefused(chantierRecord('a6', { budgetGlobal: 12000 }), /props\.budgetGlobal: Expected string, got a number/)
  assertRefused(chantierRecord('a7', { contexte: null }), /props\.contexte: Expected string, got null/)
  assertRefused(chantierRecord('a8', { coFinancements: 'CAF' }), /props\.coFinancements: Expected an array/)
  assertRefused(chantierRecord('a9', { coFinancements: ['CAF', 3] }), /props\.coFinancements\.1: Expected string/)
  assertRefused(chantierRecord('a10', { dateDeDebut: { an: 2026 } }), /props\.dateDeDebut: Expected string/)
  // A near miss of a field name is an unknown prop, not an optional one.
  assertRefused(chantierRecord('a11', { budget: '12 000 €' }), /props\.budget: Unexpected property/)
})

test('unknown and missing props are refused', () => {
  assertRefused(chantierRecord('c18', { budget: 1000 }), /props\.budget: Unexpected property/)
  const missing = chantierRecord('c19') as unknown as { props: Record<string, unknown> }
  delete missing.props.porteur
  assertRefused(missing as unknown as { id: string }, /props\.porteur: Expected string/)
})

test('an unknown shape type is still refused', () => {
  const other = { ...chantierRecord('c20'), type: 'chantiers' }
  assertRefused(other, /invalid shape/)
})
