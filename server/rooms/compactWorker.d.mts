/** Types of compactWorker.mjs (plain JavaScript so that its thread needs no TypeScript loader). */
export interface CompactRequest {
  id: number
  parts: Uint8Array[]
}
export type CompactResponse = { id: number; ok: true; state: Uint8Array } | { id: number; ok: false; error: string }

/** The document `parts` (snapshot and log entries, in order) make, as one garbage-collected update. */
export function compactParts(parts: Uint8Array[]): Uint8Array
