/**
 * The read rule of roadmaps and snapshots, over a real SQLite store: who gets
 * in, and which refusal (401 / 403) everyone else gets.
 */
import assert from 'node:assert/strict'
import type { IncomingMessage } from 'node:http'
import { after, before, test } from 'node:test'
import { tempDataDir } from '../../tests/support/serverProcess'
import { loadAdminToken } from '../auth/adminToken'
import { ReaderGrantSigner, readerCookieName, readerLinkId } from '../auth/readerGrants'
import { newSecret } from '../auth/secrets'
import { SessionSigner } from '../auth/sessions'
import { HttpError } from '../http/errors'
import { openSqliteStore, type SqliteStore } from '../storage/sqliteStore'
import { authorizeProcessRead, authorizeWorkshopRead, type ReadAccessDeps } from './readAccess'

const key = newSecret(32)
let store: SqliteStore
let deps: ReadAccessDeps
const tokens: Record<string, string> = {}

before(async () => {
  const dir = tempDataDir()
  store = openSqliteStore(dir)
  deps = {
    store,
    signer: new SessionSigner(key, 600),
    adminToken: loadAdminToken(dir, 'admin-token-0123456789'),
    readers: new ReaderGrantSigner(key, 600),
  }
  for (const [id, hash] of [
    ['d1', 'a'.repeat(64)],
    ['d2', 'b'.repeat(64)],
  ] as const) {
    await store.createProcess({ id, nom: id, codeDepartement: null, perimetre: null, createdAt: 1 }, hash)
    tokens[`grant-${id}`] = await deps.readers.sign({ processId: id, linkId: readerLinkId(hash) })
  }
  for (const [id, processId] of [
    ['w1', 'd1'],
    ['w2', 'd1'],
    ['w3', 'd2'],
    ['w4', null],
  ] as const) {
    await store.createWorkshop({ id, title: id, template: 'vide', createdAt: 1, processId }, [])
    await store.addParticipant({
      id: `p-${id}`,
      workshopId: id,
      role: 'observer',
      name: 'Olga',
      organisation: null,
      college: null,
      createdAt: 1,
    })
    tokens[id] = await deps.signer.sign({ participantId: `p-${id}`, workshopId: id, role: 'observer' })
  }
  // A session whose participant was removed.
  tokens.ghost = await deps.signer.sign({ participantId: 'p-gone', workshopId: 'w1', role: 'participant' })
})
after(() => store.close())

const request = (headers: Record<string, string>) => ({ headers }) as IncomingMessage
const bearer = (token: string) => request({ authorization: `Bearer ${token}` })
const cookie = (name: string, value: string) => request({ cookie: `other=1; ${name}=${value}` })

async function refusal(check: Promise<unknown>): Promise<number | 'allowed'> {
  try {
    await check
    return 'allowed'
  } catch (e) {
    assert.ok(e instanceof HttpError)
    return e.status
  }
}

test('a démarche’s roadmap: the admin, its reader grant, a session of one of its workshops', async () => {
  assert.deepEqual(await authorizeProcessRead(deps, bearer('admin-token-0123456789'), 'd1'), { kind: 'admin' })
  assert.deepEqual(await authorizeProcessRead(deps, cookie(readerCookieName('d1'), tokens['grant-d1']!), 'd1'), {
    kind: 'reader',
  })
  assert.deepEqual(await authorizeProcessRead(deps, bearer(tokens['grant-d1']!), 'd1'), { kind: 'reader' })
  for (const req of [bearer(tokens.w2!), cookie('atelier_session_w2', tokens.w2!)]) {
    const reader = await authorizeProcessRead(deps, req, 'd1')
    assert.equal(reader.kind === 'session' && reader.session.workshopId, 'w2')
  }
})

test('a démarche’s roadmap refuses: 401 without credentials or with dead ones, 403 with another’s', async () => {
  const read = (req: IncomingMessage) => refusal(authorizeProcessRead(deps, req, 'd1'))
  assert.equal(await read(request({})), 401)
  assert.equal(await read(bearer('wrong-admin-token-0000')), 401)
  assert.equal(await read(bearer(tokens.ghost!)), 401)
  // Another démarche's grant, in its own cookie (not ours) or as a bearer.
  assert.equal(await read(cookie(readerCookieName('d2'), tokens['grant-d2']!)), 401)
  assert.equal(await read(bearer(tokens['grant-d2']!)), 403)
  // Our cookie name holding another démarche's grant.
  assert.equal(await read(cookie(readerCookieName('d1'), tokens['grant-d2']!)), 403)
  // Sessions of workshops outside the démarche.
  assert.equal(await read(bearer(tokens.w3!)), 403)
  assert.equal(await read(cookie('atelier_session_w4', tokens.w4!)), 403)
})

test('rotating the reader link revokes the grants it gave', async () => {
  await store.createProcess(
    { id: 'd3', nom: 'd3', codeDepartement: null, perimetre: null, createdAt: 1 },
    'c'.repeat(64),
  )
  const grant = await deps.readers.sign({ processId: 'd3', linkId: readerLinkId('c'.repeat(64)) })
  assert.equal(await refusal(authorizeProcessRead(deps, bearer(grant), 'd3')), 'allowed')
  await store.rotateProcessLink({ processId: 'd3', secretHash: 'd'.repeat(64), createdAt: 2 }, 2)
  assert.equal(await refusal(authorizeProcessRead(deps, bearer(grant), 'd3')), 401)
})

test('a workshop’s snapshots: its sessions, and whoever reads its démarche’s roadmap', async () => {
  const read = (req: IncomingMessage, workshopId = 'w1') => refusal(authorizeWorkshopRead(deps, req, workshopId))
  assert.equal(await read(bearer(tokens.w1!)), 'allowed')
  assert.equal(await read(bearer(tokens.w2!)), 'allowed')
  assert.equal(await read(cookie(readerCookieName('d1'), tokens['grant-d1']!)), 'allowed')
  assert.equal(await read(bearer('admin-token-0123456789')), 'allowed')
  assert.equal(await read(request({})), 401)
  assert.equal(await read(bearer(tokens.w3!)), 403)
  assert.equal(await read(bearer(tokens['grant-d2']!)), 403)
  // A workshop of no démarche: its own sessions only.
  assert.equal(await read(bearer(tokens.w4!), 'w4'), 'allowed')
  assert.equal(await read(bearer(tokens.w1!), 'w4'), 403)
  assert.equal(await read(bearer(tokens['grant-d1']!), 'w4'), 401)
})
