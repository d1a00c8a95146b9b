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
 * The documents of a workshop, each its own sync room: `/sync/<workshopId>/<kind>`,
 * and for drafts `/sync/<workshopId>/drafts/<participantId>`.
 * `board` is co-edited; `control` is written by the server only (shared/control.ts);
 * `drafts` holds one participant's private notes (private writing) until the
 * facilitator reveals them: same layout as the board, written by its author only,
 * read by them and the facilitators.
 */
export const DOC_KINDS = ['board', 'control', 'drafts'] as const
export type DocKind = (typeof DOC_KINDS)[number]

/** Which document a room holds; `owner` is the participant id of a drafts document, else null. */
export interface DocTarget {
  workshopId: string
  kind: DocKind
  owner: string | null
}

/** The room name of a document, as in its sync path: `<workshopId>/<kind>[/<owner>]`. */
export function docName({ workshopId, kind, owner }: DocTarget): string {
  return owner === null ? `${workshopId}/${kind}` : `${workshopId}/${kind}/${owner}`
}

/** `<workshopId>/<kind>[/<owner>]` → its parts (names come from docName, never from clients). */
export function parseDocName(name: string): DocTarget {
  const [workshopId = '', kind = '', owner] = name.split('/')
  return { workshopId, kind: kind as DocKind, owner: owner ?? null }
}

export const boardDocName = (workshopId: string) => docName({ workshopId, kind: 'board', owner: null })
export const controlDocName = (workshopId: string) => docName({ workshopId, kind: 'control', owner: null })
export const draftsDocName = (workshopId: string, participantId: string) =>
  docName({ workshopId, kind: 'drafts', owner: participantId })

/** Every drafts document of a workshop starts with this. */
export const draftsDocPrefix = (workshopId: string) => `${workshopId}/drafts/`

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
