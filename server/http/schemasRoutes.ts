/**
 * `GET /schemas/<file>`: the published JSON Schemas (shared/roadmap/roadmapJsonSchema.ts),
 * each with `$id` its own absolute URL. Public, cacheable, readable from any
 * origin (a validator elsewhere may fetch it).
 */
import { type Request, Router } from 'express'
import { publishedJsonSchema } from '../../shared/roadmap/roadmapJsonSchema'
import { errors } from './errors'

export interface SchemasDeps {
  /** Public base URL (configured, or derived from the request). */
  baseUrl(req: Request): string
}

export function schemasRoutes(deps: SchemasDeps): Router {
  const router = Router()

  router.get('/:file', (req: Request<{ file: string }>, res) => {
    const schema = publishedJsonSchema(req.params.file, `${deps.baseUrl(req)}/schemas/${req.params.file}`)
    if (!schema) throw errors.notFound('Schéma')
    res.setHeader('Cache-Control', 'public, max-age=3600')
    res.setHeader('Access-Control-Allow-Origin', '*')
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
    res.type('application/schema+json').send(JSON.stringify(schema, null, 2))
  })

  return router
}
