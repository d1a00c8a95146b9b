/**
 * Joins this node's rooms to the other nodes' through a Bus (server/bus/bus.ts):
 *
 * - what a room here makes durable, and the awareness it accepts, is published;
 * - what another node published is applied to the room here, if it is loaded (if not,
 *   it will load from the store, which already holds it), and sent to its clients;
 * - on every (re)subscription each loaded room reads the store back, since pub/sub
 *   kept nothing for us meanwhile; an update that builds on something missing does
 *   the same for its room;
 * - the control state changed elsewhere (or a control document was caught up): the
 *   board lock is read again and the control document here re-derived from the store,
 *   so that two nodes writing vote counts at once end with the database's figures
 *   (only keys whose value differs from the store's are written);
 * - the sessions of a workshop changed elsewhere (a rotated link, an erasure): every
 *   connection of it here is checked against the store again, drafts documents are
 *   dropped (one may have been erased), and if the workshop is gone all its rooms.
 */
import { parseDocName } from '../../shared/boardDoc'
import { CloseCodes } from '../../shared/protocol'
import type { FacilitationService } from '../facilitation/facilitationService'
import type { Logger } from '../logger'
import { type AwarenessEntry, readAwarenessUpdate, writeAwarenessUpdate } from '../rooms/messages'
import type { Room } from '../rooms/room'
import type { RoomManager } from '../rooms/roomManager'
import type { Store } from '../storage/store'
import { type Bus, BusKind, type BusMessage } from './bus'

/** What happened to a workshop's sessions (payload of a sessions message). */
export const SessionsChange = { revoked: 0, workshopGone: 1 } as const
export type SessionsChange = (typeof SessionsChange)[keyof typeof SessionsChange]

export interface BusCounters {
  published: number
  received: number
  dropped: number
  catchUps: number
}

export class BusBridge {
  readonly counters: BusCounters = { published: 0, received: 0, dropped: 0, catchUps: 0 }
  private bus: Bus | null = null
  /**
   * Workshops whose control state is being re-derived, dirty when told again meanwhile: one
   * more run then follows (at most one running and one pending per workshop), so that a burst
   * of control messages (250 votes cast elsewhere) costs a few store reads, not one each.
   */
  private readonly rederiving = new Map<string, { dirty: boolean }>()
  private closed = false

  constructor(
    private readonly deps: {
      rooms: () => RoomManager
      store: Store
      facilitation: FacilitationService
      logger: Logger
    },
  ) {}

  attach(bus: Bus): void {
    this.bus = bus
  }

  async close(): Promise<void> {
    this.closed = true
    await this.bus?.close()
    this.bus = null
  }

  // — what this node tells the others —

  committed(room: Room, updates: readonly Uint8Array[]): void {
    for (const payload of updates) this.publish(BusKind.update, room.name, payload)
  }

  awareness(room: Room, entries: readonly AwarenessEntry[]): void {
    this.publish(BusKind.awareness, room.name, writeAwarenessUpdate(entries))
  }

  controlChanged(workshopId: string): void {
    this.publish(BusKind.control, workshopId, new Uint8Array())
  }

  sessionsChanged(workshopId: string, change: SessionsChange): void {
    this.publish(BusKind.sessions, workshopId, Uint8Array.of(change))
  }

  private publish(kind: BusKind, target: string, payload: Uint8Array): void {
    if (!this.bus) return
    this.counters.published++
    this.bus.publish({ kind, target, payload })
  }

  // — what the others tell this node —

  dropped(detail: string): void {
    this.counters.dropped++
    this.deps.logger.warn({ event: 'bus_message_dropped', error: detail })
  }

  receive(m: BusMessage): void {
    this.counters.received++
    try {
      if (m.kind === BusKind.sessions) return void this.onSessions(m.target, m.payload[0] as SessionsChange)
      if (m.kind === BusKind.control) return this.rederive(m.target)
      const room = this.deps.rooms().loadedRoom(m.target)
      if (!room) return
      if (m.kind === BusKind.awareness) return room.applyRemoteAwareness(readAwarenessUpdate(m.payload))
      if (!room.applyRemote(m.payload)) void this.catchUp(room)
    } catch (error) {
      // Another node sent what it validated; anything undecodable is a bug or a stranger on the channel.
      this.counters.dropped++
      this.deps.logger.warn({ event: 'bus_message_dropped', target: m.target, error: String(error) })
    }
  }

  /** Every loaded room reads the store back (after a (re)subscription: messages may have been lost). */
  async catchUpAll(): Promise<void> {
    const rooms = this.deps.rooms().loadedRooms()
    // Control changes told meanwhile were lost too: every workshop open here reads its lock again.
    for (const workshopId of new Set(rooms.map((r) => parseDocName(r.name).workshopId))) this.rederive(workshopId)
    await Promise.all(rooms.map((room) => this.catchUp(room)))
  }

  private async catchUp(room: Room): Promise<void> {
    this.counters.catchUps++
    try {
      const stored = await this.deps.store.loadDoc(room.name)
      if (this.deps.rooms().loadedRoom(room.name) !== room) return
      const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
      let complete = true
      for (const part of parts) complete = room.applyRemote(part)
      // Still incomplete: the store is behind a message (its commit not visible yet); reload the room.
      if (!complete) this.deps.rooms().evict(room)
    } catch (error) {
      this.deps.logger.warn({ event: 'bus_catch_up_failed', room: room.name, error: String(error) })
    }
  }

  private rederive(workshopId: string): void {
    const pending = this.rederiving.get(workshopId)
    if (pending) {
      pending.dirty = true
      return
    }
    const entry = { dirty: false }
    this.rederiving.set(workshopId, entry)
    void this.rederiveWhileDirty(workshopId, entry)
  }

  /**
   * Re-derives at once (a lock decided elsewhere must hold here without delay), then once more
   * as long as more was told while it ran: what a burst tells meanwhile makes one more run.
   */
  private async rederiveWhileDirty(workshopId: string, entry: { dirty: boolean }): Promise<void> {
    do {
      if (this.closed) break
      // Told from now on: possibly after this run's reads, so one more run.
      entry.dirty = false
      try {
        await this.deps.facilitation.refresh(workshopId)
        // Written here, not told again: the node that changed it told everyone.
        await this.deps.facilitation.rewrite(workshopId)
      } catch (error) {
        this.deps.logger.warn({ event: 'bus_control_failed', workshop: workshopId, error: String(error) })
      }
    } while (entry.dirty)
    this.rederiving.delete(workshopId)
  }

  private async onSessions(workshopId: string, change: SessionsChange): Promise<void> {
    const rooms = this.deps.rooms()
    const mine = rooms.loadedRooms().filter((r) => parseDocName(r.name).workshopId === workshopId)
    const gone = change === SessionsChange.workshopGone
    // A workshop gone drops what is cached of it. Otherwise the lock is read again with the
    // cached value holding meanwhile (forgotten, it would read unlocked during the store read);
    // either way the drafts counts are dropped now, before the drafts rooms are evicted.
    const lockRead = gone ? undefined : this.deps.facilitation.refresh(workshopId)
    if (gone) this.deps.facilitation.forget(workshopId)
    for (const room of mine) {
      const kind = parseDocName(room.name).kind
      if (gone || kind === 'drafts') rooms.evict(room, CloseCodes.sessionRevoked)
    }
    if (gone) return
    await lockRead
    // A lock not cached here yet is not read by refresh: prepare reads it, as before.
    await this.deps.facilitation.prepare(workshopId)
    const connections = mine.flatMap((room) => [...room.connections])
    const active = await Promise.all(connections.map((c) => this.deps.store.getActiveParticipant(c.participantId)))
    connections.forEach((conn, i) => {
      if (!active[i] || active[i]?.workshopId !== workshopId) conn.close(CloseCodes.sessionRevoked)
    })
  }
}
