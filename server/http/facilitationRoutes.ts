/**
 * Facilitation and dot-voting API (issue 3). Every call is authenticated by the
 * workshop session; the service decides in store transactions and publishes to
 * the control document.
 */
import { type Request, Router } from 'express'
import { z } from 'zod'
import { WORKSHOP_ID_PATTERN, type WorkshopParticipant } from '../../shared/api'
import { PHASES, VOTE_TARGET_KINDS } from '../../shared/control'
import type { Role } from '../../shared/roles'
import type { SessionSigner } from '../auth/sessions'
import type { Caller, FacilitationService } from '../facilitation/facilitationService'
import type { Store } from '../storage/store'
import { errors, fromZod, HttpError } from './errors'
import { authenticate } from './sessionAuth'

export interface FacilitationDeps {
  store: Store
  signer: SessionSigner
  facilitation: FacilitationService
}

const PhaseBody = z.strictObject({ phase: z.enum(PHASES) })
const LockBody = z.strictObject({ locked: z.boolean() })
const TimerBody = z.strictObject({
  seconds: z
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .nullable(),
})
/** Page coordinates far beyond any real board, but bounded: a summon must leave every camera usable. */
const PAGE_LIMIT = 1e7
const SummonBody = z.strictObject({
  bounds: z.strictObject({
    x: z.number().min(-PAGE_LIMIT).max(PAGE_LIMIT),
    y: z.number().min(-PAGE_LIMIT).max(PAGE_LIMIT),
    w: z.number().positive().max(PAGE_LIMIT),
    h: z.number().positive().max(PAGE_LIMIT),
  }),
})
const ID = z.string().min(1).max(200)
export const OpenVoteBody = z.strictObject({
  targets: z.union([z.enum(VOTE_TARGET_KINDS), z.array(ID).min(1).max(500)]),
  votesPerPerson: z.number().int().min(1).max(100),
  maxPerItem: z.number().int().min(1).max(100),
  hideResults: z.boolean(),
  anonymous: z.boolean(),
})
const VoteBody = z.strictObject({ targetId: ID })
const PrivateWritingBody = z.strictObject({ active: z.boolean() })
/** Calls that take no parameters: nothing, or an empty object. */
const NoBody = z.strictObject({})

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body)
  if (!result.success) throw fromZod(result.error)
  return result.data
}

const WRITERS: Role[] = ['facilitator', 'participant']

export function facilitationRoutes(deps: FacilitationDeps): Router {
  const router = Router({ mergeParams: true })

  /** The caller, who must hold a session for this workshop with one of `roles`. */
  async function caller(req: Request<{ id: string }>, roles: Role[]): Promise<Caller> {
    if (!WORKSHOP_ID_PATTERN.test(req.params.id)) throw errors.notFound('Atelier')
    const auth = await authenticate(deps.signer, deps.store, req, req.params.id)
    if (!auth.ok) throw auth.status === 401 ? errors.unauthorized() : errors.forbidden()
    if (!roles.includes(auth.session.role)) {
      throw new HttpError(403, 'forbidden_role', 'Votre rôle ne permet pas cette action.')
    }
    const participant = await deps.store.getParticipant(auth.session.participantId)
    return { participantId: auth.session.participantId, role: auth.session.role, college: participant?.college ?? null }
  }

  router.get('/:id/state', async (req, res) => {
    await caller(req, ['facilitator', 'participant', 'observer'])
    res.json(await deps.facilitation.state(req.params.id))
  })

  router.post('/:id/phase', async (req, res) => {
    await caller(req, ['facilitator'])
    res.json(await deps.facilitation.setPhase(req.params.id, parse(PhaseBody, req.body).phase))
  })

  router.post('/:id/lock', async (req, res) => {
    await caller(req, ['facilitator'])
    res.json(await deps.facilitation.setLocked(req.params.id, parse(LockBody, req.body).locked))
  })

  router.post('/:id/timer', async (req, res) => {
    await caller(req, ['facilitator'])
    res.json(await deps.facilitation.setTimer(req.params.id, parse(TimerBody, req.body).seconds))
  })

  router.post('/:id/summon', async (req, res) => {
    const who = await caller(req, ['facilitator'])
    res.json(await deps.facilitation.summon(req.params.id, parse(SummonBody, req.body).bounds, who.participantId))
  })

  /** Who joined, for the participant list and to know whom « Suivre l'animateur·rice » follows. */
  router.get('/:id/participants', async (req, res) => {
    await caller(req, ['facilitator', 'participant', 'observer'])
    const rows = await deps.store.listParticipants(req.params.id)
    const body: WorkshopParticipant[] = rows.map((p) => ({
      participantId: p.id,
      name: p.name,
      organisation: p.organisation,
      college: p.college,
      role: p.role,
    }))
    res.json(body)
  })

  router.post('/:id/private-writing', async (req, res) => {
    await caller(req, ['facilitator'])
    const { active } = parse(PrivateWritingBody, req.body)
    res.json(await deps.facilitation.setPrivateWriting(req.params.id, active))
  })

  router.post('/:id/private-writing/reveal', async (req, res) => {
    await caller(req, ['facilitator'])
    parse(NoBody, req.body ?? {})
    res.json(await deps.facilitation.revealDrafts(req.params.id))
  })

  /** Whose drafts hold unrevealed notes: the facilitator's client opens those drafts documents. */
  router.get('/:id/private-writing/authors', async (req, res) => {
    await caller(req, ['facilitator'])
    res.json(await deps.facilitation.drafts.authors(req.params.id))
  })

  router.post('/:id/cluster-suggestions', async (req, res) => {
    await caller(req, ['facilitator'])
    res.json(await deps.facilitation.suggestClusters(req.params.id))
  })

  router.post('/:id/vote-sessions', async (req, res) => {
    await caller(req, ['facilitator'])
    const session = await deps.facilitation.openVote(req.params.id, parse(OpenVoteBody, req.body))
    res.status(201).json(session)
  })

  router.post('/:id/vote-sessions/:vid/votes', async (req: Request<{ id: string; vid: string }>, res) => {
    const who = await caller(req, WRITERS)
    const { targetId } = parse(VoteBody, req.body)
    res.status(201).json(await deps.facilitation.vote(req.params.id, req.params.vid, who, targetId))
  })

  router.delete(
    '/:id/vote-sessions/:vid/votes/:targetId',
    async (req: Request<{ id: string; vid: string; targetId: string }>, res) => {
      const who = await caller(req, WRITERS)
      res.json(await deps.facilitation.retract(req.params.id, req.params.vid, who, req.params.targetId))
    },
  )

  router.get('/:id/vote-sessions/:vid/me', async (req: Request<{ id: string; vid: string }>, res) => {
    const who = await caller(req, WRITERS)
    res.json(await deps.facilitation.mine(req.params.id, req.params.vid, who))
  })

  router.post('/:id/vote-sessions/:vid/close', async (req: Request<{ id: string; vid: string }>, res) => {
    await caller(req, ['facilitator'])
    res.json(await deps.facilitation.close(req.params.id, req.params.vid))
  })

  router.get('/:id/vote-sessions/:vid/results', async (req: Request<{ id: string; vid: string }>, res) => {
    await caller(req, ['facilitator', 'participant', 'observer'])
    res.json(await deps.facilitation.results(req.params.id, req.params.vid))
  })

  return router
}
