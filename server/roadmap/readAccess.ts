/**
 * Who may read a démarche's roadmap (its versions, their diffs and exports)
 * and its workshops' snapshots: the one rule, used by every route that serves
 * them.
 *
 * A workshop's snapshots:
 * - the instance admin token (`Authorization: Bearer <admin token>`);
 * - a session of that workshop, any role (observers included: they followed
 *   the workshop, its outcome is theirs to read);
 * - when the workshop belongs to a démarche, whoever may read its roadmap.
 *
 * A démarche's roadmap:
 * - the instance admin token;
 * - a reader grant of that démarche (its reader link traded for the cookie
 *   `atelier_reader_<processId>`, or the token as a bearer), while the link
 *   that gave it is not rotated;
 * - a session, any role, of one of its workshops (cookie or bearer).
 *
 * Anything else: 401 without credentials (or with ones that verify as nothing
 * or were revoked), 403 with valid ones for something else (a session of
 * another workshop, or of a workshop of another démarche; another démarche's
 * grant).
 */
import type { IncomingMessage } from 'node:http'
import type { AdminToken } from '../auth/adminToken'
import { type ReaderGrantSigner, readerCookieName, readerLinkId } from '../auth/readerGrants'
import type { Session, SessionSigner } from '../auth/sessions'
import { errors } from '../http/errors'
import { authenticate, readCookie } from '../http/sessionAuth'
import type { Store } from '../storage/store'

export interface ReadAccessDeps {
  store: Store
  signer: SessionSigner
  adminToken: AdminToken
  readers: ReaderGrantSigner
}

export type Reader = { kind: 'admin' } | { kind: 'session'; session: Session } | { kind: 'reader' }

type Outcome = { ok: true; reader: Reader } | { ok: false; status: 401 | 403 }

/** The reader of a workshop's snapshots, or throws the HttpError (401 / 403) to answer. */
export async function authorizeWorkshopRead(
  deps: ReadAccessDeps,
  req: IncomingMessage,
  workshopId: string,
): Promise<Reader> {
  const bearer = bearerToken(req)
  if (bearer && deps.adminToken.matches(bearer)) return { kind: 'admin' }
  const auth = await authenticate(deps.signer, deps.store, req, workshopId)
  if (auth.ok) return { kind: 'session', session: auth.session }
  const processId = (await deps.store.getWorkshop(workshopId))?.processId
  const viaProcess: Outcome = processId ? await processReader(deps, req, processId) : { ok: false, status: 401 }
  if (viaProcess.ok) return viaProcess.reader
  throw refusal(auth.status === 403 || viaProcess.status === 403 ? 403 : 401)
}

/** The reader of a démarche's roadmap, or throws the HttpError (401 / 403) to answer. */
export async function authorizeProcessRead(
  deps: ReadAccessDeps,
  req: IncomingMessage,
  processId: string,
): Promise<Reader> {
  const outcome = await processReader(deps, req, processId)
  if (outcome.ok) return outcome.reader
  throw refusal(outcome.status)
}

async function processReader(deps: ReadAccessDeps, req: IncomingMessage, processId: string): Promise<Outcome> {
  const bearer = bearerToken(req)
  if (bearer && deps.adminToken.matches(bearer)) return { ok: true, reader: { kind: 'admin' } }
  let status: 401 | 403 = 401
  for (const token of [readCookie(req, readerCookieName(processId)), bearer]) {
    const grant = token ? await deps.readers.verify(token) : null
    if (!grant) continue
    if (grant.processId !== processId) {
      status = 403
      continue
    }
    // Rotating the link revokes what it gave.
    const link = await deps.store.activeProcessLink(processId)
    if (link && readerLinkId(link.secretHash) === grant.linkId) return { ok: true, reader: { kind: 'reader' } }
  }
  for (const token of sessionTokens(req, bearer)) {
    const session = await deps.signer.verify(token)
    if (!session) continue
    const [participant, workshop] = await Promise.all([
      deps.store.getActiveParticipant(session.participantId),
      deps.store.getWorkshop(session.workshopId),
    ])
    if (participant?.workshopId !== session.workshopId) continue
    if (workshop?.processId === processId) return { ok: true, reader: { kind: 'session', session } }
    status = 403
  }
  return { ok: false, status }
}

function bearerToken(req: IncomingMessage): string | null {
  const auth = req.headers.authorization
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null
}

const SESSION_COOKIE_PREFIX = 'atelier_session_'

/** The bearer token, then every workshop session cookie the browser sent (one per workshop joined; JWTs need no decoding). */
function sessionTokens(req: IncomingMessage, bearer: string | null): string[] {
  const tokens = bearer ? [bearer] : []
  for (const part of req.headers.cookie?.split(';') ?? []) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim().startsWith(SESSION_COOKIE_PREFIX)) tokens.push(part.slice(eq + 1).trim())
  }
  return tokens
}

function refusal(status: 401 | 403) {
  return status === 401 ? errors.unauthorized() : errors.forbidden()
}
