/**
 * A démarche's roadmap reader link (`<base>/d/<processId>#k=<secret>`, issued
 * with the démarche by `POST /api/processes`):
 * - `POST /api/processes/:pid/reader-link/rotate` (admin): revokes it, and the
 *   reader cookies it gave, and answers a new one;
 * - `POST /api/processes/:pid/join { key }`: trades its secret for the reader
 *   cookie `atelier_reader_<pid>` (HttpOnly, SameSite=Strict, expiring). No name
 *   is asked: readers are anonymous.
 */
import { type Request, Router } from 'express'
import { z } from 'zod'
import { WORKSHOP_ID_PATTERN } from '../../shared/api'
import type { JoinReaderResponse, ReaderLinks } from '../../shared/roadmap/roadmapApi'
import type { AdminToken } from '../auth/adminToken'
import { type ReaderGrantSigner, readerCookieName, readerLinkId } from '../auth/readerGrants'
import { hashSecret, newSecret } from '../auth/secrets'
import type { Logger } from '../logger'
import type { Store } from '../storage/store'
import { requireAdmin } from './adminAuth'
import { errors, fromZod } from './errors'

export interface ReaderLinkDeps {
  store: Store
  adminToken: AdminToken
  readers: ReaderGrantSigner
  logger: Logger
  baseUrl(req: Request): string
  secureCookies(req: Request): boolean
}

export function readerLink(base: string, processId: string, secret: string): string {
  return `${base}/d/${processId}#k=${secret}`
}

/** A new reader secret and the hash to store: the secret itself is only ever answered once. */
export function newReaderSecret(): { secret: string; secretHash: string } {
  const secret = newSecret()
  return { secret, secretHash: hashSecret(secret) }
}

const ProcessParams = z.strictObject({ pid: z.string().regex(WORKSHOP_ID_PATTERN) })
const JoinReaderBody = z.strictObject({ key: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'malformed key') })
const NoBody = z.strictObject({})

function processId(req: Request): string {
  const parsed = ProcessParams.safeParse(req.params)
  if (!parsed.success) throw errors.notFound('Démarche')
  return parsed.data.pid
}

export function readerLinkRoutes(deps: ReaderLinkDeps): Router {
  const router = Router()

  router.post('/processes/:pid/reader-link/rotate', async (req, res) => {
    const pid = processId(req)
    requireAdmin(deps.adminToken, req)
    const body = NoBody.safeParse(req.body ?? {})
    if (!body.success) throw fromZod(body.error)
    if (!(await deps.store.getProcess(pid))) throw errors.notFound('Démarche')
    const { secret, secretHash } = newReaderSecret()
    const now = Date.now()
    await deps.store.rotateProcessLink({ processId: pid, secretHash, createdAt: now }, now)
    deps.logger.info({ event: 'reader_link_rotated', process: pid })
    const links: ReaderLinks = { reader: readerLink(deps.baseUrl(req), pid, secret) }
    res.json({ links })
  })

  router.post('/processes/:pid/join', async (req, res) => {
    const pid = processId(req)
    const body = JoinReaderBody.safeParse(req.body)
    if (!body.success) throw fromZod(body.error)
    const link = await deps.store.findProcessLink(hashSecret(body.data.key))
    if (!link || link.processId !== pid) throw errors.invalidLink()
    const process = await deps.store.getProcess(pid)
    if (!process) throw errors.invalidLink()
    const token = await deps.readers.sign({ processId: pid, linkId: readerLinkId(link.secretHash) })
    res.cookie(readerCookieName(pid), token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies(req),
      path: '/',
      maxAge: deps.readers.ttlSeconds * 1000,
    })
    deps.logger.info({ event: 'reader_joined', process: pid })
    const response: JoinReaderResponse = { demarche: { id: process.id, nom: process.nom } }
    res.json(response)
  })

  return router
}
