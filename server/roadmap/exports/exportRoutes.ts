/**
 * Export downloads (issue 4 §4), `?format=json|csv|md|html`:
 * - `GET /api/snapshots/:sid/export` — a workshop's snapshot;
 * - `GET /api/workshops/:id/export` — its latest snapshot (404 `no_snapshot`);
 * - `GET /api/roadmap-versions/:vid/export` — a version of a démarche's roadmap;
 * - `GET /api/processes/:pid/roadmap/export` — its latest version (404 `no_roadmap`).
 *
 * Who may download is who may read the JSON (server/roadmap/readAccess.ts, one
 * rule). Every answer is an attachment (`&disposition=inline` shows it in the
 * tab, to print the HTML export) named `<ascii slug>-<date>.<ext>` (and
 * `filename*` with the title as written, percent-encoded); the HTML export
 * carries a CSP of its own that lets it run and fetch nothing, even inline.
 */
import { type Request, type Response, Router } from 'express'
import { z } from 'zod'
import { WORKSHOP_ID_PATTERN } from '../../../shared/api'
import { errors, HttpError } from '../../http/errors'
import type { Store } from '../../storage/store'
import { authorizeProcessRead, authorizeWorkshopRead, type ReadAccessDeps } from '../readAccess'
import type { RoadmapService } from '../roadmapService'
import { contentDisposition, EXPORT_FORMATS, type ExportFile } from './exportFormats'
import { HTML_EXPORT_CSP } from './htmlExport'
import { roadmapExport, snapshotExport } from './storedExports'

export interface ExportDeps extends ReadAccessDeps {
  store: Store
  roadmap: Pick<RoadmapService, 'get' | 'latest'>
}

/** Snapshot, version, workshop and démarche ids are all 22 base64url characters. */
const Id = z.string().regex(WORKSHOP_ID_PATTERN)
const Query = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  /** `inline`: shown in the tab (to print the HTML export); the default downloads it. */
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
})
type Query = z.infer<typeof Query>

function id(req: Request, name: string, what: string): string {
  const parsed = Id.safeParse(req.params[name])
  if (!parsed.success) throw errors.notFound(what)
  return parsed.data
}

function query(req: Request): Query {
  const parsed = Query.safeParse(req.query)
  if (!parsed.success)
    throw new HttpError(
      400,
      'invalid_format',
      'Format d’export attendu : ?format=json, csv, md ou html (et, au choix, &disposition=inline).',
    )
  return parsed.data
}

function send(res: Response, file: ExportFile, disposition: Query['disposition']): void {
  res.setHeader('Content-Type', file.contentType)
  res.setHeader('Content-Disposition', contentDisposition(file, disposition))
  // Immutable, but who may read it can change.
  res.setHeader('Cache-Control', 'private, no-cache')
  // Replaces the app's CSP for this answer: the export is a document of its own, with no script.
  if (file.contentType.startsWith('text/html'))
    res.setHeader('Content-Security-Policy', `${HTML_EXPORT_CSP}; frame-ancestors 'none'`)
  res.send(Buffer.from(file.body, 'utf8'))
}

export function exportRoutes(deps: ExportDeps): Router {
  const router = Router()

  router.get('/snapshots/:sid/export', async (req, res) => {
    const sid = id(req, 'sid', 'Instantané')
    const { format, disposition } = query(req)
    const row = await deps.store.getSnapshot(sid)
    if (!row) throw errors.notFound('Instantané')
    await authorizeWorkshopRead(deps, req, row.workshopId)
    send(res, await snapshotExport(deps.store, row.body, format), disposition)
  })

  router.get('/workshops/:id/export', async (req, res) => {
    const workshopId = id(req, 'id', 'Atelier')
    const { format, disposition } = query(req)
    await authorizeWorkshopRead(deps, req, workshopId)
    if (!(await deps.store.getWorkshop(workshopId))) throw errors.notFound('Atelier')
    const row = await deps.store.latestSnapshot(workshopId)
    if (!row) throw new HttpError(404, 'no_snapshot', 'Cet atelier n’a pas encore d’instantané à exporter.')
    send(res, await snapshotExport(deps.store, row.body, format), disposition)
  })

  router.get('/roadmap-versions/:vid/export', async (req, res) => {
    const vid = id(req, 'vid', 'Version')
    const { format, disposition } = query(req)
    const row = await deps.roadmap.get(vid)
    if (!row) throw errors.notFound('Version')
    await authorizeProcessRead(deps, req, row.processId)
    send(res, roadmapExport(row.body, format), disposition)
  })

  router.get('/processes/:pid/roadmap/export', async (req, res) => {
    const pid = id(req, 'pid', 'Démarche')
    const { format, disposition } = query(req)
    await authorizeProcessRead(deps, req, pid)
    if (!(await deps.store.getProcess(pid))) throw errors.notFound('Démarche')
    const row = await deps.roadmap.latest(pid)
    if (!row) throw new HttpError(404, 'no_roadmap', 'Cette démarche n’a pas encore de feuille de route.')
    send(res, roadmapExport(row.body, format), disposition)
  })

  return router
}
