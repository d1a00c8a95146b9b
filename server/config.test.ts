import assert from 'node:assert/strict'
import { test } from 'node:test'
import { loadConfig } from './config'

test('defaults: one process on 127.0.0.1:3000 with ./data', () => {
  const c = loadConfig({}, '/srv/atelier')
  assert.equal(c.port, 3000)
  assert.equal(c.host, '127.0.0.1')
  assert.equal(c.dataDir, '/srv/atelier/data')
  assert.equal(c.adminToken, null)
  assert.equal(c.publicUrl, null)
  assert.equal(c.tldrawLicenseKey, null)
  assert.equal(c.accessibilityContact, null)
})

test('documented variables are read and normalised', () => {
  const c = loadConfig(
    {
      PORT: '8080',
      HOST: '0.0.0.0',
      ATELIER_DATA_DIR: '/var/lib/atelier',
      ATELIER_ADMIN_TOKEN: 'a-long-enough-admin-token',
      ATELIER_PUBLIC_URL: 'https://atelier.example.fr/',
      ATELIER_ALLOWED_ORIGINS: 'https://a.example.fr, https://b.example.fr/path',
      ATELIER_TLDRAW_LICENSE_KEY: 'key',
      ATELIER_ACCESSIBILITY_CONTACT: '  accessibilite@aisne.fr ',
    },
    '/',
  )
  assert.equal(c.port, 8080)
  assert.equal(c.host, '0.0.0.0')
  assert.equal(c.dataDir, '/var/lib/atelier')
  assert.equal(c.publicUrl, 'https://atelier.example.fr')
  assert.deepEqual(c.allowedOrigins, ['https://a.example.fr', 'https://b.example.fr'])
  assert.equal(c.tldrawLicenseKey, 'key')
  assert.equal(c.accessibilityContact, 'accessibilite@aisne.fr')
})

test('bad values stop the start with a message naming the variable', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/)
  assert.throws(() => loadConfig({ ATELIER_ADMIN_TOKEN: 'short' }), /ATELIER_ADMIN_TOKEN/)
  assert.throws(() => loadConfig({ ATELIER_PUBLIC_URL: 'not a url' }), /ATELIER_PUBLIC_URL/)
  assert.throws(() => loadConfig({ ATELIER_LOG_LEVEL: 'loud' }), /ATELIER_LOG_LEVEL/)
  assert.throws(() => loadConfig({ ATELIER_ACCESSIBILITY_CONTACT: 'a\nb' }), /ATELIER_ACCESSIBILITY_CONTACT/)
  assert.throws(() => loadConfig({ ATELIER_ACCESSIBILITY_CONTACT: 'x'.repeat(201) }), /ATELIER_ACCESSIBILITY_CONTACT/)
})

test('retention: a year by default, ATELIER_RETENTION_DAYS within 1…3650, hourly sweep, clock unshifted', () => {
  assert.deepEqual(loadConfig({}).retention, { defaultDays: 365, sweepMs: 3600_000, clockShiftMs: 0 })
  const c = loadConfig({
    ATELIER_RETENTION_DAYS: '30',
    ATELIER_RETENTION_SWEEP_MS: '1000',
    ATELIER_RETENTION_CLOCK_SHIFT_MS: '172800000',
  })
  assert.deepEqual(c.retention, { defaultDays: 30, sweepMs: 1000, clockShiftMs: 172_800_000 })
  assert.throws(() => loadConfig({ ATELIER_RETENTION_DAYS: '0' }), /ATELIER_RETENTION_DAYS/)
  assert.throws(() => loadConfig({ ATELIER_RETENTION_DAYS: '3651' }), /ATELIER_RETENTION_DAYS/)
  assert.throws(() => loadConfig({ ATELIER_RETENTION_DAYS: '1.5' }), /ATELIER_RETENTION_DAYS/)
  assert.throws(() => loadConfig({ ATELIER_RETENTION_SWEEP_MS: '10' }), /ATELIER_RETENTION_SWEEP_MS/)
})

test('limits: per-connection byte rate and per-IP HTTP budgets, sized for a plenary of 200 behind one address', () => {
  const d = loadConfig({})
  assert.equal(d.limits.maxBytesPerSecond, 1024 * 1024)
  assert.equal(d.limits.httpRequestsPerMinute, 12_000)
  assert.equal(d.limits.httpJoinsPerMinute, 600)
  assert.equal(d.limits.maxLoadedRooms, 500)
  assert.equal(d.limits.maxLoadedDrafts, 5000)
  assert.equal(loadConfig({ ATELIER_MAX_DRAFT_ROOMS: '200' }).limits.maxLoadedDrafts, 200)
  assert.throws(() => loadConfig({ ATELIER_MAX_DRAFT_ROOMS: '0' }), /ATELIER_MAX_DRAFT_ROOMS/)
  const c = loadConfig({
    ATELIER_MAX_BYTES_PER_SECOND: '65536',
    ATELIER_HTTP_RATE_LIMIT_PER_MINUTE: '0',
    ATELIER_HTTP_RATE_LIMIT_JOINS_PER_MINUTE: '30',
  })
  assert.equal(c.limits.maxBytesPerSecond, 65536)
  assert.equal(c.limits.httpRequestsPerMinute, 0, '0 turns the budget off')
  assert.equal(c.limits.httpJoinsPerMinute, 30)
  assert.throws(() => loadConfig({ ATELIER_MAX_BYTES_PER_SECOND: '100' }), /ATELIER_MAX_BYTES_PER_SECOND/)
  assert.throws(() => loadConfig({ ATELIER_HTTP_RATE_LIMIT_PER_MINUTE: '-1' }), /ATELIER_HTTP_RATE_LIMIT_PER_MINUTE/)
  assert.throws(() => loadConfig({ ATELIER_HTTP_RATE_LIMIT_JOINS_PER_MINUTE: 'many' }), /ATELIER_HTTP_RATE_LIMIT_JOINS/)
})

test('store: SQLite in the data directory unless ATELIER_STORE names a PostgreSQL database', () => {
  assert.deepEqual(loadConfig({}).store, { kind: 'sqlite' })
  assert.deepEqual(loadConfig({ ATELIER_STORE: ' ' }).store, { kind: 'sqlite' })
  for (const url of ['postgres://atelier:s3cret@db.example.fr:5432/atelier', 'postgresql://atelier@127.0.0.1/atelier'])
    assert.deepEqual(loadConfig({ ATELIER_STORE: url }).store, { kind: 'postgres', url })
  for (const bad of ['mysql://root:s3cret@db/atelier', 'sqlite:atelier.db', 'postgres://', 'db.example.fr'])
    assert.throws(
      () => loadConfig({ ATELIER_STORE: bad }),
      (e: Error) => /ATELIER_STORE/.test(e.message) && !e.message.includes('s3cret'),
      bad,
    )
})

test('bus: none unless ATELIER_BUS names a Redis, and only with a PostgreSQL store', () => {
  const pg = 'postgres://atelier@127.0.0.1:5432/atelier'
  assert.equal(loadConfig({}).bus, null)
  assert.equal(loadConfig({ ATELIER_STORE: pg, ATELIER_BUS: 'redis://127.0.0.1:6379' }).bus, 'redis://127.0.0.1:6379')
  assert.equal(loadConfig({ ATELIER_STORE: pg, ATELIER_BUS: 'rediss://r.example:6380' }).bus, 'rediss://r.example:6380')
  assert.throws(() => loadConfig({ ATELIER_STORE: pg, ATELIER_BUS: 'http://127.0.0.1' }), /ATELIER_BUS must be a redis/)
  assert.throws(() => loadConfig({ ATELIER_STORE: pg, ATELIER_BUS: 'redis://' }), /ATELIER_BUS is not a valid URL/)
  assert.throws(() => loadConfig({ ATELIER_BUS: 'redis://127.0.0.1:6379' }), /ATELIER_BUS needs ATELIER_STORE=postgres/)
})
