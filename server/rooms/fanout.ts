/**
 * What a room sends to its peers, coalesced: the document updates made visible by
 * group commits, and the awareness entries accepted, go out together at most once
 * per turn — or per few ms in a big room (sendSpacingMs) — as one update message
 * and one awareness message per peer.
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
  /** When its message reached the server (performance.now()), for a client's update. */
  receivedAt?: number
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
  /** A client's update was written to every peer, `ms` after its message reached the server (metrics). */
  onDelivered?(ms: number): void
}

/**
 * Milliseconds between two sends of a room with `peers` connections: every turn for a
 * handful, then 1 ms per 10 peers (50 → 5 ms, 200 → 20 ms at most). Each send costs
 * one write per peer whatever it carries, so a big room's messages carry more changes
 * each instead of being more: at 50 people the writes were the server's main cost.
 */
export const sendSpacingMs = (peers: number): number => Math.min(20, Math.floor(peers / 10))

export class Fanout {
  private open: UpdateBatch | null = null
  /** Committed, not sent yet. */
  private committed: Authored<Uint8Array>[] = []
  /** Accepted, not sent yet: the latest entry of each client id. */
  private readonly awareness = new Map<number, Authored<AwarenessEntry>>()
  private sendScheduled = false
  private lastSent = Number.NEGATIVE_INFINITY

  constructor(
    private readonly peers: ReadonlySet<Connection>,
    private readonly deps: FanoutDeps,
  ) {}

  /**
   * Sends `update` (already appended to the log) to every peer but `from`, once it is committed;
   * `receivedAt`: when the client's message carrying it reached the server.
   */
  update(update: Uint8Array, from: Connection | null, receivedAt?: number): void {
    const token = this.deps.currentBatch()
    const authored: Authored<Uint8Array> = { item: update, from, receivedAt }
    if (this.open?.token === token) {
      this.open.updates.push(authored)
      return
    }
    const batch: UpdateBatch = { token, updates: [authored] }
    this.open = batch
    // Runs at once when nothing is waiting for a commit (an update from another node, logged there).
    this.deps.afterCommit(() => {
      if (this.open === batch) this.open = null
      this.committed.push(...batch.updates)
      this.scheduleSend()
    })
  }

  /** Sends `entries` to every peer but `from` with the next send. */
  awarenessChanged(entries: readonly AwarenessEntry[], from: Connection | null): void {
    if (entries.length === 0) return
    for (const entry of entries) {
      // A later entry of the same client replaces the earlier: its clock is higher.
      this.awareness.delete(entry.clientId)
      this.awareness.set(entry.clientId, { item: entry, from })
    }
    this.scheduleSend()
  }

  private scheduleSend(): void {
    if (this.sendScheduled) return
    this.sendScheduled = true
    const send = () => {
      this.sendScheduled = false
      this.lastSent = performance.now()
      this.send()
    }
    const wait = this.lastSent + sendSpacingMs(this.peers.size) - performance.now()
    if (wait <= 0) setImmediate(send)
    else setTimeout(send, wait)
  }

  private send(): void {
    const updates = this.committed
    this.committed = []
    const entries = [...this.awareness.values()]
    this.awareness.clear()
    // A peer's update and awareness messages leave in one write.
    const corked = updates.length > 0 && entries.length > 0
    if (corked) for (const peer of this.peers) peer.cork()
    sendToPeers(this.peers, updates, (items) => writeUpdate(items.length === 1 ? items[0]! : Y.mergeUpdates(items)))
    sendToPeers(this.peers, entries, (items) => writeAwareness(writeAwarenessUpdate(items)))
    if (corked) for (const peer of this.peers) peer.uncork()
    const delivered = this.deps.onDelivered
    if (!delivered) return
    const now = performance.now()
    for (const u of updates) if (u.receivedAt !== undefined) delivered(now - u.receivedAt)
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
