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
