/**
 * A room: one loaded document and the connections editing it.
 *
 * Every write goes validate → apply → append to the log; what makes it visible
 * to anyone (broadcast, sync replies) waits for the log's commit
 * (UpdateWriter.afterCommit). Read-only connections never get the server's sync
 * step 1, so a stock client has no reason to send a step 2; any non-empty write
 * from them closes the connection (4403) so their client cannot diverge silently.
 */
import type { TLSchema } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { RECORDS_ARRAY } from '../../shared/boardDoc'
import type { RecordEntry } from '../../shared/model/boardRecords'
import { CloseCodes, type CloseReason } from '../../shared/protocol'
import { AwarenessRegistry } from './awarenessRegistry'
import type { Connection } from './connection'
import { Fanout } from './fanout'
import {
  type AwarenessEntry,
  readAwarenessUpdate,
  readClientMessage,
  writeAwareness,
  writeAwarenessUpdate,
  writeSyncStep1,
  writeSyncStep2,
} from './messages'
import { NoteAuthors } from './noteAuthors'
import { checkUpdate } from './updateValidator'
import type { UpdateWriter } from './updateWriter'

/** Transaction origin of the server's own changes. */
export const SERVER_ORIGIN = Symbol('atelier-server')

export interface RoomDeps {
  writer: UpdateWriter
  schema: TLSchema
  maxAwarenessBytes: number
  /** Why this connection may not write now (role, board lock, server-only document), or null if it may. */
  writeRefusal(conn: Connection): CloseReason | null
  /** The room's document no longer matches the log (a failed apply): evict it. */
  onCorrupted(room: Room): void
  /** Something was refused: for logs and metrics. */
  onRefused?(room: Room, conn: Connection, reason: string): void
  /** An update was accepted (counted to trigger compaction). */
  onUpdate?(room: Room): void
  /** A client's update reached every peer here, `ms` after its message arrived (metrics). */
  onDelivered?(ms: number): void
  /** Updates made here (a client's or the server's) are durable: for the other nodes (server/bus). */
  onCommitted?(room: Room, updates: readonly Uint8Array[]): void
  /** Awareness entries accepted here (removals included): for the other nodes. */
  onAwareness?(room: Room, entries: readonly AwarenessEntry[]): void
}

/** Transaction origin of what another node sent (server/bus). */
export const BUS_ORIGIN = Symbol('atelier-bus')

/** Another node's awareness entries are shown to newcomers for as long as y-protocols keeps a silent state. */
const REMOTE_AWARENESS_MS = 30_000

export class Room {
  readonly connections = new Set<Connection>()
  private readonly awareness: AwarenessRegistry
  private readonly noteAuthors: NoteAuthors
  private readonly fanout: Fanout
  /** Other nodes' live awareness entries, with when each last changed. */
  private readonly remoteAwareness = new Map<number, { entry: AwarenessEntry; at: number }>()
  /** While `changes` runs: the document's own encodings of its transactions. */
  private encoded: Uint8Array[] | null = null

  constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private readonly deps: RoomDeps,
  ) {
    this.awareness = new AwarenessRegistry(deps.maxAwarenessBytes)
    this.noteAuthors = new NoteAuthors(doc.getArray<RecordEntry>(RECORDS_ARRAY))
    this.fanout = new Fanout(this.connections, {
      currentBatch: () => deps.writer.batch,
      afterCommit: (fn) => deps.writer.afterCommit(fn),
      onDelivered: deps.onDelivered,
    })
    doc.on('update', (update: Uint8Array) => this.encoded?.push(update))
  }

  join(conn: Connection): void {
    this.connections.add(conn)
    if (this.deps.writeRefusal(conn) === null) conn.send(writeSyncStep1(Y.encodeStateVector(this.doc)))
    const present = [...this.awareness.all(), ...this.remoteEntries()]
    if (present.length > 0) conn.send(writeAwareness(writeAwarenessUpdate(present)))
  }

  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return
    const removed = this.awareness.remove(conn)
    this.fanout.awarenessChanged(removed, conn)
    if (removed.length > 0) this.deps.onAwareness?.(this, removed)
  }

  receive(conn: Connection, frame: Uint8Array): void {
    const receivedAt = performance.now()
    let message: ReturnType<typeof readClientMessage>
    try {
      message = readClientMessage(frame)
    } catch {
      return this.refuse(conn, CloseCodes.invalidMessage, 'undecodable message')
    }
    switch (message.type) {
      case 'syncStep1': {
        let reply: Uint8Array
        try {
          reply = writeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector))
        } catch {
          return this.refuse(conn, CloseCodes.invalidMessage, 'bad state vector')
        }
        // The reply may carry updates still being committed: send it after them.
        this.deps.writer.afterCommit(() => conn.send(reply))
        return
      }
      case 'syncStep2':
      case 'update':
        return this.write(conn, message.update, receivedAt)
      case 'awareness':
        return this.updateAwareness(conn, message.update)
      case 'queryAwareness':
        conn.send(writeAwareness(writeAwarenessUpdate([...this.awareness.all(), ...this.remoteEntries()])))
        return
    }
  }

  private write(conn: Connection, update: Uint8Array, receivedAt: number): void {
    // A note's author stamp must be its writer's, and never changes (shared/model/noteAuthor.ts).
    let authorRefused = false
    const check = checkUpdate(this.doc, this.deps.schema, update, (key, value) => {
      const refusal = this.noteAuthors.refusal(key, value, conn.participantId)
      authorRefused ||= refusal !== null
      return refusal
    })
    const refusal = this.deps.writeRefusal(conn)
    if (refusal) {
      // Nothing, or the duplicate clean-up every replica's YKeyValue performs
      // (writers send the same deletions): ignored, not applied.
      if (check.ok && (check.empty || check.deletesOnly)) return
      return this.refuse(conn, refusal, 'write refused')
    }
    if (!check.ok && check.missing) return this.requestResync(conn)
    if (!check.ok)
      return this.refuse(conn, authorRefused ? CloseCodes.noteAuthor : CloseCodes.invalidMessage, check.reason)
    if (check.empty) return
    let changes: Uint8Array[]
    try {
      changes = this.changes(() => Y.applyUpdate(this.doc, update, conn))
    } catch {
      this.refuse(conn, CloseCodes.invalidMessage, 'update failed to apply')
      return this.deps.onCorrupted(this)
    }
    if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) {
      this.refuse(conn, CloseCodes.invalidMessage, 'update left pending structs')
      return this.deps.onCorrupted(this)
    }
    this.publish(changes, conn, receivedAt)
  }

  /** What `apply` changed in the document, as the document encodes it (nothing if it changed nothing). */
  private changes(apply: () => void): Uint8Array[] {
    const encoded: Uint8Array[] = []
    this.encoded = encoded
    try {
      apply()
      return encoded
    } finally {
      this.encoded = null
    }
  }

  /** Logs `changes` and sends them to everyone but `from` — and to the other nodes — once they are durable. */
  private publish(changes: readonly Uint8Array[], from: Connection | null, receivedAt?: number): void {
    for (const update of changes) {
      this.deps.writer.append(this.name, update)
      this.deps.onUpdate?.(this)
      this.fanout.update(update, from, receivedAt)
    }
    const onCommitted = this.deps.onCommitted
    if (onCommitted && changes.length > 0) this.deps.writer.afterCommit(() => onCommitted(this, changes))
  }

  /**
   * What another node committed (or the store holds, on a catch-up): applied and sent to
   * this node's clients, not logged again. False if it builds on something this document
   * lacks (a message the bus lost): the caller then reloads the room from the store.
   */
  applyRemote(update: Uint8Array): boolean {
    const changes = this.changes(() => Y.applyUpdate(this.doc, update, BUS_ORIGIN))
    for (const u of changes) this.fanout.update(u, null)
    return this.doc.store.pendingStructs === null && this.doc.store.pendingDs === null
  }

  /** Another node's accepted awareness entries: relayed to this node's clients, kept for newcomers. */
  applyRemoteAwareness(entries: readonly AwarenessEntry[]): void {
    const at = Date.now()
    for (const entry of entries) {
      if (entry.json === 'null') this.remoteAwareness.delete(entry.clientId)
      else this.remoteAwareness.set(entry.clientId, { entry, at })
    }
    this.fanout.awarenessChanged(entries, null)
  }

  private remoteEntries(): AwarenessEntry[] {
    const since = Date.now() - REMOTE_AWARENESS_MS
    const live: AwarenessEntry[] = []
    for (const [id, { entry, at }] of this.remoteAwareness) {
      if (at < since) this.remoteAwareness.delete(id)
      else live.push(entry)
    }
    return live
  }

  /**
   * The client sent an edit building on structs we lack (it reconnected and its
   * sync step 2 is still on the way, or was lost with a crashed server). The edit
   * is dropped, not applied; a fresh sync step 1 makes the client send everything
   * we lack, that edit included, as its step 2. At most one request per second.
   */
  private requestResync(conn: Connection): void {
    const now = Date.now()
    if (now - conn.resyncRequestedAt < 1000) return
    conn.resyncRequestedAt = now
    this.deps.onRefused?.(this, conn, 'update builds on missing structs: resync requested')
    conn.send(writeSyncStep1(Y.encodeStateVector(this.doc)))
  }

  private updateAwareness(conn: Connection, update: Uint8Array): void {
    let entries: AwarenessEntry[]
    try {
      entries = readAwarenessUpdate(update)
    } catch {
      return this.refuse(conn, CloseCodes.invalidMessage, 'undecodable awareness')
    }
    const result = this.awareness.apply(conn, entries)
    if (!result.ok) return this.refuse(conn, CloseCodes.invalidMessage, result.reason)
    this.fanout.awarenessChanged(result.accepted, conn)
    if (result.accepted.length > 0) this.deps.onAwareness?.(this, result.accepted)
    if (result.reply.length > 0) conn.send(writeAwareness(writeAwarenessUpdate(result.reply)))
  }

  /**
   * A change made by the server itself (the control document): applied, logged
   * like any update, and broadcast to everyone once committed.
   */
  serverChange(change: (doc: Y.Doc) => void): void {
    this.publish(
      this.changes(() => this.doc.transact(() => change(this.doc), SERVER_ORIGIN)),
      null,
    )
  }

  private refuse(conn: Connection, reason: CloseReason, detail: string): void {
    this.deps.onRefused?.(this, conn, detail)
    conn.close(reason)
  }

  /** Closes every connection (eviction, shutdown). */
  closeAll(reason: CloseReason): void {
    for (const c of this.connections) c.close(reason)
  }
}
