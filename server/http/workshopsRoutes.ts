/**
 * Workshops: creation (admin), joining by capability link, and the caller's session.
 */
import { type Request, type Response, Router } from 'express'
import {
  CreateWorkshopBody,
  type CreateWorkshopResponse,
  JoinBody,
  type JoinResponse,
  type SessionResponse,
  sessionCookieName,
  WORKSHOP_ID_PATTERN,
} from '../../shared/api'
import { ROLES, type Role } from '../../shared/roles'
import type { AdminToken } from '../auth/adminToken'
import { hashSecret, newId, newSecret } from '../auth/secrets'
import type { SessionSigner } from '../auth/sessions'
import type { Logger } from '../logger'
import type { Store } from '../storage/store'
import { workshopStart } from '../workshops/workshopStart'
import { requireAdmin } from './adminAuth'
import { errors, fromZod } from './errors'
import { authenticate } from './sessionAuth'

export interface WorkshopsDeps {
  store: Store
  signer: SessionSigner
  adminToken: AdminToken
  logger: Logger
  sessionTtlSeconds: number
  /** Public base URL for links (config, or derived from the request). */
  baseUrl(req: Request): string
  secureCookies(req: Request): boolean
}

export function workshopLink(base: string, workshopId: string, secret: string): string {
  return `${base}/w/${workshopId}#k=${secret}`
}

export function workshopsRoutes(deps: WorkshopsDeps): Router {
  const router = Router()

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
    await deps.store.createWorkshop(
      { id, title: body.data.title, template: body.data.template, createdAt: Date.now(), processId },
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
    const link = await deps.store.findLink(hashSecret(body.data.key))
    if (!link || link.workshopId !== req.params.id) throw errors.invalidLink()
    const workshop = await deps.store.getWorkshop(link.workshopId)
    if (!workshop) throw errors.invalidLink()
    const participantId = newId()
    await deps.store.addParticipant({
      id: participantId,
      workshopId: workshop.id,
      role: link.role,
      name: body.data.name,
      organisation: body.data.organisation ?? null,
      college: body.data.college ?? null,
      createdAt: Date.now(),
    })
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
    const auth = await authenticate(deps.signer, deps.store, req, req.params.id)
    if (!auth.ok) throw auth.status === 401 ? errors.unauthorized() : errors.forbidden()
    const [participant, workshop] = await Promise.all([
      deps.store.getParticipant(auth.session.participantId),
      deps.store.getWorkshop(req.params.id),
    ])
    if (!participant || !workshop) throw errors.notFound('Atelier')
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

  return router
}
