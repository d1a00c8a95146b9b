/**
 * Which browser origins may call the API and open sync sockets: the public
 * URL's origin, the configured extra origins, and — when no public URL is set —
 * the origin the request itself names in its Host header (same-origin use).
 * Requests without an Origin header are not from a browser page; they still
 * need a session or the admin token.
 */
import type { IncomingMessage } from 'node:http'
import type { Config } from '../config'

export function makeOriginCheck(config: Pick<Config, 'publicUrl' | 'allowedOrigins'>) {
  const fixed = new Set(config.allowedOrigins)
  if (config.publicUrl) fixed.add(new URL(config.publicUrl).origin)
  return function originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin
    if (origin === undefined) return true
    if (fixed.has(origin)) return true
    if (config.publicUrl) return false
    const host = req.headers.host
    if (!host) return false
    return origin === `http://${host}` || origin === `https://${host}`
  }
}

export type OriginCheck = ReturnType<typeof makeOriginCheck>
