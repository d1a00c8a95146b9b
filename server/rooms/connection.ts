/**
 * One participant's WebSocket in a room: who it is (from the verified session),
 * what it may do, and how fast it may talk.
 */
import type { WebSocket } from 'ws'
import type { CloseReason } from '../../shared/protocol'
import type { Session } from '../auth/sessions'

export class Connection {
  /** The awareness client id this connection speaks for, once it has announced one. */
  awarenessClientId: number | null = null
  private windowStart = 0
  private windowCount = 0
  closed = false

  constructor(
    readonly socket: WebSocket,
    readonly session: Session,
    private readonly maxMessagesPerSecond: number,
  ) {}

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

  /** Counts one message; false when the connection went over its rate. */
  admit(now = Date.now()): boolean {
    if (now - this.windowStart >= 1000) {
      this.windowStart = now
      this.windowCount = 0
    }
    this.windowCount++
    return this.windowCount <= this.maxMessagesPerSecond
  }
}
