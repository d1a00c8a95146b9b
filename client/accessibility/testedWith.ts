/**
 * What the automated accessibility tests run with, as the déclaration states
 * it; tests/e2e/accessibility.spec.ts fails when these no longer match the
 * installed versions, so the statement stays true. Kept apart from the page so
 * the test reads it without React.
 */
export const TESTED_WITH = { browser: 'Chromium (Debian)', playwright: '1.65.1', axe: '4.13.0' }
