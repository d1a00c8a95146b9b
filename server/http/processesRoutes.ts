/**
 * Démarches (processes): the workshops of one territory's roadmap, created and
 * listed by the instance admin. A workshop joins one at creation (`processId`),
 * and a chantiers workshop can start from the enjeux of an earlier one of it.
 */
import { type Request, Router } from 'express'
import {
  CreateProcessBody,
  type CreateProcessResponse,
  type ListProcessesResponse,
  type ProcessResponse,
} from '../../shared/api'
import { erasesAt } from '../../shared/workshop'
import type { AdminToken } from '../auth/adminToken'
import { newId } from '../auth/secrets'
import type { Logger } from '../logger'
import type { ProcessRow, Store } from '../storage/store'
import { requireAdmin } from './adminAuth'
import { fromZod } from './errors'
import { newReaderSecret, readerLink } from './readerLinkRoutes'

export interface ProcessesDeps {
  store: Store
  adminToken: AdminToken
  logger: Logger
  /** Public base URL for links (config, or derived from the request). */
  baseUrl(req: Request): string
}

const processResponse = (p: ProcessRow): ProcessResponse => ({
  id: p.id,
  nom: p.nom,
  codeDepartement: p.codeDepartement,
  perimetre: p.perimetre,
  createdAt: p.createdAt,
})

export function processesRoutes(deps: ProcessesDeps): Router {
  const router = Router()

  router.post('/', async (req, res) => {
    requireAdmin(deps.adminToken, req)
    const body = CreateProcessBody.safeParse(req.body)
    if (!body.success) throw fromZod(body.error)
    const row: ProcessRow = {
      id: newId(),
      nom: body.data.nom,
      codeDepartement: body.data.codeDepartement ?? null,
      perimetre: body.data.perimetre ?? null,
      createdAt: Date.now(),
    }
    // Its roadmap reader link comes with it; only the secret's hash is kept.
    const reader = newReaderSecret()
    await deps.store.createProcess(row, reader.secretHash)
    deps.logger.info({ event: 'process_created', process: row.id })
    const response: CreateProcessResponse = {
      ...processResponse(row),
      links: { reader: readerLink(deps.baseUrl(req), row.id, reader.secret) },
    }
    res.status(201).json(response)
  })

  router.get('/', async (req, res) => {
    requireAdmin(deps.adminToken, req)
    const list: ListProcessesResponse = (await deps.store.listProcesses()).map((p) => ({
      ...processResponse(p),
      workshops: p.workshops.map((w) => ({
        id: w.id,
        title: w.title,
        template: w.template,
        createdAt: w.createdAt,
        retentionDays: w.retentionDays,
        erasesAt: erasesAt(w),
      })),
    }))
    res.json(list)
  })

  return router
}
