/** GET /metrics: the server's figures in Prometheus text format, for the instance admin only (Bearer token). */
import express from 'express'
import type { AdminToken } from '../auth/adminToken'
import { METRICS_CONTENT_TYPE } from '../metrics/prometheus'
import { requireAdmin } from './adminAuth'

export interface MetricsDeps {
  adminToken: AdminToken
  /** The current figures, rendered (server/metrics/prometheus.ts). */
  renderMetrics(): string
}

export function metricsRoute(deps: MetricsDeps): express.Router {
  const router = express.Router()
  router.get('/metrics', (req, res) => {
    requireAdmin(deps.adminToken, req)
    res.setHeader('Cache-Control', 'no-store')
    res.type(METRICS_CONTENT_TYPE).send(deps.renderMetrics())
  })
  return router
}
