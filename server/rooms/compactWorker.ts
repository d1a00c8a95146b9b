/**
 * Worker thread: folds a document's snapshot and log into one compact update by
 * applying them to a garbage-collecting Y.Doc (tombstones collected) and
 * re-encoding it. Runs off the event loop; never Y.mergeUpdates (DESIGN §4).
 */
import { parentPort } from 'node:worker_threads'
import * as Y from 'yjs'

export interface CompactRequest {
  id: number
  parts: Uint8Array[]
}
export type CompactResponse = { id: number; ok: true; state: Uint8Array } | { id: number; ok: false; error: string }

export function compactParts(parts: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true })
  doc.transact(() => {
    for (const part of parts) Y.applyUpdate(doc, part)
  })
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}

parentPort?.on('message', (req: CompactRequest) => {
  let res: CompactResponse
  try {
    res = { id: req.id, ok: true, state: compactParts(req.parts) }
  } catch (e) {
    res = { id: req.id, ok: false, error: (e as Error).message }
  }
  parentPort?.postMessage(res)
})
