/**
 * The client's store schema (tldraw's shape utils + ChantierShapeUtil) is the
 * server's (shared/boardSchema.ts): same record types, same versions, same
 * verdict on a chantier record.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createTLStore } from 'tldraw'
import { checkBoardRecord, createBoardSchema } from '../../../shared/boardSchema'
import { chantierRecord } from '../../../tests/support/records'
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
