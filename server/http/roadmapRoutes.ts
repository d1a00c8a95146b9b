/**
 * A démarche's roadmap API (issue 4 §3):
 * - `POST /api/processes/:pid/roadmap-versions` (admin): appends a version now (201);
 * - `GET /api/processes/:pid/roadmap`: the latest version (404 `no_roadmap` when none);
 * - `GET /api/processes/:pid/roadmap-versions`: the versions, oldest first;
 * - `GET /api/roadmap-versions/:vid`: one, byte for byte as stored, its sha256 as ETag;
 * - `GET /api/roadmap-versions/:a/diff/:b`: what changed from a to b (422 across démarches).
 * Reading follows server/roadmap/readAccess.ts (admin, reader link, or a
 * session of one of the démarche's workshops).
 */
import { Router } from 'express'
import { z } from 'zod'
import { WORKSHOP_ID_PATTERN } from '../../shared/api'
import type { RoadmapVersionSummary } from '../../shared/roadmap/roadmapApi'
import { authorizeProcessRead, type ReadAccessDeps } from '../roadmap/readAccess'
import type { RoadmapService } from '../roadmap/roadmapService'
import type { RoadmapVersionRow } from '../storage/store'
import { requireAdmin } from './adminAuth'
import { errors, fromZod, HttpError } from './errors'
import { pathParams } from './pathParams'
import { sendStoredJson } from './storedJson'

export interface RoadmapDeps extends ReadAccessDeps {
  roadmap: RoadmapService
}

/** Démarche and version ids are made like workshop ids (22 base64url characters). */
const Id = z.string().regex(WORKSHOP_ID_PATTERN)
const ProcessParams = z.strictObject({ pid: Id })
const VersionParams = z.strictObject({ vid: Id })
const DiffParams = z.strictObject({ a: Id, b: Id })
/** Appending a version takes no parameters: nothing, or an empty object. */
const NoBody = z.strictObject({})

const noRoadmap = () => new HttpError(404, 'no_roadmap', 'Cette démarche n’a pas encore de feuille de route.')

export function roadmapRoutes(deps: RoadmapDeps): Router {
  const router = Router()

  async function version(id: string): Promise<RoadmapVersionRow> {
    const row = await deps.roadmap.get(id)
    if (!row) throw errors.notFound('Version')
    return row
  }

  router.post('/processes/:pid/roadmap-versions', async (req, res) => {
    const { pid } = pathParams(ProcessParams, req, 'Démarche')
    requireAdmin(deps.adminToken, req)
    const body = NoBody.safeParse(req.body ?? {})
    if (!body.success) throw fromZod(body.error)
    const row = await deps.roadmap.append(pid)
    if (!row) throw errors.notFound('Démarche')
    res.setHeader('Location', `/api/roadmap-versions/${row.id}`)
    sendStoredJson(res, row, 201)
  })

  router.get('/processes/:pid/roadmap', async (req, res) => {
    const { pid } = pathParams(ProcessParams, req, 'Démarche')
    await authorizeProcessRead(deps, req, pid)
    if (!(await deps.store.getProcess(pid))) throw errors.notFound('Démarche')
    const row = await deps.roadmap.latest(pid)
    if (!row) throw noRoadmap()
    sendStoredJson(res, row)
  })

  router.get('/processes/:pid/roadmap-versions', async (req, res) => {
    const { pid } = pathParams(ProcessParams, req, 'Démarche')
    await authorizeProcessRead(deps, req, pid)
    if (!(await deps.store.getProcess(pid))) throw errors.notFound('Démarche')
    const list: RoadmapVersionSummary[] = (await deps.roadmap.list(pid)).map((v) => ({
      id: v.id,
      version: v.version,
      createdAt: new Date(v.createdAt).toISOString(),
      sha256: v.sha256,
    }))
    res.json(list)
  })

  router.get('/roadmap-versions/:vid', async (req, res) => {
    const { vid } = pathParams(VersionParams, req, 'Version')
    const row = await version(vid)
    await authorizeProcessRead(deps, req, row.processId)
    sendStoredJson(res, row)
  })

  router.get('/roadmap-versions/:a/diff/:b', async (req, res) => {
    const { a, b } = pathParams(DiffParams, req, 'Version')
    const [before, after] = [await version(a), await version(b)]
    await authorizeProcessRead(deps, req, before.processId)
    res.json(deps.roadmap.diff(before, after))
  })

  return router
}
