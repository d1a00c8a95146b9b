import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

let server: ServerProcess
before(async () => {
  server = await startServerProcess({
    env: {
      ATELIER_TLDRAW_LICENSE_KEY: 'tldraw-key-from-config',
      ATELIER_ACCESSIBILITY_CONTACT: 'accessibilite@aisne.fr',
      ATELIER_RETENTION_DAYS: '200',
    },
  })
})
after(async () => {
  await server.stop()
})

test('GET /healthz answers 200 while the store is writable', async () => {
  const res = await fetch(`${server.url}/healthz`)
  assert.equal(res.status, 200)
  assert.deepEqual(await res.json(), { ok: true })
})

test('the optional tldraw licence key, the accessibility contact and the default retention reach the client through /api/config', async () => {
  const res = await fetch(`${server.url}/api/config`)
  assert.deepEqual(await res.json(), {
    tldrawLicenseKey: 'tldraw-key-from-config',
    accessibilityContact: 'accessibilite@aisne.fr',
    defaultRetentionDays: 200,
  })
})

test('every response carries the security headers; unknown API routes are a JSON 404', async () => {
  const res = await fetch(`${server.url}/api/nope`)
  assert.equal(res.status, 404)
  assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not_found')
  const csp = res.headers.get('content-security-policy') ?? ''
  assert.match(csp, /default-src 'self'/)
  assert.match(csp, /frame-ancestors 'none'/)
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer')
  assert.equal(res.headers.get('x-powered-by'), null)
})

test('an oversized JSON body is refused with 413 and a clear code', async () => {
  const res = await fetch(`${server.url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
    body: JSON.stringify({ title: 'x'.repeat(100_000), template: 'vide' }),
  })
  assert.equal(res.status, 413)
  assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'body_too_large')
})
