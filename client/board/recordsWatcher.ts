/**
 * Reads the board's records array (`{ key, val }` entries, rightmost entry of a
 * key wins — the rule of y-utility's YKeyValue) and reports what changed.
 *
 * Why not YKeyValue's own 'change' event: YKeyValue cleans up duplicate keys
 * left by concurrent edits by *deleting* items, i.e. it writes to the document
 * while observing it. An observer's connection is closed by the server on any
 * write (close "read-only"), so the read side must never write. This watcher only reads;
 * writers still use YKeyValue to write (and its clean-up keeps the array small).
 */
import type * as Y from 'yjs'
import { winningEntries } from '../../shared/model/boardRecords'
import type { RecordEntry, RemoteBatch } from './recordGate'

export interface RecordsWatcher {
  /** Current winning entries (for the first load). */
  entries(): RecordEntry[]
  /** The current winning entry of a key. */
  get(key: string): RecordEntry | undefined
  keys(): Iterable<string>
  dispose(): void
}

export function diffWinners(before: Map<string, RecordEntry>, after: Map<string, RecordEntry>): RemoteBatch {
  const put: RecordEntry[] = []
  const remove: string[] = []
  for (const [key, entry] of after) if (before.get(key) !== entry) put.push(entry)
  for (const key of before.keys()) if (!after.has(key)) remove.push(key)
  return { put, remove }
}

/**
 * Calls `onRemoteChange` after every transaction that did not originate here.
 * Local transactions still move the baseline, so our own writes are never
 * reported back to us. `onChange` follows every transaction that changed a
 * winner, ours included.
 */
export function watchRecords(
  yarray: Y.Array<RecordEntry>,
  onRemoteChange: (batch: RemoteBatch, transaction: Y.Transaction) => void,
  onChange?: () => void,
): RecordsWatcher {
  let current = winningEntries(yarray)
  const observer = (_event: Y.YArrayEvent<RecordEntry>, transaction: Y.Transaction) => {
    const next = winningEntries(yarray)
    const batch = diffWinners(current, next)
    current = next
    if (batch.put.length === 0 && batch.remove.length === 0) return
    if (!transaction.local) onRemoteChange(batch, transaction)
    onChange?.()
  }
  yarray.observe(observer)
  return {
    entries: () => [...current.values()],
    get: (key) => current.get(key),
    keys: () => current.keys(),
    dispose: () => yarray.unobserve(observer),
  }
}
