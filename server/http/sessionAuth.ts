/**
 * Reading the caller's session: the workshop's cookie (browsers) or a bearer
 * token / `token` query parameter (other clients). Shared by the API and the
 * sync gateway so both apply the same rules.
 */
import type { IncomingMessage } from 'node:http'
import { sessionCookieName } from '../../shared/api'
import type { Session, SessionSigner } from '../auth/sessions'
import type { Store } from '../storage/store'

export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return null
}

export function presentedToken(req: IncomingMessage, workshopId: string, url?: URL): string | null {
  const auth = req.headers.authorization
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim()
  const param = url?.searchParams.get('token')
  if (param) return param
  return readCookie(req, sessionCookieName(workshopId))
}

export type SessionResult = { ok: true; session: Session } | { ok: false; status: 401 | 403 }

/**
 * The verified session for `workshopId`: 401 without a usable token, 403 when
 * the token is for another workshop, or its participant was deleted or erased,
 * or the link they joined through was rotated since (every session it gave is revoked).
 */
export async function authenticate(
  signer: SessionSigner,
  store: Store,
  req: IncomingMessage,
  workshopId: string,
  url?: URL,
): Promise<SessionResult> {
  const token = presentedToken(req, workshopId, url)
  if (!token) return { ok: false, status: 401 }
  const session = await signer.verify(token)
  if (!session) return { ok: false, status: 401 }
  if (session.workshopId !== workshopId) return { ok: false, status: 403 }
  const participant = await store.getActiveParticipant(session.participantId)
  if (!participant || participant.workshopId !== workshopId) return { ok: false, status: 403 }
  return { ok: true, session }
}
