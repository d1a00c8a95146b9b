/**
 * Loads rooms on their first connection and unloads them when idle, so memory
 * follows the number of active workshops, not the number ever opened.
 */
import type { TLSchema } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { META_MAP, parseDocName, RECORDS_ARRAY } from '../../shared/boardDoc'
import { CloseCodes, type CloseReason } from '../../shared/protocol'
import type { Session } from '../auth/sessions'
import type { Logger } from '../logger'
import type { Store } from '../storage/store'
import { Compactor } from './compactor'
import type { Connection } from './connection'
import { Room, type RoomDeps } from './room'
import { UpdateWriter } from './updateWriter'

export interface RoomManagerOptions {
  store: Store
  schema: TLSchema
  logger: Logger
  idleMs: number
  compactAfterUpdates: number
  /** Board and control documents loaded at once. */
  maxLoadedRooms: number
  /** Drafts documents loaded at once, counted apart (see open). */
  maxLoadedDrafts: number
  maxAwarenessBytes: number
  /** Why `conn` may not write into room `name` now, or null (see RoomDeps.writeRefusal). */
  writeRefusal(conn: Connection, name: string): CloseReason | null
  /** Runs once a room is loaded, before any connection attaches (e.g. publish the control state). */
  onLoad?(room: Room): Promise<void>
  /** Runs after every accepted update (a client's or the server's), once it is applied and appended. */
  onUpdate?(room: Room): void
  /** Runs after each group commit of the log: how many updates, in how many ms (metrics). */
  onCommit?(entries: number, ms: number): void
  /** See RoomDeps.onDelivered (metrics). */
  onDelivered?: RoomDeps['onDelivered']
  /** See RoomDeps: what this node made durable, and the awareness it accepted, for the other nodes. */
  onCommitted?: RoomDeps['onCommitted']
  onAwareness?: RoomDeps['onAwareness']
  /** A workshop's sessions changed here (rotation, erasure; `gone`: the workshop was deleted): for the other nodes. */
  onSessionsChanged?(workshopId: string, gone: boolean): void
}

export class RoomLimitError extends Error {}

const isDraftsName = (name: string) => parseDocName(name).kind === 'drafts'

/** The room's documents are being erased: refused like a full server (503), for that moment only. */
export class RoomErasingError extends RoomLimitError {}

interface Loaded {
  room: Room
  /** Log entries since the last compaction (approximate: counted, not queried). */
  logLength: number
  idleTimer: NodeJS.Timeout | null
}

export class RoomManager {
  readonly writer: UpdateWriter
  private readonly compactor: Compactor
  private readonly loaded = new Map<string, Loaded>()
  private readonly loading = new Map<string, Promise<Loaded>>()
  private readonly unloading = new Map<string, Promise<void>>()
  /** Prefixes of room names being erased (withRoomsClosed): no room of them opens meanwhile. */
  private readonly erasing = new Set<string>()

  constructor(private readonly opts: RoomManagerOptions) {
    this.compactor = new Compactor(opts.store)
    this.writer = new UpdateWriter(opts.store, {
      onCommitError: (error) => {
        // Callbacks of the failed batch are gone: every loaded room may have
        // clients waiting on them. Drop all rooms; clients resync from the store.
        opts.logger.error({ event: 'commit_failed', error: String(error) })
        for (const l of [...this.loaded.values()]) this.evict(l.room, CloseCodes.storageFailure)
      },
      onCommit: opts.onCommit,
    })
  }

  get size(): number {
    return this.loaded.size
  }

  /** Every loaded room. */
  loadedRooms(): Room[] {
    return [...this.loaded.values()].map((l) => l.room)
  }

  /** The room if it is loaded (no loading). */
  loadedRoom(name: string): Room | null {
    return this.loaded.get(name)?.room ?? null
  }

  /** The loaded room for `name`, loading it from the store if needed. */
  async open(name: string): Promise<Room> {
    const existing = this.loaded.get(name)
    if (existing) return existing.room
    const pending = this.loading.get(name)
    if (pending) return (await pending).room
    for (const prefix of this.erasing) if (name.startsWith(prefix)) throw new RoomErasingError('room being erased')
    // Drafts documents have their own budget: every participant on a board page holds theirs
    // open, so a plenary of 200 would otherwise take 200 of the shared documents' places and
    // the next workshop would be refused. A drafts document is small (one person's notes), and
    // a full drafts budget only holds back private writing, never the board itself.
    const drafts = isDraftsName(name)
    if (this.countLoaded(drafts) >= (drafts ? this.opts.maxLoadedDrafts : this.opts.maxLoadedRooms))
      throw new RoomLimitError(drafts ? 'too many drafts documents loaded' : 'too many rooms loaded')
    const job = this.load(name).finally(() => this.loading.delete(name))
    this.loading.set(name, job)
    return (await job).room
  }

  /** Documents loaded or loading, drafts or the others. */
  private countLoaded(drafts: boolean): number {
    let n = 0
    for (const names of [this.loaded.keys(), this.loading.keys()])
      for (const name of names) if (isDraftsName(name) === drafts) n++
    return n
  }

  attach(room: Room, conn: Connection): void {
    const l = this.loaded.get(room.name)
    if (!l || l.room !== room) {
      conn.close(CloseCodes.serviceRestart)
      return
    }
    if (l.idleTimer) clearTimeout(l.idleTimer)
    l.idleTimer = null
    room.join(conn)
  }

  detach(room: Room, conn: Connection): void {
    room.leave(conn)
    const l = this.loaded.get(room.name)
    if (!l || l.room !== room || room.connections.size > 0) return
    l.idleTimer = setTimeout(() => void this.unload(room.name), this.opts.idleMs)
    l.idleTimer.unref()
  }

  /** Counts an accepted update; compacts in the background past the threshold. */
  noteUpdate(room: Room): void {
    const l = this.loaded.get(room.name)
    if (!l) return
    this.opts.onUpdate?.(room)
    // While one compaction runs the count keeps growing, so the first update after it
    // starts the next: a burst must not leave its log unfolded until the room unloads.
    if (++l.logLength >= this.opts.compactAfterUpdates && !this.compactor.isRunning(room.name)) {
      l.logLength = 0
      void this.compact(room.name)
    }
  }

  private async compact(name: string): Promise<void> {
    const started = performance.now()
    try {
      const folded = await this.compactor.compact(name)
      const ms = Math.round(performance.now() - started)
      this.opts.logger.info({ event: 'room_compacted', room: name, ...folded, ms })
    } catch (e) {
      this.opts.logger.warn({ event: 'compaction_failed', room: name, error: String(e) })
      return
    }
    // It folded what was committed when it started; a burst that came meanwhile (or whose
    // commits lagged, as PostgreSQL's may) starts the next one now, not at the next update.
    const l = this.loaded.get(name)
    if (l && l.logLength >= this.opts.compactAfterUpdates) {
      l.logLength = 0
      void this.compact(name)
    }
  }

  /** Drops a room whose document may no longer match the log; clients reconnect and resync. */
  evict(room: Room, reason: CloseReason = CloseCodes.serviceRestart): void {
    const l = this.loaded.get(room.name)
    if (!l || l.room !== room) return
    if (l.idleTimer) clearTimeout(l.idleTimer)
    this.loaded.delete(room.name)
    room.closeAll(reason)
    room.doc.destroy()
  }

  async unload(name: string): Promise<void> {
    const l = this.loaded.get(name)
    if (!l || l.room.connections.size > 0) return
    this.loaded.delete(name)
    const job = (async () => {
      await this.writer.flush()
      await this.compactor.settled(name)
      if (l.logLength > 0) await this.compact(name)
      l.room.doc.destroy()
      this.opts.logger.info({ event: 'room_unloaded', room: name })
    })().finally(() => this.unloading.delete(name))
    this.unloading.set(name, job)
    await job
  }

  /** Tells the other nodes that sessions of `workshopId` were revoked, or the workshop deleted (see BusBridge). */
  sessionsChanged(workshopId: string, gone = false): void {
    this.opts.onSessionsChanged?.(workshopId, gone)
  }

  /**
   * Closes, in every loaded room, the connections whose session matches (e.g. those
   * a rotated link gave: 4401); answers how many were closed.
   */
  closeSessions(match: (session: Session) => boolean, reason: CloseReason): number {
    let closed = 0
    for (const { room } of this.loaded.values()) {
      for (const conn of room.connections) {
        if (conn.closed || !match(conn.session)) continue
        conn.close(reason)
        closed++
      }
    }
    return closed
  }

  /**
   * Runs `erase` (which deletes documents named `<prefix>…` from the store) with no room
   * of them loaded: their connections are closed with `reason`, what they wrote is
   * flushed and compactions have settled first, and none opens until `erase` is done —
   * so nothing of them is written back after it.
   */
  async withRoomsClosed<T>(prefix: string, reason: CloseReason, erase: () => Promise<T>): Promise<T> {
    this.erasing.add(prefix)
    try {
      const matching = (names: Iterable<string>) => [...names].filter((n) => n.startsWith(prefix))
      await Promise.allSettled(matching(this.loading.keys()).map((n) => this.loading.get(n)))
      for (const name of matching(this.loaded.keys())) {
        const l = this.loaded.get(name) as Loaded
        if (l.idleTimer) clearTimeout(l.idleTimer)
        this.loaded.delete(name)
        l.room.closeAll(reason)
        l.room.doc.destroy()
      }
      await Promise.allSettled(matching(this.unloading.keys()).map((n) => this.unloading.get(n)))
      await this.writer.flush()
      await this.compactor.idle()
      return await erase()
    } finally {
      this.erasing.delete(prefix)
    }
  }

  /** Closes every connection with "server restarting", flushes the log, stops the worker. */
  async shutdown(): Promise<void> {
    for (const l of this.loaded.values()) {
      if (l.idleTimer) clearTimeout(l.idleTimer)
      l.room.closeAll(CloseCodes.serviceRestart)
    }
    await this.writer.flush()
    await Promise.allSettled(this.unloading.values())
    await this.compactor.close()
    this.loaded.clear()
  }

  private async load(name: string): Promise<Loaded> {
    await this.unloading.get(name)
    const stored = await this.opts.store.loadDoc(name)
    const doc = new Y.Doc({ gc: true })
    doc.getArray(RECORDS_ARRAY)
    doc.getMap(META_MAP)
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
      for (const u of stored.updates) Y.applyUpdate(doc, u)
    })
    const room = new Room(name, doc, {
      writer: this.writer,
      schema: this.opts.schema,
      maxAwarenessBytes: this.opts.maxAwarenessBytes,
      writeRefusal: (conn) => this.opts.writeRefusal(conn, name),
      onCorrupted: (r) => this.evict(r),
      onRefused: (r, conn, reason) =>
        this.opts.logger.info({ event: 'message_refused', room: r.name, participant: conn.participantId, reason }),
      onUpdate: (r) => this.noteUpdate(r),
      onDelivered: this.opts.onDelivered,
      onCommitted: this.opts.onCommitted,
      onAwareness: this.opts.onAwareness,
    })
    await this.opts.onLoad?.(room)
    this.opts.logger.info({ event: 'room_loaded', room: name, logEntries: stored.updates.length })
    const l: Loaded = { room, logLength: stored.updates.length, idleTimer: null }
    this.loaded.set(name, l)
    // Unloaded again unless a connection attaches (a refused upgrade must not pin it).
    l.idleTimer = setTimeout(() => void this.unload(name), this.opts.idleMs)
    l.idleTimer.unref()
    return l
  }
}
