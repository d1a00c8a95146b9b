/**
 * French département codes, as INSEE writes them: 01–19, 2A and 2B (Corsica,
 * whose former code 20 no longer exists), 21–95, and 971–976 overseas. Free of
 * zod so the browser can check a code before sending it.
 */
export const DEPARTEMENT_CODE_PATTERN = /^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6])$/

/** A code as people type it (`2a`, ` 02 `) in its canonical form. */
export function normalizeDepartementCode(code: string): string {
  return code.trim().toUpperCase()
}
