/**
 * Answers a stored, immutable JSON document (a snapshot, a roadmap version)
 * as it is: its bytes, its sha256 as the strong ETag — express answers a
 * matching If-None-Match with 304, no body.
 */
import type { Response } from 'express'

export function sendStoredJson(res: Response, stored: { body: string; sha256: string }, status = 200): void {
  res.status(status)
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('ETag', `"${stored.sha256}"`)
  // Immutable, but who may read it can change: revalidate (a 304 is cheap).
  res.setHeader('Cache-Control', 'private, no-cache')
  res.send(Buffer.from(stored.body, 'utf8'))
}
