/**
 * Who may read a workshop's roadmap snapshots (and their exports): the one
 * rule, used by every route that serves them.
 *
 * - the instance admin token (`Authorization: Bearer <admin token>`);
 * - a session of that workshop, any role (observers included: they followed
 *   the workshop, its outcome is theirs to read).
 *
 * Anything else: 401 without credentials (or with ones that verify as
 * nothing), 403 with a session of another workshop.
 */
import type { IncomingMessage } from 'node:http'
import type { AdminToken } from '../auth/adminToken'
import type { Session, SessionSigner } from '../auth/sessions'
import { errors } from '../http/errors'
import { authenticate } from '../http/sessionAuth'
import type { Store } from '../storage/store'

export interface ReadAccessDeps {
  store: Store
  signer: SessionSigner
  adminToken: AdminToken
}

export type WorkshopReader = { kind: 'admin' } | { kind: 'session'; session: Session }

/** The reader, or throws the HttpError (401 / 403) to answer. */
export async function authorizeWorkshopRead(
  deps: ReadAccessDeps,
  req: IncomingMessage,
  workshopId: string,
): Promise<WorkshopReader> {
  const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7).trim() : null
  if (bearer && deps.adminToken.matches(bearer)) return { kind: 'admin' }
  const auth = await authenticate(deps.signer, deps.store, req, workshopId)
  if (auth.ok) return { kind: 'session', session: auth.session }
  throw auth.status === 401 ? errors.unauthorized() : errors.forbidden()
}
