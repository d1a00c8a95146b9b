/**
 * Two Atelier nodes sharing a real PostgreSQL (ATELIER_STORE) and a real Redis
 * (ATELIER_BUS), on loopback, no sticky sessions (issue 7 items 4–5): participants
 * on different nodes see each other live, votes stay exact, a Redis restart loses
 * nothing, and a killed node's clients carry on on the other one.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import { createWorkshop, join } from '../support/api'
import { type BoardClient, connectBoard, eventually } from '../support/boardClient'
import { call, connectControl, openVote } from '../support/controlClient'
import { startFailoverProxy } from '../support/failoverProxy'
import { freshPostgresDatabase } from '../support/postgres'
import { documentRecords, noteRecord } from '../support/records'
import { type LocalRedis, startRedis } from '../support/redis'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

let redis: LocalRedis
let a: ServerProcess
let b: ServerProcess
const cleanup: (() => void)[] = []

before(async () => {
  const [store, bus] = await Promise.all([freshPostgresDatabase(), startRedis()])
  redis = bus
  const env = { ATELIER_STORE: store, ATELIER_BUS: redis.url, ATELIER_MAX_MESSAGES_PER_SECOND: '10000' }
  a = await startServerProcess({ env })
  b = await startServerProcess({ env })
})
after(async () => {
  for (const c of cleanup) c()
  await Promise.all([a.stop(), b.stop()])
  await redis.stop()
})

async function workshop(title: string): Promise<{ ws: CreateWorkshopResponse; facilitator: JoinResponse }> {
  const ws = await createWorkshop(a.url, a.adminToken, title)
  const facilitator = await join(b.url, ws, 'facilitator', 'Fanny', { college: 'departement' })
  return { ws, facilitator }
}

function board(node: { url: string }, workshopId: string, token: string): BoardClient {
  const c = connectBoard(node.url, workshopId, { token })
  cleanup.push(() => c.destroy())
  return c
}

const notes = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => noteRecord(`${prefix}-${i}`, `${prefix} ${i}`, i * 230, 0))
const holds = (c: BoardClient, ids: readonly string[]) => ids.every((id) => c.get(id) !== undefined)

/** Writes `n` new notes through `client`, one transaction; their ids. */
function writeNotes(client: BoardClient, prefix: string, n: number): string[] {
  const written = notes(prefix, n)
  client.doc.transact(() => {
    for (const r of written) client.put(r)
  })
  return written.map((r) => r.id)
}

/** A workshop whose board, written through A, holds the document records and `n` notes (the vote targets). */
async function workshopWithNotes(title: string, prefix: string, n: number) {
  const { ws, facilitator } = await workshop(title)
  const setup = board(a, ws.id, facilitator.token)
  await setup.synced()
  const targets = notes(prefix, n)
  setup.doc.transact(() => {
    for (const r of [...documentRecords(), ...targets]) setup.put(r)
  })
  return { ws, facilitator, targets }
}

test('participants on two nodes see each other’s notes and cursors live; a fresh joiner on either has everything', async () => {
  const { ws } = await workshop('Deux nœuds')
  const alice = await join(a.url, ws, 'participant', 'Alice')
  const bruno = await join(b.url, ws, 'participant', 'Bruno')
  const onA = board(a, ws.id, alice.token)
  const onB = board(b, ws.id, bruno.token)
  await Promise.all([onA.synced(), onB.synced()])
  const started = performance.now()
  onA.doc.transact(() => {
    for (const r of documentRecords()) onA.put(r)
  })
  const fromA = notes('shape:a', 20)
  const fromB = notes('shape:b', 20)
  onA.doc.transact(() => {
    for (const r of fromA) onA.put(r)
  })
  onB.doc.transact(() => {
    for (const r of fromB) onB.put(r)
  })
  const all = [...fromA, ...fromB].map((r) => r.id)
  await eventually(() => holds(onA, all) && holds(onB, all), 10_000, 'both nodes’ notes on both')
  console.log(
    `figure: 20 + 20 notes written on two nodes, on both after ${(performance.now() - started).toFixed(0)} ms`,
  )

  onA.provider.awareness.setLocalStateField('cursor', { x: 12, y: 34 })
  const cursorOf = (c: BoardClient, clientId: number) =>
    (c.provider.awareness.getStates().get(clientId) as { cursor?: { x: number } } | undefined)?.cursor?.x
  await eventually(() => cursorOf(onB, onA.doc.clientID) === 12, 5000, 'A’s cursor seen on B')

  for (const node of [a, b]) {
    const fresh = board(node, ws.id, (await join(node.url, ws, 'participant', 'Retard')).token)
    await fresh.synced()
    await eventually(() => holds(fresh, all), 5000, 'a fresh joiner holds everything')
    // Newcomers see who is there, wherever those are connected.
    await eventually(() => cursorOf(fresh, onA.doc.clientID) === 12, 5000, 'A’s cursor seen by a newcomer')
  }
})

test('50 participants × 20 concurrent votes spread over two nodes end with exactly 5 each; both nodes show the database’s count', async () => {
  const { ws, facilitator, targets } = await workshopWithNotes('Vote sur deux nœuds', 'shape:v', 4)
  const checker = board(b, ws.id, facilitator.token)
  await checker.synced()
  await eventually(
    () =>
      holds(
        checker,
        targets.map((t) => t.id),
      ),
    5000,
    'notes on B',
  )
  const people = await Promise.all(
    Array.from({ length: 50 }, (_, i) => join(i % 2 ? a.url : b.url, ws, 'participant', `Votant ${i}`)),
  )
  const vid = (await openVote(a.url, facilitator.token, ws.id)).id
  const controls = [a, b].map((node) => connectControl(node.url, ws.id, facilitator.token))
  for (const c of controls) cleanup.push(() => c.destroy())
  await Promise.all(controls.map((c) => c.synced()))

  const answers = await Promise.all(
    people.flatMap((p, i) =>
      Array.from({ length: 20 }, (_, k) =>
        call((i + k) % 2 ? a.url : b.url, p.token, 'POST', `/api/workshops/${ws.id}/vote-sessions/${vid}/votes`, {
          targetId: targets[(i + k) % targets.length]?.id,
        }),
      ),
    ),
  )
  assert.equal(answers.filter((x) => x.status === 201).length, 50 * 5)
  for (const x of answers.filter((y) => y.status !== 201)) assert.equal(x.status, 409)
  for (const p of people) {
    const mine = await call(b.url, p.token, 'GET', `/api/workshops/${ws.id}/vote-sessions/${vid}/me`)
    assert.equal(mine.body.votes.length, 5)
  }
  // Counts written by two nodes at once converge on the database's, on both.
  const voters = (c: { get(k: string): unknown }) => (c.get('participation') as { voters?: number } | null)?.voters
  await eventually(() => controls.every((c) => voters(c) === 50), 10_000, 'both control documents show 50 voters')

  const closed = await call(b.url, facilitator.token, 'POST', `/api/workshops/${ws.id}/vote-sessions/${vid}/close`)
  assert.equal(closed.status, 200)
  assert.equal(
    (closed.body.ranking as { votes: number }[]).reduce((s, r) => s + r.votes, 0),
    250,
  )
  const total = (c: { get(k: string): unknown }) =>
    (c.get('results') as { totals?: Record<string, number> } | null)?.totals ?? null
  await eventually(() => controls.every((c) => c.get('results') != null), 10_000, 'results on both nodes')
  assert.deepEqual(total(controls[0]!), total(controls[1]!))
})

test('votes cast on a node where no control document is open reach the other node’s control document, by its re-derive from the database', async () => {
  const { ws, facilitator, targets } = await workshopWithNotes('Re-dérivation des votes', 'shape:r', 2)
  // Opened and cast on A, whose control room nobody opens: A writes no control document
  // update for B to apply; only the control message tells B, which reads the store again.
  const vid = (await openVote(a.url, facilitator.token, ws.id, { targets: targets.map((t) => t.id) })).id
  const control = connectControl(b.url, ws.id, facilitator.token)
  cleanup.push(() => control.destroy())
  await control.synced()
  await eventually(() => (control.get('vote') as { id?: string } | null)?.id === vid, 5000, 'the session on B')
  const voters = () => (control.get('participation') as { voters?: number } | null)?.voters
  assert.equal(voters(), 0)
  const people = await Promise.all([0, 1, 2].map((i) => join(a.url, ws, 'participant', `Votante ${i}`)))
  for (const [i, p] of people.entries()) {
    const cast = await call(a.url, p.token, 'POST', `/api/workshops/${ws.id}/vote-sessions/${vid}/votes`, {
      targetId: targets[i % targets.length]?.id,
    })
    assert.equal(cast.status, 201)
  }
  await eventually(() => voters() === 3, 5000, 'B’s control document shows the 3 voters of the database')
})

test('a lock and a rotated link decided on one node hold on the other at once', async () => {
  const { ws, facilitator } = await workshop('Verrou sur deux nœuds')
  const paul = await join(b.url, ws, 'participant', 'Paul')
  const paulOnB = board(b, ws.id, paul.token)
  await paulOnB.synced()
  const locked = await call(a.url, facilitator.token, 'POST', `/api/workshops/${ws.id}/lock`, { locked: true })
  assert.equal(locked.status, 200)
  const control = connectControl(b.url, ws.id, paul.token)
  cleanup.push(() => control.destroy())
  await eventually(() => control.get('locked') === true, 5000, 'lock published on B')
  paulOnB.put(noteRecord('shape:pendant-le-verrou', 'refusée'))
  await eventually(() => paulOnB.closes.some((c) => c.code === 4423), 5000, 'B refuses the write (4423)')

  const rita = await join(b.url, ws, 'participant', 'Rita')
  const ritaOnB = board(b, ws.id, rita.token)
  await ritaOnB.synced()
  const rotated = await fetch(`${a.url}/api/workshops/${ws.id}/links/participant/rotate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${facilitator.token}` },
  })
  assert.equal(rotated.status, 200)
  await eventually(() => ritaOnB.closes.some((c) => c.code === 4401), 5000, 'B closes the rotated link’s holder (4401)')
})

test('Redis restarts mid-session: edits made while it was down reach the other node once it is back', async () => {
  const { ws } = await workshop('Coupure Redis')
  const onA = board(a, ws.id, (await join(a.url, ws, 'participant', 'Alice')).token)
  const onB = board(b, ws.id, (await join(b.url, ws, 'participant', 'Bruno')).token)
  await Promise.all([onA.synced(), onB.synced()])
  const before = writeNotes(onA, 'shape:avant', 5)
  await eventually(() => holds(onB, before), 5000, 'live before the cut')

  await redis.stop()
  const during = [...writeNotes(onA, 'shape:pendant-a', 10), ...writeNotes(onB, 'shape:pendant-b', 10)]
  // Each node keeps taking its clients' edits (the store is up): nothing is refused.
  await new Promise((r) => setTimeout(r, 1000))
  const restarted = performance.now()
  await redis.start()
  const all = [...before, ...during]
  await eventually(() => holds(onA, all) && holds(onB, all), 15_000, 'both nodes caught up after the restart')
  console.log(
    `figure: Redis restarted, both nodes caught up from the store ${(performance.now() - restarted).toFixed(0)} ms after`,
  )
  const afterwards = writeNotes(onB, 'shape:apres', 3)
  await eventually(() => holds(onA, afterwards), 5000, 'live again after the restart')
})

test('a node is killed: its clients reconnect to the other and lose nothing they had seen acknowledged', async () => {
  const { ws } = await workshop('Nœud tué')
  const proxy = await startFailoverProxy([a.port, b.port])
  cleanup.push(() => void proxy.close())
  const writers = await Promise.all(
    Array.from({ length: 3 }, async (_, i) =>
      board(proxy, ws.id, (await join(a.url, ws, 'participant', `P${i}`)).token),
    ),
  )
  const watcher = board(b, ws.id, (await join(b.url, ws, 'participant', 'Témoin')).token)
  await Promise.all([...writers, watcher].map((c) => c.synced()))
  const first = writers.flatMap((w, i) => writeNotes(w, `shape:w${i}-avant`, 10))
  // Seen by a client of the other node: durable, whatever happens to the first.
  await eventually(() => holds(watcher, first), 10_000, 'seen on B before the kill')

  const killed = performance.now()
  await a.kill()
  const second = writers.flatMap((w, i) => writeNotes(w, `shape:w${i}-apres`, 10))
  const all = [...first, ...second]
  await eventually(() => writers.every((w) => w.provider.wsconnected), 15_000, 'writers reconnected through the proxy')
  console.log(
    `figure: node killed, its 3 clients reconnected to the other in ${(performance.now() - killed).toFixed(0)} ms`,
  )
  await eventually(() => holds(watcher, all) && writers.every((w) => holds(w, all)), 15_000, 'all converged on B')
  const fresh = board(b, ws.id, (await join(b.url, ws, 'participant', 'Nouveau')).token)
  await fresh.synced()
  await eventually(() => holds(fresh, all), 5000, 'a fresh joiner holds everything')
})
