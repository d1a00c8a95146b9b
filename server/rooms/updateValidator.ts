/**
 * Checks a client's Yjs update before it touches a room (DESIGN §4).
 *
 * The update is decoded (V1 only) into its structs without applying it, then:
 *  - no gaps: every struct either is already known or directly follows what the
 *    room (or an earlier struct of the same update) holds, so nothing would be
 *    left pending in the room's store;
 *  - every reference (origin, right origin, deletions) points at something the
 *    room or the update holds;
 *  - every inserted item lives in the board layout (shared/boardDoc.ts): entries
 *    `{ key, val }` of the `records` array, or the `schema` key of `meta` — no
 *    other root type, no nested type, no other content kind;
 *  - every record is a valid document-scoped tldraw record, and passes the
 *    caller's own rule (`recordRule`: e.g. a note's author, noteAuthors.ts).
 *
 * It never calls Y.mergeUpdates on client bytes (crafted tiny inputs hang it).
 */

import type { TLSchema } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { META_MAP, RECORDS_ARRAY, SCHEMA_KEY } from '../../shared/boardDoc'
import { checkBoardRecord } from '../../shared/boardSchema'

/**
 * `empty`: changes nothing. `deletesOnly`: only deletions (every replica's
 * YKeyValue deletes the losing duplicate after concurrent sets of one key, so
 * read-only clients send these too).
 */
export type UpdateCheck =
  | { ok: true; empty: boolean; deletesOnly: boolean }
  | {
      ok: false
      reason: string
      /**
       * Only this: the update builds on something the room does not hold yet. Not
       * hostile by itself — a reconnecting client sends live edits before its sync
       * step 2 has delivered what they build on — so the caller asks the client to
       * resynchronise instead of closing it. Nothing is applied either way.
       */
      missing?: true
    }

type Struct = Y.Item | Y.GC | Y.Skip
type ID = { client: number; clock: number }

const MAX_SCHEMA_JSON = 64 * 1024

/** Marks items whose parent cannot be known because a neighbour was garbage-collected: Yjs drops their content. */
const COLLECTED = Symbol('collected')
type Root = string | typeof COLLECTED

/** Why a record may not be written by this update's sender, or null if it may. */
export type RecordRule = (key: string, value: unknown) => string | null

export function checkUpdate(
  doc: Y.Doc,
  schema: TLSchema,
  update: Uint8Array,
  recordRule: RecordRule = () => null,
): UpdateCheck {
  if (update.length < 2) return { ok: false, reason: 'empty frame' }
  let decoded: { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } }
  try {
    decoded = Y.decodeUpdate(update) as unknown as typeof decoded
  } catch {
    return { ok: false, reason: 'update does not decode as Yjs V1' }
  }
  const { structs, ds } = decoded
  if (structs.length === 0 && ds.clients.size === 0) {
    // A V1 empty update is exactly [0, 0]; a V2 update also starts with zeros and
    // would read as an empty V1 one, its content silently ignored.
    return update.length === 2
      ? { ok: true, empty: true, deletesOnly: false }
      : { ok: false, reason: 'not a Yjs V1 update' }
  }

  // Range of clocks the update brings per client, checked for gaps against the room.
  const byClient = new Map<number, Struct[]>()
  for (const s of structs) {
    if (s instanceof Y.Skip) return { ok: false, reason: 'update has gaps (skip struct)' }
    const list = byClient.get(s.id.client)
    if (list) list.push(s)
    else byClient.set(s.id.client, [s])
  }
  const known = (client: number) => Y.getState(doc.store, client)
  const reach = new Map<number, number>()
  for (const [client, list] of byClient) {
    let next = (list[0] as Struct).id.clock
    if (next > known(client)) return { ok: false, reason: 'update depends on missing structs', missing: true }
    for (const s of list) {
      if (s.id.clock !== next || s.length <= 0) return { ok: false, reason: 'structs are not contiguous' }
      next += s.length
    }
    reach.set(client, Math.max(next, known(client)))
  }
  const held = (id: ID) => id.clock < (reach.get(id.client) ?? known(id.client))

  for (const [client, ranges] of ds.clients) {
    for (const r of ranges) {
      if (r.len <= 0 || r.clock + r.len > (reach.get(client) ?? known(client))) {
        return { ok: false, reason: 'deletion of unknown structs', missing: true }
      }
    }
  }

  const inUpdate = (id: ID): Struct | undefined => {
    const list = byClient.get(id.client)
    if (!list || id.clock < (list[0] as Struct).id.clock) return undefined
    // Binary search: structs of a client are sorted and contiguous.
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const s = list[mid] as Struct
      if (id.clock < s.id.clock) hi = mid - 1
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1
      else return s
    }
    return undefined
  }

  const rootCache = new Map<Struct, Root | null>()
  const rootOf = (item: Y.Item, depth: number): Root | null => {
    if (depth > structs.length + 1) return null // a cycle of origins in a crafted update
    const cached = rootCache.get(item)
    if (cached !== undefined) return cached
    let root: Root | null = null
    if (typeof item.parent === 'string') root = item.parent
    else if (item.parent !== null)
      root = null // nested types are not part of the layout
    else {
      const neighbour = item.origin ?? item.rightOrigin
      if (neighbour) {
        const fromUpdate = inUpdate(neighbour)
        if (fromUpdate) root = fromUpdate instanceof Y.Item ? rootOf(fromUpdate, depth + 1) : COLLECTED
        else root = rootInDoc(doc, neighbour)
      }
    }
    rootCache.set(item, root)
    return root
  }

  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue // GC structs carry no content
    for (const dep of [s.origin, s.rightOrigin]) {
      if (!dep) continue
      if (dep.client === s.id.client) {
        // Yjs integrates a client's structs in clock order: a same-client neighbour must come first.
        if (dep.clock >= s.id.clock && dep.clock >= known(dep.client)) {
          return { ok: false, reason: 'item refers to a later struct of its own client' }
        }
      } else if (!held(dep)) {
        return { ok: false, reason: 'item refers to unknown neighbours', missing: true }
      }
    }
    const root = rootOf(s, 0)
    if (root === null) return { ok: false, reason: 'item outside the board layout' }
    if (root === COLLECTED || s.content instanceof Y.ContentDeleted) continue
    const problem =
      root === RECORDS_ARRAY
        ? checkRecordsItem(schema, s, recordRule)
        : root === META_MAP
          ? checkMetaItem(s)
          : `unknown root type "${root}"`
    if (problem) return { ok: false, reason: problem }
  }
  return { ok: true, empty: false, deletesOnly: structs.length === 0 }
}

function rootInDoc(doc: Y.Doc, id: ID): Root | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null
  const struct = Y.getItem(doc.store, id as Y.ID) as Struct
  if (!(struct instanceof Y.Item)) return COLLECTED
  const parent = struct.parent as Y.AbstractType<unknown> | null
  if (!parent || parent._item !== null) return null
  for (const [name, type] of doc.share) if (type === parent) return name
  return null
}

function checkRecordsItem(schema: TLSchema, item: Y.Item, recordRule: RecordRule): string | null {
  if (item.parentSub !== null) return 'records is an array, not a map'
  if (!(item.content instanceof Y.ContentAny)) return 'records holds plain JSON entries only'
  for (const entry of item.content.arr as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return 'record entry is not an object'
    const { key, val } = entry as { key?: unknown; val?: unknown }
    const check = checkBoardRecord(schema, key, val)
    if (!check.ok) return check.reason
    const refusal = recordRule(key as string, val)
    if (refusal) return refusal
  }
  return null
}

function checkMetaItem(item: Y.Item): string | null {
  if (item.parentSub !== SCHEMA_KEY) return `meta accepts only "${SCHEMA_KEY}"`
  if (!(item.content instanceof Y.ContentAny) || item.content.arr.length !== 1) return 'schema must be one JSON value'
  const value = item.content.arr[0]
  if (typeof value !== 'object' || value === null) return 'schema must be an object'
  if (JSON.stringify(value).length > MAX_SCHEMA_JSON) return 'schema too large'
  return null
}
