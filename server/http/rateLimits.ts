/**
 * HTTP rate limits per client IP (express-rate-limit, in memory): a general
 * budget for every /api call, and a tighter one for what creates something —
 * joining a workshop or a démarche, creating a workshop or a démarche.
 *
 * The client IP is the reverse proxy's X-Forwarded-For when the proxy is on
 * loopback (app.ts: trust proxy). A whole département's network often reaches
 * us from one public IP, so the defaults are sized for a plenary of 200 behind
 * one address, not for one person (config.ts, README).
 *
 * Over a budget: 429 with the app's error shape (`rate_limited`, French
 * message) and Retry-After in seconds; nothing of the request was done.
 */
import type { Request, RequestHandler, Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { Limits } from '../config'
import type { HttpLimit, ServerMetrics } from '../metrics/serverMetrics'
import { errors, sendError } from './errors'

const WINDOW_MS = 60_000

/** Calls that create a participant, a workshop or a démarche (paths inside /api). */
export const JOIN_PATHS = ['/workshops', '/processes', '/workshops/:id/join', '/processes/:pid/join']

export interface RateLimitDeps {
  limits: Pick<Limits, 'httpRequestsPerMinute' | 'httpJoinsPerMinute'>
  metrics: ServerMetrics
}

export function rateLimits(deps: RateLimitDeps): { api: RequestHandler; joins: RequestHandler } {
  return {
    api: limiter(deps.limits.httpRequestsPerMinute, 'api', deps.metrics),
    joins: limiter(deps.limits.httpJoinsPerMinute, 'join', deps.metrics),
  }
}

function limiter(perMinute: number, name: HttpLimit, metrics: ServerMetrics): RequestHandler {
  if (perMinute === 0) return (_req, _res, next) => next()
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    identifier: name,
    // RateLimit and RateLimit-Policy headers, and Retry-After once over.
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req: Request, res: Response) => {
      metrics.httpRateLimited.inc(name)
      sendError(res, errors.rateLimited(Number(res.getHeader('Retry-After')) || WINDOW_MS / 1000))
    },
  })
}
