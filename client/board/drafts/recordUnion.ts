/**
 * The tldraw store shows the union of several documents' records: the board,
 * then the participant's own drafts, then (for a facilitator) other people's
 * drafts. A key's record is the one of the first document holding it, so a
 * record present in the board wins over a drafts copy, and a record removed
 * from a drafts document stays if the board has it (the reveal writes the
 * board before it empties the drafts: nothing flickers).
 *
 * Pure module (no Yjs, no tldraw): unit-tested in recordUnion.test.ts.
 */
import type { RecordEntry, RemoteBatch } from '../recordGate'

/** One document's current records (its watcher's view, already updated by the change). */
export interface RecordSource {
  get(key: string): RecordEntry | undefined
  keys(): Iterable<string>
}

/**
 * What the store must do after `sources[changed]` reported `batch`: a put
 * shows only if no earlier source holds the key; a removal shows the next
 * source's record, or removes the key when none holds it any more.
 */
export function unionChange(sources: readonly RecordSource[], changed: number, batch: RemoteBatch): RemoteBatch {
  const earlier = sources.slice(0, changed)
  const later = sources.slice(changed + 1)
  const shadowed = (key: string) => earlier.some((s) => s.get(key) !== undefined)
  const put: RecordEntry[] = []
  const remove: string[] = []
  for (const entry of batch.put) if (!shadowed(entry.key)) put.push(entry)
  for (const key of batch.remove) {
    if (shadowed(key)) continue
    const next = firstEntry(later, key)
    if (next) put.push(next)
    else remove.push(key)
  }
  return { put, remove }
}

/** Keys held by some source from `from` on and by none before it (e.g. not in the board: not revealed). */
export function keysOnlyFrom(sources: readonly RecordSource[], from: number): Set<string> {
  const before = sources.slice(0, from)
  const keys = new Set<string>()
  for (const source of sources.slice(from)) {
    for (const key of source.keys()) if (!before.some((s) => s.get(key) !== undefined)) keys.add(key)
  }
  return keys
}

function firstEntry(sources: readonly RecordSource[], key: string): RecordEntry | undefined {
  for (const source of sources) {
    const entry = source.get(key)
    if (entry) return entry
  }
  return undefined
}
