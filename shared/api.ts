/**
 * The public HTTP contract: request bodies (validated by the server with these
 * schemas) and response shapes (used by the client). See README "HTTP API".
 */
import { z } from 'zod'
import { COLLEGE_IDS } from './colleges'
import { DEPARTEMENT_CODE_PATTERN, normalizeDepartementCode } from './departements'
import type { ReaderLinks } from './roadmap/roadmapApi'
import type { Role } from './roles'

import { RETENTION_DAYS, TEMPLATES, type Template, WORKSHOP_ID_PATTERN } from './workshop'

export { RETENTION_DAYS, TEMPLATES, type Template, WORKSHOP_ID_PATTERN } from './workshop'

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'control characters are not allowed')

/** One line of text: no control character at all (no tab, no line break). */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), 'control characters are not allowed')

/** Workshops and processes have ids of the same form (22 base64url characters). */
const resourceId = z.string().regex(WORKSHOP_ID_PATTERN, 'malformed id')

export const CreateWorkshopBody = z.strictObject({
  title: text(200),
  template: z.enum(TEMPLATES),
  /** The démarche it belongs to (must exist). */
  processId: resourceId.optional(),
  /** Template "chantiers" only: an earlier workshop of the same démarche whose enjeux (frames and their notes) are copied. */
  startFrom: resourceId.optional(),
  /** Days its participants' names are kept (then erased); default: the instance's ATELIER_RETENTION_DAYS. */
  retentionDays: z.number().int().min(RETENTION_DAYS.min).max(RETENTION_DAYS.max).optional(),
})
export type CreateWorkshopBody = z.infer<typeof CreateWorkshopBody>

export const CreateProcessBody = z.strictObject({
  nom: line(200),
  codeDepartement: z
    .string()
    .transform(normalizeDepartementCode)
    .pipe(z.string().regex(DEPARTEMENT_CODE_PATTERN, 'not a French département code (01–95, 2A, 2B, 971–976)'))
    .optional(),
  /** The territory it covers, in words (e.g. « Département de l’Aisne »). */
  perimetre: line(200).optional(),
})
export type CreateProcessBody = z.input<typeof CreateProcessBody>

/** A démarche (process): `POST /api/processes` answers it. */
export interface ProcessResponse {
  id: string
  nom: string
  codeDepartement: string | null
  perimetre: string | null
  createdAt: number
}

/** `POST /api/processes` (201): the démarche and its roadmap reader link (its secret is only ever answered here and on rotation). */
export interface CreateProcessResponse extends ProcessResponse {
  links: ReaderLinks
}

/** How long a workshop keeps its participants' names. */
export interface WorkshopRetentionInfo {
  retentionDays: number
  /** When the names are (or were) erased, ms since the epoch: createdAt + retentionDays days. */
  erasesAt: number
}

export interface ProcessWorkshop extends WorkshopRetentionInfo {
  id: string
  title: string
  template: Template
  createdAt: number
}

/** `GET /api/processes`: every démarche, oldest first, each with its workshops (oldest first). */
export type ListProcessesResponse = (ProcessResponse & { workshops: ProcessWorkshop[] })[]

export interface WorkshopLinks {
  facilitator: string
  participant: string
  observer: string
}

export interface CreateWorkshopResponse extends WorkshopRetentionInfo {
  id: string
  title: string
  template: Template
  processId: string | null
  links: WorkshopLinks
}

/** `POST /api/workshops/:id/links/:role/rotate`: the role's new link (the old one and its sessions are revoked). */
export interface RotateLinkResponse {
  links: Partial<WorkshopLinks>
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
  /** The deployer's accessibility contact (ATELIER_ACCESSIBILITY_CONTACT), for the déclaration d'accessibilité. */
  accessibilityContact: string | null
  /** Days a new workshop keeps its participants' names when its creator picks nothing else (ATELIER_RETENTION_DAYS). */
  defaultRetentionDays: number
}

/** Every error response has this shape; `code` is stable, `message` is French. */
export interface ApiError {
  error: { code: string; message: string; details?: unknown }
}

/** Name of the session cookie for a workshop (one per workshop, so one browser can join several). */
export function sessionCookieName(workshopId: string): string {
  return `atelier_session_${workshopId}`
}
