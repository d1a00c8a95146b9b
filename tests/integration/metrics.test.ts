/**
 * GET /metrics (issue 6 item 10), read through the real server as Prometheus
 * would: open connections follow participants, updates and log commits count
 * what was written, every refusal moves its own reason, refused upgrades their
 * status, 429s their budget, and the process memory gauges are published.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { TLRecord } from '@tldraw/tlschema'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import { withAuthor } from '../../shared/model/noteAuthor'
import { CloseCodes } from '../../shared/protocol'
import { createWorkshop, join } from '../support/api'
import { type BoardClient, connectBoard, eventually } from '../support/boardClient'
import { call } from '../support/controlClient'
import { openRaw, recordsUpdateMessage, syncUrl, upgradeOutcome } from '../support/rawSocket'
import { noteRecord } from '../support/records'
import { type Scrape, scrapeMetrics, value } from '../support/scrapeMetrics'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

const MAX_FRAME = 16 * 1024
const MESSAGES_PER_SECOND = 10 // a burst of 50 passes
const BYTES_PER_SECOND = 4096 // a burst of 20 KiB passes
const API_PER_MINUTE = 30
const JOINS_PER_MINUTE = 5

let server: ServerProcess
let ws: CreateWorkshopResponse
let fanny: JoinResponse
let paul: JoinResponse
let olga: JoinResponse
const clients: BoardClient[] = []

before(async () => {
  server = await startServerProcess({
    env: {
      ATELIER_MAX_FRAME_BYTES: String(MAX_FRAME),
      ATELIER_MAX_MESSAGES_PER_SECOND: String(MESSAGES_PER_SECOND),
      ATELIER_MAX_BYTES_PER_SECOND: String(BYTES_PER_SECOND),
      ATELIER_HTTP_RATE_LIMIT_PER_MINUTE: String(API_PER_MINUTE),
      ATELIER_HTTP_RATE_LIMIT_JOINS_PER_MINUTE: String(JOINS_PER_MINUTE),
    },
  })
  ws = await createWorkshop(server.url, server.adminToken, 'Atelier mesuré')
  fanny = await join(server.url, ws, 'facilitator', 'Fanny')
  paul = await join(server.url, ws, 'participant', 'Paul')
  olga = await join(server.url, ws, 'observer', 'Olga')
})
after(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

const scrape = () => scrapeMetrics(server)

/** Scrapes until `check` holds (metrics move once the server has handled what the test sent). */
async function scrapeUntil(check: (s: Scrape) => boolean, what: string): Promise<Scrape> {
  const deadline = Date.now() + 5000
  let last = await scrape()
  while (!check(last)) {
    if (Date.now() > deadline) assert.fail(`${what}: ${[...last].filter(([k]) => k.startsWith('atelier_')).join(' ')}`)
    await new Promise((r) => setTimeout(r, 50))
    last = await scrape()
  }
  return last
}

async function board(who: JoinResponse): Promise<BoardClient> {
  const c = connectBoard(server.url, ws.id, { token: who.token, connect: true })
  clients.push(c)
  await c.synced()
  return c
}

test('open connections, updates and log commits follow what participants do', async () => {
  const start = await scrape()
  assert.equal(value(start, 'atelier_connections'), 0)
  const appends = value(start, 'atelier_log_append_seconds_count')
  const fannedOut = value(start, 'atelier_fanout_delay_seconds_count')

  const a = await board(paul)
  const b = await board(fanny)
  await scrapeUntil((s) => s.get('atelier_connections') === 2, 'two connections counted')
  for (let i = 0; i < 3; i++) {
    a.put(noteRecord(`m${i}`, `Note ${i}`, i * 10))
    await eventually(() => b.get(`shape:m${i}`) !== undefined, 5000, `note ${i} delivered`)
  }
  const written = await scrapeUntil(
    (s) => (s.get('atelier_updates_total') ?? 0) >= value(start, 'atelier_updates_total') + 3,
    'three updates counted',
  )
  // Each delivered note was committed first: at least one group commit per note, each timed.
  assert.ok(value(written, 'atelier_log_append_seconds_count') >= appends + 3)
  assert.ok(value(written, 'atelier_log_append_seconds_sum') > value(start, 'atelier_log_append_seconds_sum'))
  assert.equal(
    value(written, 'atelier_log_append_seconds_bucket{le="+Inf"}'),
    value(written, 'atelier_log_append_seconds_count'),
  )
  // Each note reached the other connection: one fan-out delay each, within a second here.
  assert.ok(value(written, 'atelier_fanout_delay_seconds_count') >= fannedOut + 3)
  assert.equal(
    value(written, 'atelier_fanout_delay_seconds_bucket{le="1"}'),
    value(written, 'atelier_fanout_delay_seconds_count'),
  )
  console.log(
    `figure: log commits ${value(written, 'atelier_log_append_seconds_count')}, mean ${(
      (1000 * value(written, 'atelier_log_append_seconds_sum')) / value(written, 'atelier_log_append_seconds_count')
    ).toFixed(2)} ms; fan-out delay mean ${(
      (1000 * value(written, 'atelier_fanout_delay_seconds_sum')) / value(written, 'atelier_fanout_delay_seconds_count')
    ).toFixed(2)} ms`,
  )
  a.destroy()
  b.destroy()
  await scrapeUntil((s) => s.get('atelier_connections') === 0, 'connections back to 0')
})

const refused = (s: Scrape, reason: string) => value(s, `atelier_messages_refused_total{reason="${reason}"}`)

/** Opens a raw socket as `who`, sends `frames`, and resolves with the close code. */
async function closeCodeAfter(who: JoinResponse, frames: (Uint8Array | string)[]): Promise<number> {
  const raw = openRaw(server.url, ws.id, who.token)
  await raw.opened
  for (const f of frames) raw.send(f)
  return (await raw.closedWithin(5000)).code
}

test('each refused message is counted under its reason, and only there', async () => {
  const cases: [string, () => Promise<number>, number][] = [
    ['invalid', () => closeCodeAfter(paul, [new Uint8Array([0xff, 0xff, 0xff])]), CloseCodes.invalidMessage.code],
    ['too_big', () => closeCodeAfter(paul, [new Uint8Array(MAX_FRAME + 1)]), CloseCodes.messageTooBig.code],
    // queryAwareness messages: harmless one by one, over the burst of 50 at once.
    [
      'rate_limited',
      () =>
        closeCodeAfter(
          paul,
          Array.from({ length: 60 }, () => new Uint8Array([3])),
        ),
      CloseCodes.rateLimited.code,
    ],
    // Three valid notes of 9 KB each: under the frame limit, over the 20 KiB byte burst.
    [
      'byte_rate_limited',
      () =>
        closeCodeAfter(
          paul,
          [0, 1, 2].map((i) => recordsUpdateMessage([noteRecord(`big${i}`, 'x'.repeat(9000))])),
        ),
      CloseCodes.rateLimited.code,
    ],
    [
      'read_only',
      () => closeCodeAfter(olga, [recordsUpdateMessage([noteRecord('olga', 'non')])]),
      CloseCodes.readOnly.code,
    ],
    [
      'note_author',
      () =>
        closeCodeAfter(paul, [
          recordsUpdateMessage([
            withAuthor(
              noteRecord('forged', 'signée Fanny') as TLRecord & { meta: object },
              fanny.participantId,
            ) as TLRecord,
          ]),
        ]),
      CloseCodes.noteAuthor.code,
    ],
    [
      'locked',
      async () => {
        assert.equal(
          (await call(server.url, fanny.token, 'POST', `/api/workshops/${ws.id}/lock`, { locked: true })).status,
          200,
        )
        try {
          return await closeCodeAfter(paul, [recordsUpdateMessage([noteRecord('locked', 'pendant le verrou')])])
        } finally {
          await call(server.url, fanny.token, 'POST', `/api/workshops/${ws.id}/lock`, { locked: false })
        }
      },
      CloseCodes.boardLocked.code,
    ],
  ]
  for (const [reason, provoke, code] of cases) {
    const before = await scrape()
    assert.equal(await provoke(), code, `${reason}: close code`)
    const after = await scrapeUntil((s) => refused(s, reason) === refused(before, reason) + 1, `${reason} counted`)
    for (const [other] of cases)
      if (other !== reason)
        assert.equal(refused(after, other), refused(before, other), `${reason} also counted as ${other}`)
  }
})

test('refused upgrades are counted by status', async () => {
  const status = (s: Scrape, code: number) => value(s, `atelier_upgrades_refused_total{status="${code}"}`)
  const before = await scrape()
  assert.equal(await upgradeOutcome(syncUrl(server.url, `/sync/${ws.id}/board`)), 401)
  assert.equal(await upgradeOutcome(syncUrl(server.url, `/sync/${ws.id}/nowhere`, paul.token)), 404)
  assert.equal(
    await upgradeOutcome(syncUrl(server.url, `/sync/${ws.id}/board`, paul.token), { Origin: 'https://evil.example' }),
    403,
  )
  const after = await scrape()
  assert.equal(status(after, 401), status(before, 401) + 1)
  assert.equal(status(after, 404), status(before, 404) + 1)
  assert.equal(status(after, 403), status(before, 403) + 1)
})

test('HTTP 429s are counted by budget', async () => {
  const limited = (s: Scrape, limit: string) => value(s, `atelier_http_rate_limited_total{limit="${limit}"}`)
  const before = await scrape()
  // Each flood comes from its own address (the proxy's X-Forwarded-For), not the test's other calls.
  const from = (ip: string) => ({ 'x-forwarded-for': ip })
  for (let i = 0; i <= API_PER_MINUTE; i++) await fetch(`${server.url}/api/time`, { headers: from('198.51.100.7') })
  for (let i = 0; i <= JOINS_PER_MINUTE; i++)
    await fetch(`${server.url}/api/workshops/${ws.id}/join`, {
      method: 'POST',
      headers: { ...from('198.51.100.8'), 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'not-a-key', name: 'Robot' }),
    })
  const after = await scrape()
  assert.equal(limited(after, 'api'), limited(before, 'api') + 1)
  assert.equal(limited(after, 'join'), limited(before, 'join') + 1)
})

test('process memory is published', async () => {
  const s = await scrape()
  for (const name of ['process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_heap_size_total_bytes'])
    assert.ok(value(s, name) > 1024 * 1024, `${name} = ${s.get(name)}`)
  assert.ok(value(s, 'nodejs_heap_size_used_bytes') <= value(s, 'nodejs_heap_size_total_bytes'))
  console.log(
    `figure: idle server heap ${(value(s, 'nodejs_heap_size_used_bytes') / 2 ** 20).toFixed(1)} MiB, RSS ${(value(s, 'process_resident_memory_bytes') / 2 ** 20).toFixed(1)} MiB`,
  )
})
