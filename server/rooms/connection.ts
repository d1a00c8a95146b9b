/**
 * One participant's WebSocket in a room: who it is (from the verified session),
 * what it may do, and how fast it may talk.
 */
import type { WebSocket } from 'ws'
import type { CloseReason } from '../../shared/protocol'
import type { Session } from '../auth/sessions'

/** Bursts up to this many seconds' worth of messages pass (a paste, a reconnect's catch-up). */
const BURST_SECONDS = 5

export class Connection {
  closed = false
  /** When the room last asked this client to resynchronise (Room.requestResync). */
  resyncRequestedAt = 0
  private tokens: number
  private refilledAt = Date.now()

  constructor(
    readonly socket: WebSocket,
    readonly session: Session,
    private readonly maxMessagesPerSecond: number,
  ) {
    this.tokens = maxMessagesPerSecond * BURST_SECONDS
  }

  get participantId(): string {
    return this.session.participantId
  }

  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(message, { binary: true })
  }

  close(reason: CloseReason): void {
    if (this.closed) return
    this.closed = true
    this.socket.close(reason.code, reason.reason)
  }

  /** Counts one message against a token bucket; false when the connection is over its rate. */
  admit(now = Date.now()): boolean {
    const capacity = this.maxMessagesPerSecond * BURST_SECONDS
    this.tokens = Math.min(capacity, this.tokens + ((now - this.refilledAt) / 1000) * this.maxMessagesPerSecond)
    this.refilledAt = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
