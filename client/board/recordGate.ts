/**
 * What may cross between the tldraw store and the board document, checked one
 * record at a time so that one bad record never takes the canvas down.
 *
 * Pure module (no Yjs, no DOM): unit-tested in recordGate.test.ts.
 *
 * Inbound (Yjs → store): a remote record must be a document-scoped record of a
 * shared type, keyed by its own id and valid for our tldraw schema, exactly as
 * the server checks it (shared/boardSchema.ts). Anything else is skipped and
 * reported once; the rest of the batch still lands.
 *
 * Outbound (store → Yjs): the same check (it includes the size limit), because
 * the server closes the connection on an invalid record (4400) and the client
 * would send it again on every reconnect.
 */
import type { TLRecord, TLSchema, TLStore } from 'tldraw'
import { checkBoardRecord } from '../../shared/boardSchema'

import type { RecordEntry } from '../../shared/model/boardRecords'

export type { RecordEntry }

export interface RemoteBatch {
  put: RecordEntry[]
  remove: string[]
}

/** Reports each rejected record once (a record edited 300 times is still one warning). */
export class RejectionLog {
  private readonly seen = new Set<string>()

  constructor(private readonly warn: (message: string, detail: unknown) => void = defaultWarn) {}

  report(direction: 'remote' | 'local', key: string, reason: string, record: unknown): void {
    const id = `${direction}:${key}`
    if (this.seen.has(id)) return
    this.seen.add(id)
    this.warn(`[atelier] ${direction} record ${key} skipped: ${reason}`, record)
  }

  get count(): number {
    return this.seen.size
  }
}

function defaultWarn(message: string, detail: unknown): void {
  console.warn(message, detail)
}

export type GateResult = { ok: true; record: TLRecord } | { ok: false; reason: string }

/** Whether a remote `{ key, val }` may enter our store. */
export function checkRemoteRecord(schema: TLSchema, entry: RecordEntry): GateResult {
  const check = checkBoardRecord(schema, entry.key, entry.val)
  return check.ok ? { ok: true, record: entry.val as TLRecord } : check
}

/** Whether a local record may be written to the board document. */
export function checkLocalRecord(schema: TLSchema, record: TLRecord): GateResult {
  const check = checkBoardRecord(schema, record.id, record)
  return check.ok ? { ok: true, record } : check
}

/** Keeps the valid records of a batch, reporting the others. */
export function acceptRemoteRecords(schema: TLSchema, entries: Iterable<RecordEntry>, log: RejectionLog): TLRecord[] {
  const accepted: TLRecord[] = []
  for (const entry of entries) {
    const result = checkRemoteRecord(schema, entry)
    if (result.ok) accepted.push(result.record)
    else log.report('remote', entry.key, result.reason, entry.val)
  }
  return accepted
}

/**
 * Applies a remote batch to the store through `mergeRemoteChanges`, so that
 * tldraw's undo history (which only records the user's own changes) ignores it
 * and the store→Yjs listener (source 'user') does not echo it back.
 */
export function mergeRemoteBatch(store: TLStore, batch: RemoteBatch, log: RejectionLog): void {
  const toPut = acceptRemoteRecords(store.schema, batch.put, log)
  const toRemove = batch.remove.filter((id) => store.has(id as TLRecord['id'])) as TLRecord['id'][]
  if (toPut.length === 0 && toRemove.length === 0) return
  try {
    store.mergeRemoteChanges(() => {
      if (toRemove.length > 0) store.remove(toRemove)
      if (toPut.length > 0) store.put(toPut)
    })
  } catch {
    // Validation passed but the store still refused the batch (a side effect
    // threw): retry record by record so only the culprit is left out.
    for (const id of toRemove) tryMerge(store, () => store.remove([id]), id, log)
    for (const record of toPut) tryMerge(store, () => store.put([record]), record.id, log, record)
  }
}

function tryMerge(store: TLStore, fn: () => void, key: string, log: RejectionLog, record?: TLRecord): void {
  try {
    store.mergeRemoteChanges(fn)
  } catch (error) {
    log.report('remote', key, `store refused it: ${(error as Error).message}`, record ?? null)
  }
}
