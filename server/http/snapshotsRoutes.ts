/**
 * Roadmap snapshots API (issue 4 §2):
 * - `POST /api/workshops/:id/snapshots` (facilitator): takes one, answers it (201);
 * - `GET /api/workshops/:id/snapshots`: the list, oldest first;
 * - `GET /api/snapshots/:sid`: one, byte for byte as stored, with its sha256 as ETag.
 * Reading follows server/roadmap/readAccess.ts.
 */
import { Router } from 'express'
import { z } from 'zod'
import { WORKSHOP_ID_PATTERN } from '../../shared/api'
import type { SnapshotSummary } from '../../shared/roadmap/snapshotApi'
import { authorizeWorkshopRead, type ReadAccessDeps } from '../roadmap/readAccess'
import type { SnapshotService } from '../roadmap/snapshotService'
import { errors, fromZod, HttpError } from './errors'
import { pathParams } from './pathParams'
import { authenticate } from './sessionAuth'
import { sendStoredJson } from './storedJson'

export interface SnapshotsDeps extends ReadAccessDeps {
  snapshots: SnapshotService
}

const WorkshopParams = z.strictObject({ id: z.string().regex(WORKSHOP_ID_PATTERN) })
/** Snapshot ids are made like workshop ids (22 base64url characters). */
const SnapshotParams = z.strictObject({ sid: z.string().regex(WORKSHOP_ID_PATTERN) })
/** Taking a snapshot takes no parameters: nothing, or an empty object. */
const NoBody = z.strictObject({})

export function snapshotsRoutes(deps: SnapshotsDeps): Router {
  const router = Router()

  router.post('/workshops/:id/snapshots', async (req, res) => {
    const { id } = pathParams(WorkshopParams, req, 'Atelier')
    const auth = await authenticate(deps.signer, deps.store, req, id)
    if (!auth.ok) throw auth.status === 401 ? errors.unauthorized() : errors.forbidden()
    if (auth.session.role !== 'facilitator')
      throw new HttpError(403, 'forbidden_role', 'Seul·e l’animateur·rice peut enregistrer un instantané.')
    const body = NoBody.safeParse(req.body ?? {})
    if (!body.success) throw fromZod(body.error)
    const { row } = await deps.snapshots.create(id, auth.session.participantId)
    res.setHeader('Location', `/api/snapshots/${row.id}`)
    sendStoredJson(res, row, 201)
  })

  router.get('/workshops/:id/snapshots', async (req, res) => {
    const { id } = pathParams(WorkshopParams, req, 'Atelier')
    await authorizeWorkshopRead(deps, req, id)
    if (!(await deps.store.getWorkshop(id))) throw errors.notFound('Atelier')
    const list: SnapshotSummary[] = (await deps.snapshots.list(id)).map((m) => ({
      id: m.id,
      createdAt: new Date(m.createdAt).toISOString(),
      sha256: m.sha256,
    }))
    res.json(list)
  })

  router.get('/snapshots/:sid', async (req, res) => {
    const { sid } = pathParams(SnapshotParams, req, 'Instantané')
    const row = await deps.snapshots.get(sid)
    if (!row) throw errors.notFound('Instantané')
    await authorizeWorkshopRead(deps, req, row.workshopId)
    sendStoredJson(res, row)
  })

  return router
}
