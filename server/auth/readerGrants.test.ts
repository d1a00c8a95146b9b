import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ReaderGrantSigner, readerLinkId } from './readerGrants'
import { newSecret } from './secrets'
import { SessionSigner } from './sessions'

const key = newSecret(32)

test('a grant round-trips, names its démarche and link, and expires', async () => {
  const readers = new ReaderGrantSigner(key, 60)
  const token = await readers.sign({ processId: 'd1', linkId: readerLinkId('ab'.repeat(32)) })
  const grant = await readers.verify(token)
  assert.equal(grant?.processId, 'd1')
  assert.equal(grant?.linkId, 'abababababababab')
  assert.ok(grant && grant.exp > Date.now() / 1000 && grant.exp <= Date.now() / 1000 + 61)
})

test('a grant is not a session and a session is not a grant, under the same key', async () => {
  const readers = new ReaderGrantSigner(key, 60)
  const sessions = new SessionSigner(key, 60)
  const grant = await readers.sign({ processId: 'd1', linkId: 'l1' })
  const session = await sessions.sign({ participantId: 'p1', workshopId: 'w1', role: 'facilitator' })
  assert.equal(await sessions.verify(grant), null)
  assert.equal(await readers.verify(session), null)
})

test('tampered, foreign-key, expired and malformed tokens verify as nothing', async () => {
  const readers = new ReaderGrantSigner(key, 60)
  const token = await readers.sign({ processId: 'd1', linkId: 'l1' })
  const [header, payload, signature] = token.split('.') as [string, string, string]
  const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'd2' }))
  assert.equal(await readers.verify(`${header}.${forged.toString('base64url')}.${signature}`), null)
  assert.equal(await new ReaderGrantSigner(newSecret(32), 60).verify(token), null)
  assert.equal(
    await new ReaderGrantSigner(key, -1).verify(
      await new ReaderGrantSigner(key, -1).sign({ processId: 'd1', linkId: 'l1' }),
    ),
    null,
  )
  assert.equal(await readers.verify('not.a.jwt'), null)
})
