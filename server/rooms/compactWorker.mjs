/**
 * Worker thread: folds a document's snapshot and log into one compact update by
 * applying them to a garbage-collecting Y.Doc (tombstones collected) and
 * re-encoding it. Runs off the event loop; never Y.mergeUpdates (DESIGN §4).
 *
 * Plain JavaScript (types in compactWorker.d.mts), so that the worker needs no
 * TypeScript loader: with tsx registered in it, each start cost ~340 ms of CPU and
 * ~38 MiB, in the middle of a busy room's session (a compaction comes every 500
 * updates and the worker stops when idle); without, see compactor.test.ts.
 */
import fs from 'node:fs'
import os from 'node:os'
import { parentPort } from 'node:worker_threads'
import * as Y from 'yjs'

/**
 * The worker runs beside the event loop, often on the same core (a small host, or a
 * server pinned to one): at equal priority a compaction takes half the core from the
 * loop for tens of ms, and every fan-out waiting meanwhile is late (p99 17–25 → 33–40
 * ms at 50 participants, bench/fanout.ts). At the lowest priority it uses only what the
 * loop leaves. On Linux a nice value belongs to a thread: set it on this thread's id.
 */
function yieldToEventLoop() {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop())
    if (Number.isInteger(tid)) os.setPriority(tid, 19)
  } catch {
    // Not Linux, or not allowed: compaction still works, at the loop's priority.
  }
}

/** @param {Uint8Array[]} parts */
export function compactParts(parts) {
  const doc = new Y.Doc({ gc: true })
  doc.transact(() => {
    for (const part of parts) Y.applyUpdate(doc, part)
  })
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}

if (parentPort) {
  const port = parentPort
  yieldToEventLoop()
  port.on('message', (/** @type {import('./compactWorker.mjs').CompactRequest} */ req) => {
    /** @type {import('./compactWorker.mjs').CompactResponse} */
    let res
    try {
      res = { id: req.id, ok: true, state: compactParts(req.parts) }
    } catch (e) {
      res = { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) }
    }
    port.postMessage(res)
  })
}
