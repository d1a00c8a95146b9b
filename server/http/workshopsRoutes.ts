/**
 * Workshops: creation (admin), joining by capability link, the caller's session,
 * rotating a link (revokes it and every session it gave), and erasing a
 * participant or a whole workshop (personal data: server/workshops/erasure.ts).
 */
import { type Request, type Response, Router } from 'express'
import {
  CreateWorkshopBody,
  type CreateWorkshopResponse,
  JoinBody,
  type JoinResponse,
  type RotateLinkResponse,
  type SessionResponse,
  sessionCookieName,
  WORKSHOP_ID_PATTERN,
} from '../../shared/api'
import { CloseCodes } from '../../shared/protocol'
import { ROLES, type Role } from '../../shared/roles'
import { erasesAt } from '../../shared/workshop'
import type { AdminToken } from '../auth/adminToken'
import { hashSecret, newId, newSecret } from '../auth/secrets'
import type { Session, SessionSigner } from '../auth/sessions'
import type { Logger } from '../logger'
import type { RoomManager } from '../rooms/roomManager'
import type { Store } from '../storage/store'
import type { Erasure } from '../workshops/erasure'
import { workshopStart } from '../workshops/workshopStart'
import { requireAdmin } from './adminAuth'
import { errors, fromZod, HttpError } from './errors'
import { authenticate } from './sessionAuth'

export interface WorkshopsDeps {
  store: Store
  signer: SessionSigner
  adminToken: AdminToken
  logger: Logger
  rooms: Pick<RoomManager, 'closeSessions' | 'sessionsChanged'>
  erasure: Erasure
  sessionTtlSeconds: number
  /** Retention of a workshop created without `retentionDays` (ATELIER_RETENTION_DAYS). */
  defaultRetentionDays: number
  /** Public base URL for links (config, or derived from the request). */
  baseUrl(req: Request): string
  secureCookies(req: Request): boolean
}

export function workshopLink(base: string, workshopId: string, secret: string): string {
  return `${base}/w/${workshopId}#k=${secret}`
}

/** Who calls: the instance admin (bearer admin token), or a session of this workshop. */
type Caller = { kind: 'admin' } | { kind: 'session'; session: Session }

const forbiddenRole = () => new HttpError(403, 'forbidden_role', 'Votre rôle ne permet pas cette action.')

export function workshopsRoutes(deps: WorkshopsDeps): Router {
  const router = Router()

  async function caller(req: Request<{ id: string }>): Promise<Caller> {
    const auth = req.headers.authorization
    if (auth?.startsWith('Bearer ') && deps.adminToken.matches(auth.slice(7).trim())) return { kind: 'admin' }
    const session = await authenticate(deps.signer, deps.store, req, req.params.id)
    if (!session.ok) throw session.status === 401 ? errors.unauthorized() : errors.forbidden()
    return { kind: 'session', session: session.session }
  }

  router.param('id', (_req, _res, next, id: string) => {
    if (!WORKSHOP_ID_PATTERN.test(id)) return next(errors.notFound('Atelier'))
    next()
  })

  router.post('/', async (req, res) => {
    requireAdmin(deps.adminToken, req)
    const body = CreateWorkshopBody.safeParse(req.body)
    if (!body.success) throw fromZod(body.error)
    const id = newId()
    const processId = body.data.processId ?? null
    const start = await workshopStart(deps.store, id, body.data)
    const secrets = Object.fromEntries(ROLES.map((role) => [role, newSecret()])) as Record<Role, string>
    const createdAt = Date.now()
    const retentionDays = body.data.retentionDays ?? deps.defaultRetentionDays
    await deps.store.createWorkshop(
      { id, title: body.data.title, template: body.data.template, createdAt, processId, retentionDays },
      ROLES.map((role) => ({ role, secretHash: hashSecret(secrets[role]) })),
      start,
    )
    deps.logger.info({
      event: 'workshop_created',
      workshop: id,
      template: body.data.template,
      process: processId,
      startFrom: body.data.startFrom ?? null,
    })
    const base = deps.baseUrl(req)
    const response: CreateWorkshopResponse = {
      id,
      title: body.data.title,
      template: body.data.template,
      processId,
      retentionDays,
      erasesAt: erasesAt({ createdAt, retentionDays }),
      links: {
        facilitator: workshopLink(base, id, secrets.facilitator),
        participant: workshopLink(base, id, secrets.participant),
        observer: workshopLink(base, id, secrets.observer),
      },
    }
    res.status(201).json(response)
  })

  router.post('/:id/join', async (req: Request<{ id: string }>, res: Response) => {
    const body = JoinBody.safeParse(req.body)
    if (!body.success) throw fromZod(body.error)
    const linkHash = hashSecret(body.data.key)
    const link = await deps.store.findLink(linkHash)
    if (!link || link.workshopId !== req.params.id) throw errors.invalidLink()
    const workshop = await deps.store.getWorkshop(link.workshopId)
    if (!workshop) throw errors.invalidLink()
    const participantId = newId()
    const added = await deps.store.addParticipant(
      {
        id: participantId,
        workshopId: workshop.id,
        role: link.role,
        name: body.data.name,
        organisation: body.data.organisation ?? null,
        college: body.data.college ?? null,
        createdAt: Date.now(),
      },
      linkHash,
    )
    // The link was rotated or the workshop's names erased while this request ran.
    if (!added) throw errors.invalidLink()
    const token = await deps.signer.sign({ participantId, workshopId: workshop.id, role: link.role })
    res.cookie(sessionCookieName(workshop.id), token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies(req),
      path: '/',
      maxAge: deps.sessionTtlSeconds * 1000,
    })
    deps.logger.info({
      event: 'participant_joined',
      workshop: workshop.id,
      participant: participantId,
      role: link.role,
    })
    const response: JoinResponse = {
      participantId,
      role: link.role,
      token,
      workshop: { id: workshop.id, title: workshop.title, template: workshop.template },
    }
    res.json(response)
  })

  router.get('/:id/session', async (req: Request<{ id: string }>, res: Response) => {
    // A deleted workshop is not found, whatever the session held: its page says so rather
    // than asking for a link that can no longer exist.
    const workshop = await deps.store.getWorkshop(req.params.id)
    if (!workshop) throw errors.notFound('Atelier')
    const auth = await authenticate(deps.signer, deps.store, req, req.params.id)
    if (!auth.ok) throw auth.status === 401 ? errors.unauthorized() : errors.forbidden()
    const participant = await deps.store.getParticipant(auth.session.participantId)
    if (!participant) throw errors.notFound('Atelier')
    const response: SessionResponse = {
      participantId: participant.id,
      role: participant.role,
      name: participant.name,
      organisation: participant.organisation,
      college: participant.college,
      workshop: { id: workshop.id, title: workshop.title, template: workshop.template },
    }
    res.json(response)
  })

  router.post('/:id/links/:role/rotate', async (req: Request<{ id: string; role: string }>, res: Response) => {
    const role = ROLES.find((r) => r === req.params.role)
    if (!role) throw errors.notFound('Lien')
    const who = await caller(req)
    // A facilitator hands out the participant and observer links; only the admin replaces theirs.
    if (who.kind === 'session' && (who.session.role !== 'facilitator' || role === 'facilitator')) throw forbiddenRole()
    const workshop = await deps.store.getWorkshop(req.params.id)
    if (!workshop) throw errors.notFound('Atelier')
    if (workshop.erasedAt !== null) throw workshopErased()
    const secret = newSecret()
    await deps.store.rotateLink(workshop.id, role, hashSecret(secret), Date.now())
    // Whoever holds a session of that role came through a link of it now revoked.
    const closed = deps.rooms.closeSessions(
      (s) => s.workshopId === workshop.id && s.role === role,
      CloseCodes.sessionRevoked,
    )
    deps.rooms.sessionsChanged(workshop.id)
    deps.logger.info({ event: 'workshop_link_rotated', workshop: workshop.id, role, by: who.kind, closed })
    const response: RotateLinkResponse = { links: { [role]: workshopLink(deps.baseUrl(req), workshop.id, secret) } }
    res.json(response)
  })

  router.delete('/:id/participants/:pid', async (req: Request<{ id: string; pid: string }>, res: Response) => {
    if (!WORKSHOP_ID_PATTERN.test(req.params.pid)) throw errors.notFound('Participant')
    const who = await caller(req)
    const self = who.kind === 'session' && who.session.participantId === req.params.pid
    if (who.kind === 'session' && !self && who.session.role !== 'facilitator') throw forbiddenRole()
    if (!(await deps.erasure.deleteParticipant(req.params.id, req.params.pid))) throw errors.notFound('Participant')
    await deps.erasure.purge()
    if (self) res.clearCookie(sessionCookieName(req.params.id), { path: '/' })
    res.status(204).end()
  })

  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    requireAdmin(deps.adminToken, req)
    if (!(await deps.erasure.deleteWorkshop(req.params.id))) throw errors.notFound('Atelier')
    await deps.erasure.purge()
    res.status(204).end()
  })

  return router
}

const workshopErased = () =>
  new HttpError(409, 'workshop_erased', 'Les noms de cet atelier ont été effacés : il n’a plus de liens.')
