/**
 * Limits (issue 6 item 5, DESIGN §5), through the real server: HTTP budgets per
 * client IP answer 429 with the app's error shape and Retry-After and do
 * nothing of the request; the defaults let a plenary of 200 behind one address
 * join and load its pages; a WebSocket connection over its message or byte rate
 * is closed with 4429 while one under it keeps going; an oversized presence is
 * refused, and one connection cannot grow the presence map whatever ids it sends.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import WebSocket from 'ws'
import type { ApiError, CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import { MAX_AWARENESS_STATE_CHARS } from '../../shared/boardDoc'
import { CloseCodes } from '../../shared/protocol'
import { createWorkshop, join, keyOf } from '../support/api'
import { type BoardClient, connectBoard, eventually } from '../support/boardClient'
import { call } from '../support/controlClient'
import {
  awarenessMessage,
  openRaw,
  type RawSocket,
  recordsUpdateMessage,
  syncUrl,
  upgradeOutcome,
} from '../support/rawSocket'
import { noteRecord } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

const API_PER_MINUTE = 40
const JOINS_PER_MINUTE = 6
const MESSAGES_PER_SECOND = 20 // a burst of 100 passes
const BYTES_PER_SECOND = 8192 // a burst of 40 KiB passes
const MAX_FRAME = 16 * 1024

/** Tight limits, to reach them. */
let tight: ServerProcess
/** The defaults, as deployed. */
let stock: ServerProcess
let ws: CreateWorkshopResponse
let fanny: JoinResponse
let paul: JoinResponse
const clients: BoardClient[] = []

before(async () => {
  ;[tight, stock] = await Promise.all([
    startServerProcess({
      env: {
        ATELIER_HTTP_RATE_LIMIT_PER_MINUTE: String(API_PER_MINUTE),
        ATELIER_HTTP_RATE_LIMIT_JOINS_PER_MINUTE: String(JOINS_PER_MINUTE),
        ATELIER_MAX_MESSAGES_PER_SECOND: String(MESSAGES_PER_SECOND),
        ATELIER_MAX_BYTES_PER_SECOND: String(BYTES_PER_SECOND),
        ATELIER_MAX_FRAME_BYTES: String(MAX_FRAME),
      },
    }),
    startServerProcess(),
  ])
  ws = await createWorkshop(tight.url, tight.adminToken, 'Atelier limité')
  fanny = await join(tight.url, ws, 'facilitator', 'Fanny')
  paul = await join(tight.url, ws, 'participant', 'Paul')
})
after(async () => {
  for (const c of clients) c.destroy()
  await Promise.all([tight.stop(), stock.stop()])
})

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** Requests as the reverse proxy (on loopback) passes them: the client's address in X-Forwarded-For. */
const from = (ip: string, headers: Record<string, string> = {}) => ({ 'x-forwarded-for': ip, ...headers })
const joinFrom = (server: ServerProcess, workshop: CreateWorkshopResponse, ip: string, name: string) =>
  fetch(`${server.url}/api/workshops/${workshop.id}/join`, {
    method: 'POST',
    headers: from(ip, { 'content-type': 'application/json' }),
    body: JSON.stringify({ key: keyOf(workshop.links.participant), name }),
  })

async function assertRateLimited(res: Response): Promise<void> {
  assert.equal(res.status, 429)
  const retryAfter = Number(res.headers.get('retry-after'))
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${retryAfter}`)
  const body = (await res.json()) as ApiError
  assert.equal(body.error.code, 'rate_limited')
  assert.match(body.error.message, /^Trop de requêtes .*Réessayez dans \d+ secondes?\.$/)
}

const participantNames = async () =>
  ((await call(tight.url, fanny.token, 'GET', `/api/workshops/${ws.id}/participants`)).body as { name: string }[]).map(
    (p) => p.name,
  )

test('joins over their budget get 429 with Retry-After, join nobody, and leave other addresses alone', async () => {
  for (let i = 0; i < JOINS_PER_MINUTE; i++)
    assert.equal((await joinFrom(tight, ws, '203.0.113.10', `Venue ${i}`)).status, 200, `join ${i}`)
  await assertRateLimited(await joinFrom(tight, ws, '203.0.113.10', 'Une de trop'))
  assert.ok(!(await participantNames()).includes('Une de trop'), 'the refused join created no participant')
  // Wrong keys count too (guessing links costs the same budget), and creating a workshop is in it.
  const created = await fetch(`${tight.url}/api/workshops`, {
    method: 'POST',
    headers: from('203.0.113.10', { authorization: `Bearer ${tight.adminToken}`, 'content-type': 'application/json' }),
    body: JSON.stringify({ title: 'Trop', template: 'vide' }),
  })
  await assertRateLimited(created)
  // The same address still reads (the general budget is separate), and another address still joins.
  assert.equal((await fetch(`${tight.url}/api/time`, { headers: from('203.0.113.10') })).status, 200)
  assert.equal((await joinFrom(tight, ws, '203.0.113.11', 'Autre réseau')).status, 200)
})

test('every /api call counts against the general budget per address', async () => {
  let passed = 0
  let res: Response
  do {
    res = await fetch(`${tight.url}/api/time`, { headers: from('203.0.113.20') })
    if (res.status === 200) passed++
  } while (res.status === 200 && passed <= API_PER_MINUTE)
  assert.equal(passed, API_PER_MINUTE)
  await assertRateLimited(res)
  assert.equal((await fetch(`${tight.url}/api/time`, { headers: from('203.0.113.21') })).status, 200)
})

test('the defaults let 200 participants behind one address join and open their pages', async () => {
  const plenary = await createWorkshop(stock.url, stock.adminToken, 'Plénière', 'enjeux')
  const ip = '192.0.2.50'
  const started = performance.now()
  let requests = 0
  const statuses = new Map<number, number>()
  const count = (res: Response) => {
    requests++
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
    return res
  }
  // What each browser asks when it joins and opens the board (client/: join, config, clock probes,
  // session, participants), all at once: the facilitator said « scannez le QR code ».
  await Promise.all(
    Array.from({ length: 200 }, async (_, i) => {
      const joined = (await count(await joinFrom(stock, plenary, ip, `P${i}`)).json()) as JoinResponse
      const auth = from(ip, { authorization: `Bearer ${joined.token}` })
      for (const path of ['/api/config', '/api/time', '/api/time', '/api/time', `/api/workshops/${plenary.id}/session`])
        count(await fetch(`${stock.url}${path}`, { headers: auth }))
      for (let k = 0; k < 5; k++)
        count(await fetch(`${stock.url}/api/workshops/${plenary.id}/participants`, { headers: auth }))
    }),
  )
  console.log(
    `figure: plenary of 200 behind one address: ${requests} requests in ${Math.round(performance.now() - started)} ms, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  )
  assert.deepEqual([...statuses.keys()], [200])
})

async function raw(who: JoinResponse, server = tight, workshop = ws): Promise<RawSocket> {
  const r = openRaw(server.url, workshop.id, who.token)
  await r.opened
  return r
}

const QUERY_AWARENESS = new Uint8Array([3])

test('a connection over its message rate is closed with 4429; a burst and a steady pace under it are not', async () => {
  const flood = await raw(paul)
  for (let i = 0; i <= MESSAGES_PER_SECOND * 5; i++) flood.send(QUERY_AWARENESS)
  const closed = await flood.closedWithin(5000)
  assert.deepEqual(closed, { code: CloseCodes.rateLimited.code, reason: CloseCodes.rateLimited.reason })

  const burst = await raw(paul)
  for (let i = 0; i < MESSAGES_PER_SECOND * 5; i++) burst.send(QUERY_AWARENESS)
  await eventually(() => burst.received.length >= MESSAGES_PER_SECOND * 5, 5000, 'every query of the burst answered')
  // A steady 3/4 of the rate for 7 s: more than the burst in all, never over the rate.
  const steady = await raw(paul)
  const sent = MESSAGES_PER_SECOND * 7
  for (let i = 0; i < sent; i++) {
    steady.send(QUERY_AWARENESS)
    await pause(1000 / (MESSAGES_PER_SECOND * 0.75))
  }
  await eventually(() => steady.received.length >= sent, 5000, 'every steady query answered')
  assert.equal(steady.ws.readyState, steady.ws.OPEN)
  assert.equal(burst.ws.readyState, burst.ws.OPEN)
  console.log(
    `figure: message rate ${MESSAGES_PER_SECOND}/s: burst of ${MESSAGES_PER_SECOND * 5} passes, ${sent} at 75 % pass, ${MESSAGES_PER_SECOND * 5 + 1} at once closed 4429`,
  )
  steady.ws.close()
  burst.ws.close()
})

test('a connection over its byte rate is closed with 4429; notes written at a steady pace under it all arrive', async () => {
  const witness = connectBoard(tight.url, ws.id, { token: fanny.token })
  clients.push(witness)
  await witness.synced()
  // Valid notes of 6 KB: each under the 16 KiB frame limit, eight of them over the 40 KiB burst.
  const note = (id: string) => recordsUpdateMessage([noteRecord(id, 'é'.repeat(3000))])
  const size = note('probe').length
  const fast = await raw(paul)
  for (let i = 0; i < 8; i++) fast.send(note(`fast${i}`))
  assert.deepEqual(await fast.closedWithin(5000), {
    code: CloseCodes.rateLimited.code,
    reason: CloseCodes.rateLimited.reason,
  })

  const slow = await raw(paul)
  const count = 9 // 9 × 6 KB over 8 s: above the burst in all, 6.75 KB/s
  for (let i = 0; i < count; i++) {
    slow.send(note(`slow${i}`))
    await pause(1000)
  }
  await eventually(
    () => Array.from({ length: count }, (_, i) => witness.get(`shape:slow${i}`)).every(Boolean),
    5000,
    'every steady note delivered',
  )
  assert.equal(slow.ws.readyState, slow.ws.OPEN)
  const fastDelivered = Array.from({ length: 8 }, (_, i) => witness.get(`shape:fast${i}`)).filter(Boolean).length
  console.log(
    `figure: byte rate ${BYTES_PER_SECOND} B/s: ${count} × ${size} B at 1/s pass; 8 at once closed 4429 after ${fastDelivered} applied`,
  )
  assert.ok(fastDelivered < 8, 'the frame over the budget was not applied')
  slow.ws.close()
})

test('an awareness state over the limit is refused (4400) and seen by nobody', async () => {
  const viewer = connectBoard(tight.url, ws.id, { token: fanny.token })
  clients.push(viewer)
  await viewer.synced()
  const big = await raw(paul)
  const bigState = { user: { name: 'x'.repeat(MAX_AWARENESS_STATE_CHARS) } }
  big.send(awarenessMessage([{ clientId: 77_000_001, clock: 1, state: bigState }]))
  assert.deepEqual(await big.closedWithin(5000), {
    code: CloseCodes.invalidMessage.code,
    reason: CloseCodes.invalidMessage.reason,
  })
  // Just under the limit passes (the barrier: handled after the big one would have been).
  const fits = await raw(paul)
  const fitting = { user: { name: 'y'.repeat(MAX_AWARENESS_STATE_CHARS - 100) } }
  fits.send(awarenessMessage([{ clientId: 77_000_002, clock: 1, state: fitting }]))
  await eventually(() => viewer.provider.awareness.getStates().has(77_000_002), 5000, 'the fitting state is seen')
  assert.equal(viewer.provider.awareness.getStates().has(77_000_001), false)
  fits.ws.close()
})

test('one connection announcing 10,000 client ids owns one presence entry', async () => {
  const workshop = await createWorkshop(stock.url, stock.adminToken, 'Présence')
  const viewer = connectBoard(stock.url, workshop.id, {
    token: (await join(stock.url, workshop, 'participant', 'Vera')).token,
  })
  clients.push(viewer)
  await viewer.synced()
  const sprayer = await raw(await join(stock.url, workshop, 'participant', 'Sam'), stock, workshop)
  const ids = (base: number) =>
    Array.from({ length: 10_000 }, (_, i) => ({ clientId: base + i, clock: 1, state: { user: { name: `n${i}` } } }))
  sprayer.send(awarenessMessage(ids(5_000_000)))
  sprayer.send(awarenessMessage(ids(6_000_000)))
  // Barrier: the sprayer's own entry, updated after both batches, reaches the viewer.
  sprayer.send(awarenessMessage([{ clientId: 5_000_000, clock: 2, state: { user: { name: 'après' } } }]))
  const nameOf = (id: number) =>
    (viewer.provider.awareness.getStates().get(id) as { user?: { name?: string } })?.user?.name
  await eventually(() => nameOf(5_000_000) === 'après', 5000, 'the barrier arrives')
  const others = [...viewer.provider.awareness.getStates().keys()].filter((id) => id !== viewer.doc.clientID)
  assert.deepEqual(others, [5_000_000])
  console.log(`figure: presence entries after 20,000 ids from one connection: ${others.length}`)
  sprayer.ws.close()
})

test('drafts documents have their own budget: a full one never keeps a board from opening, nor the reverse', async () => {
  const small = await startServerProcess({ env: { ATELIER_MAX_ROOMS: '2', ATELIER_MAX_DRAFT_ROOMS: '3' } })
  const open: WebSocket[] = []
  try {
    const first = await createWorkshop(small.url, small.adminToken, 'Premier')
    const second = await createWorkshop(small.url, small.adminToken, 'Second')
    const people = await Promise.all([1, 2, 3, 4].map((i) => join(small.url, first, 'participant', `P${i}`)))
    const hold = async (path: string, token: string) => {
      const r = new WebSocket(syncUrl(small.url, path, token))
      await new Promise((resolve, reject) => {
        r.once('open', resolve)
        r.once('error', reject)
      })
      open.push(r)
    }
    // Three drafts held open (the drafts budget full), then the board and control still open.
    for (const p of people.slice(0, 3)) await hold(`/sync/${first.id}/drafts/${p.participantId}`, p.token)
    const p4 = people[3] as JoinResponse
    assert.equal(
      await upgradeOutcome(syncUrl(small.url, `/sync/${first.id}/drafts/${p4.participantId}`, p4.token)),
      503,
    )
    await hold(`/sync/${first.id}/board`, p4.token)
    await hold(`/sync/${first.id}/control`, p4.token)
    // The shared budget full: another workshop's board is refused, whatever the drafts.
    const other = await join(small.url, second, 'participant', 'Autre')
    assert.equal(await upgradeOutcome(syncUrl(small.url, `/sync/${second.id}/board`, other.token)), 503)
  } finally {
    for (const r of open) r.close()
    await small.stop()
  }
})
