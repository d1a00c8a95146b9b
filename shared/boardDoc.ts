/**
 * Layout of a workshop's board document, shared by every client and the server
 * (documented in the README for third-party clients).
 *
 * - tldraw records live in a y-utility `YKeyValue` over `doc.getArray(RECORDS_ARRAY)`,
 *   one entry `{ key: record.id, val: record }` per record;
 * - the tldraw schema the records follow is `doc.getMap(META_MAP).get(SCHEMA_KEY)`.
 *
 * Only document-scoped records are shared; session records (camera, pointer,
 * instance state) and presence stay on each client.
 */
export const RECORDS_ARRAY = 'records'
export const META_MAP = 'meta'
export const SCHEMA_KEY = 'schema'

/** Record types a client may write into the board document. */
export const SHARED_RECORD_TYPES = ['document', 'page', 'shape', 'binding', 'asset'] as const

/**
 * The documents of a workshop, each its own sync room: `/sync/<workshopId>/<kind>`.
 * `board` is co-edited; `control` is written by the server only (shared/control.ts).
 */
export const DOC_KINDS = ['board', 'control'] as const
export type DocKind = (typeof DOC_KINDS)[number]

/**
 * Largest record the server accepts, as `JSON.stringify(record).length`. A bigger
 * one makes the server close the connection (4400), so clients must not send it.
 */
export const MAX_RECORD_JSON_CHARS = 512 * 1024

/**
 * Largest awareness (presence) state of one connection, as JSON text length.
 * The server closes a connection that publishes a bigger one (4400).
 */
export const MAX_AWARENESS_STATE_CHARS = 8 * 1024
