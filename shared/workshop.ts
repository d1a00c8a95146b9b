/**
 * Workshop constants used by both sides, kept free of zod so the browser
 * bundle does not carry it (zod 4 also probes `new Function` when a schema is
 * built, which the CSP `script-src 'self'` reports as a violation on every page).
 * shared/api.ts re-exports them for the server.
 */
export const TEMPLATES = ['enjeux', 'chantiers', 'vide'] as const
export type Template = (typeof TEMPLATES)[number]

/** A workshop id as it appears in URLs: 22 base64url characters. */
export const WORKSHOP_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/

/**
 * How long a workshop keeps its participants' names (personal data), in days from its
 * creation: chosen at creation within these bounds, else the instance's ATELIER_RETENTION_DAYS.
 */
export const RETENTION_DAYS = { min: 1, max: 3650, default: 365 } as const
export const DAY_MS = 24 * 3600 * 1000

/** When a workshop's names are erased (ms since the epoch). */
export function erasesAt(workshop: { createdAt: number; retentionDays: number }): number {
  return workshop.createdAt + workshop.retentionDays * DAY_MS
}
