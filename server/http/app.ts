/**
 * The HTTP application: security headers, the JSON API, the health check and
 * the built client, all on one origin.
 */
import fs from 'node:fs'
import path from 'node:path'
import compression from 'compression'
import express, { type Request } from 'express'
import helmet from 'helmet'
import type { ClientConfig } from '../../shared/api'
import type { OriginCheck } from '../auth/origins'
import type { Config } from '../config'
import type { Logger } from '../logger'
import { exportRoutes } from '../roadmap/exports/exportRoutes'
import type { Store } from '../storage/store'
import { errorHandler, errors } from './errors'
import { type FacilitationDeps, facilitationRoutes } from './facilitationRoutes'
import { type MetricsDeps, metricsRoute } from './metricsRoute'
import { processesRoutes } from './processesRoutes'
import { JOIN_PATHS, type RateLimitDeps, rateLimits } from './rateLimits'
import { readerLinkRoutes } from './readerLinkRoutes'
import { type RoadmapDeps, roadmapRoutes } from './roadmapRoutes'
import { schemasRoutes } from './schemasRoutes'
import { type SnapshotsDeps, snapshotsRoutes } from './snapshotsRoutes'
import { type WorkshopsDeps, workshopsRoutes } from './workshopsRoutes'

export interface AppDeps
  extends Omit<WorkshopsDeps, 'baseUrl' | 'secureCookies'>,
    FacilitationDeps,
    MetricsDeps,
    Pick<RateLimitDeps, 'metrics'>,
    SnapshotsDeps,
    RoadmapDeps {
  config: Config
  store: Store
  logger: Logger
  originAllowed: OriginCheck
}

export function createApp(deps: AppDeps): express.Express {
  const { config } = deps
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          // tldraw sets inline style attributes and loads its self-hosted assets as data/blob URLs.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginEmbedderPolicy: false,
    }),
  )

  // The client's scripts are most of what a phone downloads (tldraw alone is 1.7 MB), and
  // snapshots and exports are JSON and text: gzip them on the way out (about a quarter the bytes).
  app.use(compression())

  const baseUrl = (req: Request) => config.publicUrl ?? `${req.protocol}://${req.get('host')}`
  const secureCookies = (req: Request) => baseUrl(req).startsWith('https:')

  app.get('/healthz', async (_req, res) => {
    const ok = await deps.store.isWritable()
    res.status(ok ? 200 : 503).json({ ok })
  })

  app.use(metricsRoute(deps))

  const api = express.Router()
  // Before anything else: a request over its budget costs no parsing and no database.
  const limited = rateLimits({ limits: config.limits, metrics: deps.metrics })
  api.use(limited.api)
  api.post(JOIN_PATHS, limited.joins)
  api.use(express.json({ limit: '64kb' }))
  // State-changing calls from a browser page must come from an allowed origin.
  api.use((req, _res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && !deps.originAllowed(req)) return next(errors.badOrigin())
    next()
  })
  api.get('/config', (_req, res) => {
    const body: ClientConfig = {
      tldrawLicenseKey: config.tldrawLicenseKey,
      accessibilityContact: config.accessibilityContact,
      defaultRetentionDays: config.retention.defaultDays,
    }
    res.json(body)
  })
  api.use('/workshops', workshopsRoutes({ ...deps, baseUrl, secureCookies }))
  api.use('/workshops', facilitationRoutes(deps))
  api.use('/processes', processesRoutes({ ...deps, baseUrl }))
  api.use(readerLinkRoutes({ ...deps, baseUrl, secureCookies }))
  api.use(roadmapRoutes(deps))
  api.use(snapshotsRoutes(deps))
  api.use(exportRoutes(deps))
  api.get('/time', (_req, res) => {
    // Clients estimate their clock offset from this, so every screen shows the same countdown.
    res.json({ now: Date.now() })
  })
  api.use((_req, _res, next) => next(errors.notFound('Route')))
  app.use('/api', api)
  app.use('/schemas', schemasRoutes({ baseUrl }))

  serveClient(app, config.clientDir)
  app.use(errorHandler((e) => deps.logger.error({ event: 'http_error', error: String(e) })))
  return app
}

/** The built single-page client; every page route answers index.html. */
function serveClient(app: express.Express, dir: string): void {
  const index = path.join(dir, 'index.html')
  // Vite names what it builds under assets/ by content hash: a file there never changes, so a
  // browser that has it never asks again (a second visit opens from its cache). A missing one
  // is a 404, not the page's HTML (a tab left open across an upgrade then reloads cleanly).
  app.use('/assets', express.static(path.join(dir, 'assets'), { index: false, immutable: true, maxAge: '1y' }))
  app.use('/assets', (_req, _res, next) => next(errors.notFound('Fichier')))
  app.use(express.static(dir, { index: false, maxAge: '1h', fallthrough: true }))
  app.use((req, res, next) => {
    if (req.method !== 'GET' || req.path.startsWith('/sync/')) return next()
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('Client non construit : lancez `npm run build`.')
      return
    }
    res.setHeader('Cache-Control', 'no-cache')
    res.sendFile(index)
  })
}
