/**
 * What a room sends to its peers, coalesced: every document update made visible
 * by one group commit goes out as one message per peer, and every awareness
 * entry accepted during one event-loop turn as one message per peer.
 *
 * Sending one message per update per peer is what makes the reference server
 * fall over at 200 participants (N updates × N peers messages, each a syscall
 * and, for the stock client, a decode and an awareness echo). Here a peer gets
 * one message per commit, whatever the number of writers, and each message is
 * encoded once for all the peers it suits (see sendToPeers for who gets their
 * own writes back).
 *
 * The updates merged are the server's own encodings of what it applied (the
 * document's 'update' event), never the bytes a client sent: Y.mergeUpdates on
 * crafted client bytes can hang (yjs #687), on yjs's own output it cannot.
 */
import * as Y from 'yjs'
import type { Connection } from './connection'
import { type AwarenessEntry, writeAwareness, writeAwarenessUpdate, writeUpdate } from './messages'

/** A change to send, and the connection it came from (null: the server's own). */
interface Authored<T> {
  item: T
  from: Connection | null
}

/** One commit's updates, open to more until the writer starts committing them. */
interface UpdateBatch {
  token: object
  updates: Authored<Uint8Array>[]
}

export interface FanoutDeps {
  /** The writer's current batch (UpdateWriter.batch): a new object once it starts a commit. */
  currentBatch(): object
  /** Runs `fn` once everything appended so far is durable (UpdateWriter.afterCommit). */
  afterCommit(fn: () => void): void
}

export class Fanout {
  private open: UpdateBatch | null = null
  /** Accepted this turn, the latest entry of each client id. */
  private readonly awareness = new Map<number, Authored<AwarenessEntry>>()
  private awarenessScheduled = false

  constructor(
    private readonly peers: ReadonlySet<Connection>,
    private readonly deps: FanoutDeps,
  ) {}

  /** Sends `update` (already appended to the log) to every peer but `from`, once it is committed. */
  update(update: Uint8Array, from: Connection | null): void {
    const token = this.deps.currentBatch()
    if (this.open?.token !== token) {
      const batch: UpdateBatch = { token, updates: [] }
      this.open = batch
      this.deps.afterCommit(() => {
        if (this.open === batch) this.open = null
        this.sendUpdates(batch.updates)
      })
    }
    ;(this.open as UpdateBatch).updates.push({ item: update, from })
  }

  /** Sends `entries` to every peer but `from` at the end of this turn. */
  awarenessChanged(entries: readonly AwarenessEntry[], from: Connection | null): void {
    for (const entry of entries) {
      // A later entry of the same client replaces the earlier: its clock is higher.
      this.awareness.delete(entry.clientId)
      this.awareness.set(entry.clientId, { item: entry, from })
    }
    if (this.awarenessScheduled || entries.length === 0) return
    this.awarenessScheduled = true
    setImmediate(() => {
      this.awarenessScheduled = false
      const pending = [...this.awareness.values()]
      this.awareness.clear()
      sendToPeers(this.peers, pending, (items) => writeAwareness(writeAwarenessUpdate(items)))
    })
  }

  private sendUpdates(updates: Authored<Uint8Array>[]): void {
    sendToPeers(this.peers, updates, (items) => writeUpdate(items.length === 1 ? items[0]! : Y.mergeUpdates(items)))
  }
}

/**
 * Sends `changes` to the peers, each change encoded once for all: a batch with one author
 * reaches the others whole and its author without its part (the common case: nobody gets
 * their own keystrokes back); a batch with several authors reaches everyone whole, the
 * authors included — they skip what they already hold, while one merge per author would
 * make a big room's batches quadratic (at 200 participants the merges took the whole core).
 */
function sendToPeers<T>(
  peers: ReadonlySet<Connection>,
  changes: readonly Authored<T>[],
  encode: (items: T[]) => Uint8Array,
): void {
  if (changes.length === 0) return
  const authors = new Set<Connection>()
  for (const c of changes) if (c.from) authors.add(c.from)
  const everything = encode(changes.map((c) => c.item))
  const [soleAuthor] = authors.size === 1 ? authors : [null]
  for (const peer of peers) if (peer !== soleAuthor) peer.send(everything)
  if (!soleAuthor || !peers.has(soleAuthor)) return
  const others = changes.filter((c) => c.from !== soleAuthor).map((c) => c.item)
  if (others.length > 0) soleAuthor.send(encode(others))
}
