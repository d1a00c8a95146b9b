/**
 * The client's store schema (tldraw's shape utils + ChantierShapeUtil) is the
 * server's (shared/boardSchema.ts): same record types, same versions, same
 * verdict on a chantier record.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createTLStore } from 'tldraw'
import { checkBoardRecord, createBoardSchema } from '../../../shared/boardSchema'
import { chantierRecord, documentRecords } from '../../../tests/support/records'
import { boardShapeUtils } from './boardShapes'

test('the client store and the server validate chantiers with the same schema', () => {
  const client = createTLStore({ shapeUtils: boardShapeUtils }).schema
  const server = createBoardSchema()
  assert.deepEqual(client.serialize(), server.serialize())
  const { sequences } = client.serialize() as { sequences: Record<string, number> }
  assert.equal(sequences['com.tldraw.shape.chantier'], 0)
  const good = chantierRecord('c1', { titre: 'Former les aidants', enjeuIds: ['shape:f1'] })
  const bad = chantierRecord('c2', { titre: 'x'.repeat(201) })
  for (const schema of [client, server]) {
    assert.deepEqual(checkBoardRecord(schema, good.id, good), { ok: true })
    assert.equal(checkBoardRecord(schema, bad.id, bad).ok, false)
  }
})

test('the optional ANCT fields change neither schema: old and filled-in cards are valid on both sides', () => {
  const client = createTLStore({ shapeUtils: boardShapeUtils })
  const server = createBoardSchema()
  // Still version 0 of the chantier's props: optional props need no migration.
  const { sequences } = client.schema.serialize() as { sequences: Record<string, number> }
  assert.equal(sequences['com.tldraw.shape.chantier'], 0)
  const old = chantierRecord('old', { titre: 'Carte d’avant les champs ANCT' })
  const filled = chantierRecord('anct', {
    titre: 'Médiation itinérante',
    contexte: 'Villages sans France Services',
    besoins: 'Un véhicule équipé',
    budgetGlobal: '12 000 €',
    dateDeDebut: '2026-01',
    coFinancements: ['Banque des Territoires'],
    perimetreGeographique: 'Thiérache',
  })
  const wrong = chantierRecord('wrong', { coFinancements: 'Banque des Territoires' })
  for (const schema of [client.schema, server]) {
    assert.deepEqual(checkBoardRecord(schema, old.id, old), { ok: true })
    assert.deepEqual(checkBoardRecord(schema, filled.id, filled), { ok: true })
    assert.equal(checkBoardRecord(schema, wrong.id, wrong).ok, false)
  }
  // The client's store takes both as they are, and keeps an absent field absent.
  client.put([...documentRecords(), old, filled])
  assert.equal('contexte' in (client.get(old.id as never) as unknown as { props: object }).props, false)
  assert.deepEqual(client.get(filled.id as never), filled)
})
