/**
 * Dot-voting is server-authoritative (issue 3 §5): budgets and caps hold under
 * concurrency, hidden results leak nowhere before close, anonymous sessions
 * never tie dots to people, and the control document publishes what may be seen.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import type { CollegeId } from '../../shared/colleges'
import { createWorkshop, join } from '../support/api'
import { connectBoard, eventually } from '../support/boardClient'
import { call, connectControl, openVote } from '../support/controlClient'
import { openStoreOf } from '../support/dataFile'
import { documentRecords, noteRecord } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

let server: ServerProcess
before(async () => {
  server = await startServerProcess({ env: { ATELIER_MAX_MESSAGES_PER_SECOND: '10000' } })
})
after(async () => {
  await server.stop()
})

const NOTES = ['n1', 'n2', 'n3', 'n4']

/** A workshop whose board holds four notes, with a facilitator. */
async function workshopWithNotes(): Promise<{ ws: CreateWorkshopResponse; facilitator: JoinResponse }> {
  const ws = await createWorkshop(server.url, server.adminToken, 'Atelier vote')
  const facilitator = await join(server.url, ws, 'facilitator', 'Fanny', { college: 'departement' })
  const board = connectBoard(server.url, ws.id, { token: facilitator.token })
  await board.synced()
  board.doc.transact(() => {
    for (const r of documentRecords()) board.put(r)
    for (const [i, id] of NOTES.entries()) board.put(noteRecord(id, `Note ${id}`, i * 250, 0))
  })
  const check = connectBoard(server.url, ws.id, { token: facilitator.token })
  await check.synced()
  await eventually(() => check.ids().length === 2 + NOTES.length, 5000, 'notes stored')
  board.destroy()
  check.destroy()
  return { ws, facilitator }
}

const api = (token: string, method: string, p: string, body?: unknown) => call(server.url, token, method, p, body)

test('50 participants × 20 concurrent votes with a budget of 5 end with exactly 5 each', async () => {
  const { ws, facilitator } = await workshopWithNotes()
  const colleges: CollegeId[] = ['associations', 'france-services', 'etat']
  const people = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      join(server.url, ws, 'participant', `Votant ${i}`, { college: colleges[i % 3] as CollegeId }),
    ),
  )
  const open = await openVote(server.url, facilitator.token, ws.id)
  const vid = open.id
  assert.deepEqual(
    open.targetIds,
    NOTES.map((n) => `shape:${n}`),
  )

  const started = performance.now()
  const answers = await Promise.all(
    people.flatMap((p, i) =>
      Array.from({ length: 20 }, (_, k) =>
        api(p.token, 'POST', `/api/workshops/${ws.id}/vote-sessions/${vid}/votes`, {
          targetId: `shape:${NOTES[(i + k) % NOTES.length]}`,
        }),
      ),
    ),
  )
  const seconds = (performance.now() - started) / 1000
  console.log(
    `figure: ${answers.length} concurrent vote requests in ${seconds.toFixed(2)} s (${Math.round(answers.length / seconds)}/s)`,
  )
  assert.equal(answers.filter((a) => a.status === 201).length, 50 * 5)
  for (const a of answers.filter((x) => x.status !== 201)) {
    assert.equal(a.status, 409)
    assert.ok(['budget_exhausted', 'item_cap_reached'].includes(a.body.error.code), a.body.error.code)
  }
  for (const p of people) {
    const mine = await api(p.token, 'GET', `/api/workshops/${ws.id}/vote-sessions/${vid}/me`)
    assert.equal(mine.body.votes.length, 5)
    assert.equal(mine.body.remaining, 0)
    const perItem = new Map<string, number>()
    for (const t of mine.body.votes as string[]) perItem.set(t, (perItem.get(t) ?? 0) + 1)
    assert.ok(Math.max(...perItem.values()) <= 3)
  }
  const closed = await api(facilitator.token, 'POST', `/api/workshops/${ws.id}/vote-sessions/${vid}/close`)
  assert.equal(closed.status, 200)
  const total = (closed.body.ranking as { votes: number }[]).reduce((s, r) => s + r.votes, 0)
  assert.equal(total, 250)
  assert.equal(closed.body.participation.voters, 50)
})

test('budget, cap, closed session and roles get clear answers', async () => {
  const { ws, facilitator } = await workshopWithNotes()
  const zoe = await join(server.url, ws, 'participant', 'Zoé')
  const olga = await join(server.url, ws, 'observer', 'Olga')
  const base = `/api/workshops/${ws.id}/vote-sessions`
  const forbidden = await api(zoe.token, 'POST', base, {
    targets: 'notes',
    votesPerPerson: 2,
    maxPerItem: 1,
    hideResults: false,
    anonymous: false,
  })
  assert.equal(forbidden.status, 403)
  const bad = await api(facilitator.token, 'POST', base, { targets: 'notes', votesPerPerson: 0 })
  assert.equal(bad.status, 400)
  const vid = (
    await openVote(server.url, facilitator.token, ws.id, { votesPerPerson: 2, maxPerItem: 1, hideResults: false })
  ).id
  const vote = (token: string, n: string) => api(token, 'POST', `${base}/${vid}/votes`, { targetId: `shape:${n}` })

  assert.deepEqual((await vote(zoe.token, 'n1')).body, { remaining: 1 })
  const cap = await vote(zoe.token, 'n1')
  assert.equal(cap.status, 409)
  assert.equal(cap.body.error.code, 'item_cap_reached')
  assert.match(cap.body.error.message, /maximum/)
  assert.deepEqual((await vote(zoe.token, 'n2')).body, { remaining: 0 })
  const budget = await vote(zoe.token, 'n3')
  assert.equal(budget.body.error.code, 'budget_exhausted')
  assert.equal((await vote(zoe.token, 'nope')).status, 404)
  assert.equal((await vote(olga.token, 'n1')).status, 403)

  // Taking a dot back frees budget.
  const back = await api(zoe.token, 'DELETE', `${base}/${vid}/votes/shape:n2`)
  assert.deepEqual(back.body, { remaining: 1 })
  assert.equal((await api(zoe.token, 'DELETE', `${base}/${vid}/votes/shape:n2`)).body.error.code, 'no_vote')

  // Visible results while open (hideResults: false), with ties sharing a rank.
  const live = await api(olga.token, 'GET', `${base}/${vid}/results`)
  assert.equal(live.status, 200)
  assert.deepEqual(
    live.body.ranking.map((r: { targetId: string; votes: number; rank: number }) => [r.targetId, r.votes, r.rank]),
    [
      ['shape:n1', 1, 1],
      ['shape:n2', 0, 2],
      ['shape:n3', 0, 2],
      ['shape:n4', 0, 2],
    ],
  )

  await api(facilitator.token, 'POST', `${base}/${vid}/close`)
  const late = await vote(zoe.token, 'n3')
  assert.equal(late.status, 409)
  assert.equal(late.body.error.code, 'vote_closed')
})

test('hidden results: no tally or anyone else’s dots in the control document or any response before close', async () => {
  const { ws, facilitator } = await workshopWithNotes()
  const ana = await join(server.url, ws, 'participant', 'Ana', { college: 'associations' })
  const ben = await join(server.url, ws, 'participant', 'Ben', { college: 'etat' })
  const control = connectControl(server.url, ws.id, ben.token)
  await control.synced()
  const base = `/api/workshops/${ws.id}/vote-sessions`
  const vid = (
    await api(facilitator.token, 'POST', base, {
      targets: ['shape:n2', 'shape:n3'],
      votesPerPerson: 3,
      maxPerItem: 3,
      hideResults: true,
      anonymous: false,
    })
  ).body.id
  await api(ana.token, 'POST', `${base}/${vid}/votes`, { targetId: 'shape:n3' })
  await api(ana.token, 'POST', `${base}/${vid}/votes`, { targetId: 'shape:n3' })
  await eventually(() => (control.get('participation') as { voters?: number } | undefined)?.voters === 1, 5000)

  // What Ben can read: the phase, the rules, participation counts — and nothing else.
  assert.equal(control.get('phase'), 'vote')
  assert.equal(control.get('results'), null)
  assert.doesNotMatch(control.json(), /"votes"|"ranking"/)
  assert.equal((await api(ben.token, 'GET', `${base}/${vid}/results`)).status, 403)
  assert.equal((await api(facilitator.token, 'GET', `${base}/${vid}/results`)).status, 403)
  const state = await api(ben.token, 'GET', `/api/workshops/${ws.id}/state`)
  assert.equal(state.body.results, null)
  assert.deepEqual((await api(ben.token, 'GET', `${base}/${vid}/me`)).body, { votes: [], remaining: 3 })

  // After close, everyone reads the same ranking.
  const closed = await api(facilitator.token, 'POST', `${base}/${vid}/close`)
  await eventually(() => control.get('results') !== null && control.get('results') !== undefined, 5000)
  assert.deepEqual(control.get('results'), closed.body)
  assert.deepEqual(closed.body.ranking[0], { targetId: 'shape:n3', votes: 2, rank: 1, byCollege: { associations: 2 } })
  control.destroy()
})

test('anonymous sessions never tie dots to people, even for the facilitator or in the database', async () => {
  const { ws, facilitator } = await workshopWithNotes()
  const ana = await join(server.url, ws, 'participant', 'Ana', { college: 'associations' })
  const base = `/api/workshops/${ws.id}/vote-sessions`
  const vid = (
    await openVote(server.url, facilitator.token, ws.id, {
      votesPerPerson: 2,
      maxPerItem: 2,
      hideResults: false,
      anonymous: true,
    })
  ).id
  await api(ana.token, 'POST', `${base}/${vid}/votes`, { targetId: 'shape:n1' })
  assert.deepEqual((await api(ana.token, 'GET', `${base}/${vid}/me`)).body, { votes: ['shape:n1'], remaining: 1 })
  const closed = await api(facilitator.token, 'POST', `${base}/${vid}/close`)
  assert.deepEqual(closed.body.ranking[0].byCollege, {})
  const store = await openStoreOf(server)
  try {
    const voters = (await store.allVotes(vid)).map((v) => v.voter)
    assert.equal(voters.length, 1)
    assert.notEqual(voters[0], ana.participantId)
    assert.equal((await store.getVoteSession(ws.id, vid))?.voterKey, null)
  } finally {
    await store.close()
  }
})

test('the control document is read-only; phase, timer and lock are published; a locked board refuses participants', async () => {
  const { ws, facilitator } = await workshopWithNotes()
  const paul = await join(server.url, ws, 'participant', 'Paul')
  const control = connectControl(server.url, ws.id, paul.token)
  await control.synced()
  assert.equal(control.get('phase'), 'ecriture')

  assert.equal((await api(paul.token, 'POST', `/api/workshops/${ws.id}/phase`, { phase: 'vote' })).status, 403)
  await api(facilitator.token, 'POST', `/api/workshops/${ws.id}/phase`, { phase: 'regroupement' })
  await eventually(() => control.get('phase') === 'regroupement', 5000, 'phase published')
  const before = Date.now()
  await api(facilitator.token, 'POST', `/api/workshops/${ws.id}/timer`, { seconds: 300 })
  await eventually(() => Boolean(control.get('timer')), 5000, 'timer published')
  const timer = control.get('timer') as { endsAt: number; durationMs: number }
  assert.equal(timer.durationMs, 300_000)
  assert.ok(timer.endsAt >= before + 300_000 && timer.endsAt <= Date.now() + 300_000)

  // A client writing into the control document is closed as read-only; the value stays.
  control.doc.getMap('control').set('phase', 'resultats')
  await eventually(() => control.closes.includes(4403), 5000, 'control write refused')
  const fresh = connectControl(server.url, ws.id, paul.token)
  await fresh.synced()
  assert.equal(fresh.get('phase'), 'regroupement')

  // Locked: a participant's board write is refused (4423), the facilitator's is not.
  await api(facilitator.token, 'POST', `/api/workshops/${ws.id}/lock`, { locked: true })
  await eventually(() => fresh.get('locked') === true, 5000, 'lock published')
  const paulBoard = connectBoard(server.url, ws.id, { token: paul.token })
  const fanny = connectBoard(server.url, ws.id, { token: facilitator.token })
  await Promise.all([paulBoard.synced(), fanny.synced()])
  paulBoard.put(noteRecord('locked-out', 'pendant le verrou'))
  await eventually(() => paulBoard.closes.some((c) => c.code === 4423), 5000, 'participant refused')
  fanny.put(noteRecord('facilitator-note', 'animatrice'))
  const reader = connectBoard(server.url, ws.id, { token: facilitator.token })
  await reader.synced()
  await eventually(() => reader.get('shape:facilitator-note') !== undefined, 5000)
  assert.equal(reader.get('shape:locked-out'), undefined)

  // Unlocked again: the participant writes.
  await api(facilitator.token, 'POST', `/api/workshops/${ws.id}/lock`, { locked: false })
  const again = connectBoard(server.url, ws.id, { token: paul.token })
  await again.synced()
  again.put(noteRecord('after-unlock', 'après'))
  await eventually(() => reader.get('shape:after-unlock') !== undefined, 5000)
  for (const c of [control, fresh, paulBoard, fanny, reader, again]) c.destroy()
})
