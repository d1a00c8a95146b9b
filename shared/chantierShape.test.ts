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
