/**
 * The public HTTP contract: request bodies (validated by the server with these
 * schemas) and response shapes (used by the client). See README "HTTP API".
 */
import { z } from 'zod'
import { COLLEGE_IDS } from './colleges'
import type { Role } from './roles'

import { TEMPLATES, type Template } from './workshop'

export { TEMPLATES, type Template, WORKSHOP_ID_PATTERN } from './workshop'

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'control characters are not allowed')

export const CreateWorkshopBody = z.strictObject({
  title: text(200),
  template: z.enum(TEMPLATES),
})
export type CreateWorkshopBody = z.infer<typeof CreateWorkshopBody>

export interface WorkshopLinks {
  facilitator: string
  participant: string
  observer: string
}

export interface CreateWorkshopResponse {
  id: string
  title: string
  template: Template
  links: WorkshopLinks
}

export const JoinBody = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'malformed key'),
  name: text(80),
  organisation: text(120).optional(),
  college: z.enum(COLLEGE_IDS).optional(),
})
export type JoinBody = z.infer<typeof JoinBody>

export interface JoinResponse {
  participantId: string
  role: Role
  token: string
  workshop: { id: string; title: string; template: Template }
}

/** What `GET /api/workshops/:id/session` tells a browser that already joined. */
export interface SessionResponse {
  participantId: string
  role: Role
  name: string
  organisation: string | null
  college: string | null
  workshop: { id: string; title: string; template: Template }
}

/**
 * One person of `GET /api/workshops/:id/participants` (any role of the workshop
 * may ask): who joined, never a token or a link. Names are personal data.
 */
export interface WorkshopParticipant {
  participantId: string
  name: string
  organisation: string | null
  college: string | null
  role: Role
}

/** Public, non-secret client configuration: `GET /api/config`. */
export interface ClientConfig {
  tldrawLicenseKey: string | null
}

/** Every error response has this shape; `code` is stable, `message` is French. */
export interface ApiError {
  error: { code: string; message: string; details?: unknown }
}

/** Name of the session cookie for a workshop (one per workshop, so one browser can join several). */
export function sessionCookieName(workshopId: string): string {
  return `atelier_session_${workshopId}`
}
