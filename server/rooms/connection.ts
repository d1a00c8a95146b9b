/**
 * One participant's WebSocket in a room: who it is (from the verified session),
 * what it may do, and how fast it may talk.
 */
import type { WebSocket } from 'ws'
import { CloseCodes, type CloseReason } from '../../shared/protocol'
import type { Session } from '../auth/sessions'
import type { RefusalReason } from '../metrics/serverMetrics'

/** Bursts up to this many seconds' worth pass (a paste, a reconnect's catch-up). */
const BURST_SECONDS = 5

export interface ConnectionRates {
  maxMessagesPerSecond: number
  maxBytesPerSecond: number
  /** The largest frame: the byte budget always holds one, whatever the rate. */
  maxFrameBytes: number
}

/** Whether a message may pass, and if not which budget it broke. */
export type Admission = 'ok' | 'messages' | 'bytes'

/** The close codes that mean "refused for what you sent", by metrics label; other closes are not refusals. */
const REFUSALS: ReadonlyMap<number, RefusalReason> = new Map([
  [CloseCodes.invalidMessage.code, 'invalid'],
  [CloseCodes.readOnly.code, 'read_only'],
  [CloseCodes.boardLocked.code, 'locked'],
  [CloseCodes.noteAuthor.code, 'note_author'],
  [CloseCodes.rateLimited.code, 'rate_limited'],
  [CloseCodes.messageTooBig.code, 'too_big'],
])

/** Refills continuously at `rate` per second up to `capacity`. */
class TokenBucket {
  private tokens: number
  private refilledAt: number

  constructor(
    private readonly rate: number,
    private readonly capacity: number,
    now: number,
  ) {
    this.tokens = capacity
    this.refilledAt = now
  }

  take(amount: number, now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) / 1000) * this.rate)
    this.refilledAt = now
    if (this.tokens < amount) return false
    this.tokens -= amount
    return true
  }
}

export class Connection {
  closed = false
  /** When the room last asked this client to resynchronise (Room.requestResync). */
  resyncRequestedAt = 0
  private readonly messages: TokenBucket
  private readonly bytes: TokenBucket

  constructor(
    readonly socket: WebSocket,
    readonly session: Session,
    rates: ConnectionRates,
    /** Told once, when the server closes this connection for something it sent. */
    private readonly onRefused: (reason: RefusalReason) => void = () => {},
    now = Date.now(),
  ) {
    const { maxMessagesPerSecond: m, maxBytesPerSecond: b } = rates
    this.messages = new TokenBucket(m, m * BURST_SECONDS, now)
    this.bytes = new TokenBucket(b, Math.max(b * BURST_SECONDS, rates.maxFrameBytes), now)
  }

  get participantId(): string {
    return this.session.participantId
  }

  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(message, { binary: true })
  }

  /**
   * Holds what is sent until `uncork`, so that several messages leave in one write (ws
   * corks around each frame; an outer cork makes those writes one writev). `_socket` is
   * ws's own net.Socket: not in its types, there since ws 1.
   */
  cork(): void {
    this.rawSocket()?.cork()
  }

  uncork(): void {
    this.rawSocket()?.uncork()
  }

  private rawSocket(): { cork(): void; uncork(): void } | undefined {
    return (this.socket as unknown as { _socket?: { cork(): void; uncork(): void } })._socket
  }

  /** Closes with `reason`; `refusal` names it for the metrics (by default from its code; null: not a refusal). */
  close(reason: CloseReason, refusal: RefusalReason | null = REFUSALS.get(reason.code) ?? null): void {
    if (this.closed) return
    this.closed = true
    if (refusal) this.onRefused(refusal)
    this.socket.close(reason.code, reason.reason)
  }

  /** Counts one message of `size` bytes against both budgets. */
  admit(size: number, now = Date.now()): Admission {
    if (!this.messages.take(1, now)) return 'messages'
    if (!this.bytes.take(size, now)) return 'bytes'
    return 'ok'
  }
}
