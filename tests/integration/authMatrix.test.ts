/**
 * The auth matrix (issue 6 item 6, DESIGN §5): every API route, read from
 * express's own router stack, against every kind of credential that must not
 * pass — none, expired, tampered (payload, signature, `alg: none`), another
 * key, another workshop's, a participant who does not exist or was erased, a
 * session or reader grant from a rotated link, a role that is not enough, a
 * wrong admin token — and a foreign Origin on every state-changing call. Each
 * must be refused (401/403, 404 only where marked hidden), and the right
 * credential must then succeed on the same route, so every refusal is the
 * credential's doing. The sync upgrade gets the same matrix on every document
 * kind. A route the matrix does not list fails the test.
 */
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, test } from 'node:test'
import { newId } from '../../server/auth/secrets'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import type { Role } from '../../shared/roles'
import { join, keyOf } from '../support/api'
import { writeBoard } from '../support/boardClient'
import { call } from '../support/controlClient'
import { syncUrl, upgradeOutcome } from '../support/rawSocket'
import { documentRecords, noteRecord } from '../support/records'
import { registeredRoutes } from '../support/routeTable'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'
import {
  craftReaderGrant,
  craftSession,
  serverSigningKey,
  setCookieValue,
  withAlgNone,
  withBrokenSignature,
  withPayload,
} from '../support/tokens'

/** A credential to present: request headers, and for joins the key in the body. */
interface Credential {
  name: string
  headers: Record<string, string>
  key?: string
  /** Appended to the path's query (a credential in the URL). */
  query?: string
  /** Another path for this case only (e.g. rotating the facilitator link). */
  path?: string
  /** A 404 counts as a refusal: the resource is not this caller's to know. */
  hidden?: boolean
}

type Policy =
  | { kind: 'public' }
  | { kind: 'admin' }
  /** A session of workshop A with one of these roles (the first one is the positive control). */
  | { kind: 'session'; roles: Role[] }
  /** Who may read A's snapshots or P's roadmap (server/roadmap/readAccess.ts); the control uses P's reader grant. */
  | { kind: 'read' }
  /** The admin token, or a session of A with one of these roles (the control: the first one). */
  | { kind: 'adminOr'; roles: Role[] }
  | { kind: 'workshopKey' }
  | { kind: 'readerKey' }

interface RouteCase {
  route: string
  policy: Policy
  path: () => string
  body?: () => unknown
  status: number
  /** Run just before the positive control (what it needs, e.g. a dot to take back). */
  prepare?: () => Promise<void>
  /** Who succeeds, when not the policy's usual control. */
  accepted?: () => Credential
  /** Refusals of this route only, besides its policy's. */
  extra?: () => Credential[]
  /** Reads what the positive control answered (e.g. the new vote session). */
  afterwards?: (body: unknown) => void
}

let server: ServerProcess
let key: Uint8Array
const now = () => Math.floor(Date.now() / 1000)
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

// P: a démarche with workshop A; Q: another démarche with workshop B; R: a démarche whose reader link rotates.
let P: { id: string; key: string; staleKey: string; grant: string; staleGrant: string }
let Q: { id: string; key: string; grant: string }
let R: { id: string }
let A: CreateWorkshopResponse
let B: CreateWorkshopResponse
let fac: JoinResponse
let par: JoinResponse
let par2: JoinResponse
let obs: JoinResponse
let bFac: JoinResponse
/** A participant of A who joined through the participant link before it was rotated. */
let rotatedOut: JoinResponse
/** A participant of A erased by the admin. */
let erased: JoinResponse
/** A participant of A who erases themself (DELETE …/participants/:pid's positive control). */
let leaving: JoinResponse
/** S: a spare workshop, erased by DELETE /api/workshops/:id's positive control. */
let S: CreateWorkshopResponse
let sFac: JoinResponse
const ids = { vote: '', snapshot: '', versionA: '', versionB: '', note: 'shape:matrix-note' }

async function admin(method: string, p: string, body?: unknown) {
  const res = await call(server.url, server.adminToken, method, p, body)
  assert.ok(res.status < 300, `${method} ${p}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

async function newProcess(nom: string): Promise<{ id: string; key: string }> {
  const body = await admin('POST', '/api/processes', { nom })
  return { id: body.id, key: keyOf(body.links.reader) }
}

async function readerGrant(pid: string, k: string): Promise<string> {
  const res = await fetch(`${server.url}/api/processes/${pid}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: k }),
  })
  assert.equal(res.status, 200)
  return setCookieValue(res, `atelier_reader_${pid}`)
}

async function workshopIn(processId: string, title: string): Promise<CreateWorkshopResponse> {
  return admin('POST', '/api/workshops', { title, template: 'vide', processId })
}

before(async () => {
  server = await startServerProcess()
  key = serverSigningKey(server.dataDir)

  const p = await newProcess('Démarche P')
  const staleGrant = await readerGrant(p.id, p.key)
  const rotated = await admin('POST', `/api/processes/${p.id}/reader-link/rotate`)
  const freshKey = keyOf(rotated.links.reader)
  P = { id: p.id, key: freshKey, staleKey: p.key, grant: await readerGrant(p.id, freshKey), staleGrant }
  const q = await newProcess('Démarche Q')
  Q = { ...q, grant: await readerGrant(q.id, q.key) }
  R = await newProcess('Démarche R')

  A = await workshopIn(P.id, 'Atelier A')
  B = await workshopIn(Q.id, 'Atelier B')
  fac = await join(server.url, A, 'facilitator', 'Fanny')
  rotatedOut = await join(server.url, A, 'participant', 'Rémi')
  const fresh = await admin('POST', `/api/workshops/${A.id}/links/participant/rotate`)
  A.links.participant = fresh.links.participant
  erased = await join(server.url, A, 'participant', 'Gaston')
  await admin('DELETE', `/api/workshops/${A.id}/participants/${erased.participantId}`)
  leaving = await join(server.url, A, 'participant', 'Denise')
  par = await join(server.url, A, 'participant', 'Paul')
  par2 = await join(server.url, A, 'participant', 'Pia')
  obs = await join(server.url, A, 'observer', 'Olga')
  bFac = await join(server.url, B, 'facilitator', 'Bruno')
  S = await workshopIn(P.id, 'Atelier S')
  sFac = await join(server.url, S, 'facilitator', 'Sacha')

  await writeBoard(server.url, A.id, par.token, [...documentRecords(), noteRecord(ids.note, 'Former les aidants')])
  const vote = await call(server.url, fac.token, 'POST', `/api/workshops/${A.id}/vote-sessions`, voteBody())
  assert.equal(vote.status, 201, JSON.stringify(vote.body))
  ids.vote = vote.body.id
  // Two snapshots of A: two versions of P's roadmap (one is appended with each).
  for (let i = 0; i < 2; i++) {
    const snap = await call(server.url, fac.token, 'POST', `/api/workshops/${A.id}/snapshots`)
    assert.equal(snap.status, 201, JSON.stringify(snap.body))
    ids.snapshot = snap.body.id
  }
  const versions = (await admin('GET', `/api/processes/${P.id}/roadmap-versions`)) as { id: string }[]
  assert.equal(versions.length, 2)
  ids.versionA = versions[0]?.id ?? ''
  ids.versionB = versions[1]?.id ?? ''
})
after(async () => {
  await server.stop()
})

function voteBody() {
  return { targets: [ids.note], votesPerPerson: 3, maxPerItem: 3, hideResults: false, anonymous: false }
}

/** Sessions that verify as nothing, or as someone who is not in workshop A: refused by every route of A. */
async function forgedSessions(): Promise<Credential[]> {
  const exp = now() + 600
  return [
    { name: 'no credentials', headers: {} },
    { name: 'expired session', headers: bearer(await craftSession(key, sessionOf(fac), now() - 60)) },
    { name: 'payload changed: role → facilitator', headers: bearer(withPayload(obs.token, { role: 'facilitator' })) },
    { name: 'payload changed: workshop → A', headers: bearer(withPayload(bFac.token, { wid: A.id })) },
    { name: 'payload changed: expiry → later', headers: bearer(withPayload(fac.token, { exp: exp + 86_400 })) },
    { name: 'signature broken', headers: bearer(withBrokenSignature(fac.token)) },
    { name: 'alg none', headers: bearer(withAlgNone(fac.token)) },
    { name: 'signed with another key', headers: bearer(await craftSession(randomBytes(32), sessionOf(fac), exp)) },
    { name: 'session of another workshop', headers: bearer(bFac.token) },
    {
      name: 'participant who does not exist',
      headers: bearer(await craftSession(key, { participantId: newId(), workshopId: A.id, role: 'facilitator' }, exp)),
    },
    {
      name: 'participant of another workshop, signed for A',
      headers: bearer(await craftSession(key, { ...sessionOf(bFac), workshopId: A.id }, exp)),
    },
    { name: 'session from a rotated link', headers: bearer(rotatedOut.token) },
    { name: 'session of an erased participant', headers: bearer(erased.token) },
    { name: 'wrong admin token', headers: bearer('not-the-admin-token-0123456789abcdef') },
  ]
}

const sessionOf = (j: JoinResponse) => ({ participantId: j.participantId, workshopId: j.workshop.id, role: j.role })
const asRole: Record<Role, () => JoinResponse> = { facilitator: () => fac, participant: () => par, observer: () => obs }

/** Which reader link a grant names (its `lid` claim). */
const grantLinkId = (grant: string) =>
  JSON.parse(Buffer.from(grant.split('.')[1] ?? '', 'base64url').toString()).lid as string

/** Grants that verify as nothing, or for another démarche, or from P's rotated link. */
async function forgedGrants(): Promise<Credential[]> {
  return [
    { name: 'reader grant from the rotated link', headers: bearer(P.staleGrant) },
    { name: 'reader grant of another démarche', headers: bearer(Q.grant) },
    {
      name: 'reader grant, expired',
      headers: bearer(await craftReaderGrant(key, { processId: P.id, linkId: grantLinkId(P.grant) }, now() - 60)),
    },
    { name: 'reader grant, payload changed: démarche → P', headers: bearer(withPayload(Q.grant, { sub: P.id })) },
    { name: 'reader grant, signature broken', headers: bearer(withBrokenSignature(P.grant)) },
    { name: 'reader grant, alg none', headers: bearer(withAlgNone(P.grant)) },
    {
      name: 'reader grant in the cookie of another démarche',
      headers: { cookie: `atelier_reader_${Q.id}=${P.grant}` },
    },
  ]
}

/** The credentials `policy` must refuse, and the one it must accept. */
async function matrixOf(policy: Policy): Promise<{ refused: Credential[]; accepted: Credential | null }> {
  switch (policy.kind) {
    case 'public':
      return { refused: [], accepted: { name: 'anyone', headers: {} } }
    case 'admin':
      return {
        refused: [
          { name: 'no credentials', headers: {} },
          { name: 'wrong admin token', headers: bearer('not-the-admin-token-0123456789abcdef') },
          { name: 'admin token with a character changed', headers: bearer(`${server.adminToken.slice(0, -1)}x`) },
          { name: 'admin token as ?token= (only the header counts)', headers: {}, query: `token=${server.adminToken}` },
          { name: 'role not enough: facilitator session', headers: bearer(fac.token) },
          { name: 'role not enough: reader grant', headers: bearer(P.grant) },
        ],
        accepted: { name: 'admin token', headers: bearer(server.adminToken) },
      }
    case 'session': {
      const refused = await forgedSessions()
      for (const role of ['observer', 'participant'] as const)
        if (!policy.roles.includes(role))
          refused.push({ name: `role not enough: ${role}`, headers: bearer(asRole[role]().token) })
      refused.push(
        { name: 'admin token (not a session)', headers: bearer(server.adminToken) },
        { name: 'reader grant (not a session)', headers: bearer(P.grant) },
        {
          name: "A's session in another workshop's cookie",
          headers: { cookie: `atelier_session_${B.id}=${fac.token}` },
        },
      )
      const role = policy.roles[0] as Role
      return { refused, accepted: { name: `${role} session`, headers: bearer(asRole[role]().token) } }
    }
    case 'adminOr': {
      const { refused } = await matrixOf({ kind: 'session', roles: policy.roles })
      const role = policy.roles[0] as Role
      return {
        refused: refused.filter((c) => c.name !== 'admin token (not a session)'),
        accepted: { name: `${role} session`, headers: bearer(asRole[role]().token) },
      }
    }
    case 'read':
      return {
        refused: [...(await forgedSessions()), ...(await forgedGrants())],
        accepted: { name: 'reader grant', headers: bearer(P.grant) },
      }
    case 'workshopKey':
      return {
        refused: [
          { name: 'random key', headers: {}, key: newId() },
          { name: "another workshop's key", headers: {}, key: keyOf(B.links.participant) },
          { name: "a démarche's reader key", headers: {}, key: P.key },
        ],
        accepted: { name: 'observer link key', headers: {}, key: keyOf(A.links.observer) },
      }
    case 'readerKey':
      return {
        refused: [
          { name: 'random key', headers: {}, key: newId() },
          { name: "the rotated link's key", headers: {}, key: P.staleKey },
          { name: "another démarche's key", headers: {}, key: Q.key },
          { name: "a workshop's key", headers: {}, key: keyOf(A.links.facilitator) },
        ],
        accepted: { name: 'reader link key', headers: {}, key: P.key },
      }
  }
}

const facilitator: Policy = { kind: 'session', roles: ['facilitator'] }
const anyRole: Policy = { kind: 'session', roles: ['observer', 'participant', 'facilitator'] }
const writers: Policy = { kind: 'session', roles: ['participant', 'facilitator'] }
const read: Policy = { kind: 'read' }
const adminOnly: Policy = { kind: 'admin' }
const w =
  (rest = '') =>
  () =>
    `/api/workshops/${A.id}${rest}`
const v = (rest = '') => w(`/vote-sessions/${ids.vote}${rest}`)

/** Every route, in the order their positive controls run (each may change what the next one finds). */
const ROUTES: RouteCase[] = [
  { route: 'GET /healthz', policy: { kind: 'public' }, path: () => '/healthz', status: 200 },
  { route: 'GET /api/config', policy: { kind: 'public' }, path: () => '/api/config', status: 200 },
  { route: 'GET /api/time', policy: { kind: 'public' }, path: () => '/api/time', status: 200 },
  { route: 'GET /schemas/:file', policy: { kind: 'public' }, path: () => '/schemas/roadmap-v1.json', status: 200 },
  { route: 'GET /metrics', policy: adminOnly, path: () => '/metrics', status: 200 },
  { route: 'GET /api/processes', policy: adminOnly, path: () => '/api/processes', status: 200 },
  {
    route: 'POST /api/processes',
    policy: adminOnly,
    path: () => '/api/processes',
    body: () => ({ nom: 'Démarche S' }),
    status: 201,
  },
  {
    route: 'POST /api/workshops',
    policy: adminOnly,
    path: () => '/api/workshops',
    body: () => ({ title: 'Atelier S', template: 'vide' }),
    status: 201,
  },
  {
    route: 'POST /api/processes/:pid/reader-link/rotate',
    policy: adminOnly,
    path: () => `/api/processes/${R.id}/reader-link/rotate`,
    status: 200,
  },
  {
    route: 'POST /api/processes/:pid/roadmap-versions',
    policy: adminOnly,
    path: () => `/api/processes/${P.id}/roadmap-versions`,
    status: 201,
  },
  {
    route: 'POST /api/workshops/:id/join',
    policy: { kind: 'workshopKey' },
    path: w('/join'),
    body: () => ({ name: 'Ophélie' }),
    status: 200,
  },
  {
    route: 'POST /api/processes/:pid/join',
    policy: { kind: 'readerKey' },
    path: () => `/api/processes/${P.id}/join`,
    status: 200,
  },
  { route: 'GET /api/workshops/:id/session', policy: anyRole, path: w('/session'), status: 200 },
  { route: 'GET /api/workshops/:id/state', policy: anyRole, path: w('/state'), status: 200 },
  { route: 'GET /api/workshops/:id/participants', policy: anyRole, path: w('/participants'), status: 200 },
  {
    route: 'POST /api/workshops/:id/phase',
    policy: facilitator,
    path: w('/phase'),
    body: () => ({ phase: 'ecriture' }),
    status: 200,
  },
  {
    route: 'POST /api/workshops/:id/lock',
    policy: facilitator,
    path: w('/lock'),
    body: () => ({ locked: false }),
    status: 200,
  },
  {
    route: 'POST /api/workshops/:id/timer',
    policy: facilitator,
    path: w('/timer'),
    body: () => ({ seconds: 60 }),
    status: 200,
  },
  {
    route: 'POST /api/workshops/:id/summon',
    policy: facilitator,
    path: w('/summon'),
    body: () => ({ bounds: { x: 0, y: 0, w: 100, h: 100 } }),
    status: 200,
  },
  {
    route: 'POST /api/workshops/:id/private-writing',
    policy: facilitator,
    path: w('/private-writing'),
    body: () => ({ active: true }),
    status: 200,
  },
  {
    route: 'GET /api/workshops/:id/private-writing/authors',
    policy: facilitator,
    path: w('/private-writing/authors'),
    status: 200,
  },
  {
    route: 'POST /api/workshops/:id/private-writing/reveal',
    policy: facilitator,
    path: w('/private-writing/reveal'),
    status: 200,
  },
  {
    route: 'POST /api/workshops/:id/cluster-suggestions',
    policy: facilitator,
    path: w('/cluster-suggestions'),
    status: 200,
  },
  {
    route: 'POST /api/workshops/:id/vote-sessions',
    policy: facilitator,
    path: w('/vote-sessions'),
    body: voteBody,
    status: 201,
    afterwards: (body) => {
      ids.vote = (body as { id: string }).id
    },
  },
  {
    route: 'POST /api/workshops/:id/vote-sessions/:vid/votes',
    policy: writers,
    path: () => v('/votes')(),
    body: () => ({ targetId: ids.note }),
    status: 201,
  },
  { route: 'GET /api/workshops/:id/vote-sessions/:vid/me', policy: writers, path: () => v('/me')(), status: 200 },
  {
    route: 'DELETE /api/workshops/:id/vote-sessions/:vid/votes/:targetId',
    policy: writers,
    path: () => v(`/votes/${encodeURIComponent(ids.note)}`)(),
    status: 200,
  },
  {
    route: 'GET /api/workshops/:id/vote-sessions/:vid/results',
    policy: anyRole,
    path: () => v('/results')(),
    status: 200,
  },
  {
    route: 'POST /api/workshops/:id/vote-sessions/:vid/close',
    policy: facilitator,
    path: () => v('/close')(),
    status: 200,
  },
  { route: 'POST /api/workshops/:id/snapshots', policy: facilitator, path: w('/snapshots'), status: 201 },
  { route: 'GET /api/workshops/:id/snapshots', policy: read, path: w('/snapshots'), status: 200 },
  { route: 'GET /api/snapshots/:sid', policy: read, path: () => `/api/snapshots/${ids.snapshot}`, status: 200 },
  {
    route: 'GET /api/snapshots/:sid/export',
    policy: read,
    path: () => `/api/snapshots/${ids.snapshot}/export?format=csv`,
    status: 200,
  },
  { route: 'GET /api/workshops/:id/export', policy: read, path: w('/export?format=md'), status: 200 },
  { route: 'GET /api/processes/:pid/roadmap', policy: read, path: () => `/api/processes/${P.id}/roadmap`, status: 200 },
  {
    route: 'GET /api/processes/:pid/roadmap-versions',
    policy: read,
    path: () => `/api/processes/${P.id}/roadmap-versions`,
    status: 200,
  },
  {
    route: 'GET /api/roadmap-versions/:vid',
    policy: read,
    path: () => `/api/roadmap-versions/${ids.versionA}`,
    status: 200,
  },
  {
    route: 'GET /api/roadmap-versions/:a/diff/:b',
    policy: read,
    path: () => `/api/roadmap-versions/${ids.versionA}/diff/${ids.versionB}`,
    status: 200,
  },
  {
    route: 'GET /api/roadmap-versions/:vid/export',
    policy: read,
    path: () => `/api/roadmap-versions/${ids.versionB}/export?format=html`,
    status: 200,
  },
  {
    route: 'GET /api/processes/:pid/roadmap/export',
    policy: read,
    path: () => `/api/processes/${P.id}/roadmap/export?format=json`,
    status: 200,
  },
  {
    route: 'DELETE /api/workshops/:id/participants/:pid',
    policy: { kind: 'adminOr', roles: ['participant', 'facilitator'] },
    path: () => w(`/participants/${leaving.participantId}`)(),
    extra: () => [
      {
        name: "another workshop's participant",
        headers: bearer(fac.token),
        path: w(`/participants/${bFac.participantId}`)(),
        hidden: true,
      },
    ],
    // Participants erase themselves (another participant is refused: the policy's control, here a refusal).
    accepted: () => ({ name: 'the participant themself', headers: bearer(leaving.token) }),
    status: 204,
  },
  {
    route: 'DELETE /api/workshops/:id',
    policy: adminOnly,
    path: () => `/api/workshops/${S.id}`,
    extra: () => [{ name: 'role not enough: its facilitator', headers: bearer(sFac.token) }],
    status: 204,
  },
  // Last: rotating the observer link revokes the observer session the controls above use.
  {
    route: 'POST /api/workshops/:id/links/:role/rotate',
    policy: { kind: 'adminOr', roles: ['facilitator'] },
    path: w('/links/observer/rotate'),
    extra: () => [
      {
        name: 'role not enough: facilitator replacing their own link',
        headers: bearer(fac.token),
        path: w('/links/facilitator/rotate')(),
      },
    ],
    status: 200,
  },
]

/** Another loopback origin: same host, another port's name — what a page on the same machine would send. */
const foreignOrigin = () => `http://localhost:${server.port}`

async function send(method: string, path: string, c: Credential, body: unknown) {
  const withKey = c.key === undefined ? body : { ...(body as object), key: c.key }
  const payload = withKey ?? (method === 'GET' ? undefined : {})
  const target = c.query ? `${path}${path.includes('?') ? '&' : '?'}${c.query}` : path
  const res = await fetch(`${server.url}${target}`, {
    method,
    headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...c.headers },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  })
  const text = await res.text()
  return { status: res.status, text }
}

test('every sync document refuses the same credentials at the upgrade, and opens for who may open it', async () => {
  const docs: { name: string; path: string; open: JoinResponse[]; refuse: [string, JoinResponse][] }[] = [
    { name: 'board', path: `/sync/${A.id}/board`, open: [obs, par, fac], refuse: [] },
    { name: 'control', path: `/sync/${A.id}/control`, open: [obs, par, fac], refuse: [] },
    {
      name: 'drafts of self',
      path: `/sync/${A.id}/drafts/${par.participantId}`,
      open: [par, fac],
      refuse: [
        ["another participant's drafts", par2],
        ['role not enough: observer', obs],
      ],
    },
  ]
  const exp = now() + 600
  const forged: [string, string | null][] = [
    ['no credentials', null],
    ['expired session', await craftSession(key, sessionOf(fac), now() - 60)],
    ['payload changed: role → facilitator', withPayload(obs.token, { role: 'facilitator' })],
    ['payload changed: workshop → A', withPayload(bFac.token, { wid: A.id })],
    ['signature broken', withBrokenSignature(fac.token)],
    ['alg none', withAlgNone(fac.token)],
    ['signed with another key', await craftSession(randomBytes(32), sessionOf(fac), exp)],
    ['session of another workshop', bFac.token],
    [
      'participant who does not exist',
      await craftSession(key, { participantId: newId(), workshopId: A.id, role: 'facilitator' }, exp),
    ],
    [
      'participant of another workshop, signed for A',
      await craftSession(key, { ...sessionOf(bFac), workshopId: A.id }, exp),
    ],
    ['session from a rotated link', rotatedOut.token],
    ['session of an erased participant', erased.token],
    ['admin token (not a session)', server.adminToken],
    ['reader grant (not a session)', P.grant],
  ]
  let cases = 0
  let refusals = 0
  const holes: string[] = []
  const expectRefused = async (what: string, url: string, headers: Record<string, string>, hidden = false) => {
    cases++
    const outcome = await upgradeOutcome(url, headers)
    if (outcome === 401 || outcome === 403 || (hidden && outcome === 404)) refusals++
    else holes.push(`${what}: ${outcome}`)
  }
  for (const d of docs) {
    for (const [name, token] of forged)
      await expectRefused(`${d.name} with ${name}`, syncUrl(server.url, d.path, token ?? undefined), {})
    for (const [name, who] of d.refuse)
      await expectRefused(`${d.name} with ${name}`, syncUrl(server.url, d.path, who.token), {})
    for (const who of d.open) {
      await expectRefused(`${d.name} as ${who.role}, foreign Origin`, syncUrl(server.url, d.path, who.token), {
        Origin: foreignOrigin(),
      })
      // Positive controls: by ?token= as stock clients send it, and by header.
      assert.equal(await upgradeOutcome(syncUrl(server.url, d.path, who.token)), 'open', `${d.name} as ${who.role}`)
      assert.equal(
        await upgradeOutcome(syncUrl(server.url, d.path), bearer(who.token)),
        'open',
        `${d.name} as ${who.role} (header)`,
      )
    }
  }
  // Drafts that are nobody's (an id that is no participant, or the facilitator's: only participants have drafts),
  // and paths that are no document: hidden. A workshop that does not exist: the token is not for it.
  const hidden: [string, string][] = [
    ['drafts of nobody', `/sync/${A.id}/drafts/${newId()}`],
    ['drafts of the facilitator', `/sync/${A.id}/drafts/${fac.participantId}`],
    ['unknown document kind', `/sync/${A.id}/nope`],
    ['malformed workshop id', '/sync/bad id/board'],
  ]
  for (const [name, path] of hidden) await expectRefused(name, syncUrl(server.url, path, fac.token), {}, true)
  await expectRefused('unknown workshop', syncUrl(server.url, `/sync/${newId()}/board`, fac.token), {})
  // The forged tokens above are refused for what was changed: signed alike but valid, one opens.
  const crafted = await craftSession(key, sessionOf(obs), exp)
  assert.equal(
    await upgradeOutcome(syncUrl(server.url, `/sync/${A.id}/board`, crafted)),
    'open',
    'crafted, not expired',
  )
  console.log(
    `figure: upgrade auth matrix ${refusals} refusals / ${cases} cases (${Math.round((100 * refusals) / cases)} %) on ${docs.length} documents and ${hidden.length + 1} paths that are none`,
  )
  assert.deepEqual(holes, [])
})

test('every API route refuses every credential that is not enough, and accepts the right one', async () => {
  // The matrix lists exactly the routes the app registers: a new route cannot skip it.
  const listed = ROUTES.map((r) => r.route)
  const registered = registeredRoutes()
  assert.equal(new Set(listed).size, listed.length, 'a route listed twice')
  assert.deepEqual(
    registered.filter((r) => !listed.includes(r)),
    [],
    'routes the matrix does not cover: add them to ROUTES',
  )
  assert.deepEqual(
    listed.filter((r) => !registered.includes(r)),
    [],
    'routes the matrix lists that no longer exist',
  )

  // The forged credentials are refused for what was changed: signed alike but valid, they pass.
  const exp = now() + 600
  const crafted = await craftSession(key, sessionOf(fac), exp)
  assert.equal((await call(server.url, crafted, 'GET', `/api/workshops/${A.id}/session`)).status, 200)
  const grant = await craftReaderGrant(key, { processId: P.id, linkId: grantLinkId(P.grant) }, exp)
  assert.equal((await call(server.url, grant, 'GET', `/api/processes/${P.id}/roadmap`)).status, 200)

  let cases = 0
  let refusals = 0
  const holes: string[] = []
  for (const r of ROUTES) {
    const [method = 'GET'] = r.route.split(' ')
    const matrix = await matrixOf(r.policy)
    const accepted = r.accepted?.() ?? matrix.accepted
    // The usual control becomes a refusal when the route names another one (e.g. a participant erasing someone else).
    const refused =
      r.accepted && matrix.accepted
        ? [...matrix.refused, { ...matrix.accepted, name: `${matrix.accepted.name} (not theirs)` }]
        : matrix.refused
    const body = r.body?.()
    const all = [...refused, ...(r.extra?.() ?? [])]
    if (method !== 'GET' && accepted)
      all.push({
        ...accepted,
        name: `${accepted.name}, foreign Origin`,
        headers: { ...accepted.headers, origin: foreignOrigin() },
      })
    for (const c of all) {
      cases++
      const res = await send(method, c.path ?? r.path(), c, body)
      const code = (JSON.parse(res.text || 'null') as { error?: { code?: string } } | null)?.error?.code
      if ((res.status === 401 || res.status === 403 || (c.hidden && res.status === 404)) && code) refusals++
      else holes.push(`${r.route} with ${c.name}: ${res.status} ${res.text.slice(0, 120)}`)
    }
    if (!accepted) continue
    await r.prepare?.()
    const res = await send(method, r.path(), accepted, body)
    assert.equal(res.status, r.status, `${r.route} with ${accepted.name} (positive control): ${res.text.slice(0, 300)}`)
    r.afterwards?.(JSON.parse(res.text))
  }
  console.log(
    `figure: auth matrix ${refusals} refusals / ${cases} cases (${Math.round((100 * refusals) / cases)} %) on ${ROUTES.length} routes`,
  )
  assert.deepEqual(holes, [])
  assert.ok(cases > ROUTES.length * 5)
})
