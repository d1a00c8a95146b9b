/**
 * What a WebSocket close code from the sync gateway means for the person at
 * the screen (codes and the fatal set in shared/protocol.ts).
 */
import { CloseCodes, FATAL_CLOSE_CODES, REBUILD_CLOSE_CODES } from '../../shared/protocol'

/** Why the connection will not come back without the user doing something. */
export type FatalReason = 'readOnly' | 'sessionRevoked' | 'invalidMessage' | 'rateLimited' | 'sessionExpired'

export type CloseMeaning =
  | { kind: 'fatal'; reason: FatalReason }
  /** Our copy holds a write the server refused (board locked): start again from the server's state. */
  | { kind: 'rebuild' }
  /** Transient: the provider reconnects by itself (server restart, storage hiccup, network). */
  | { kind: 'retry'; tooBig: boolean }

export function closeMeaning(code: number | undefined): CloseMeaning {
  if (code !== undefined && FATAL_CLOSE_CODES.has(code)) {
    switch (code) {
      case CloseCodes.readOnly.code:
        return { kind: 'fatal', reason: 'readOnly' }
      case CloseCodes.sessionRevoked.code:
        return { kind: 'fatal', reason: 'sessionRevoked' }
      case CloseCodes.rateLimited.code:
        return { kind: 'fatal', reason: 'rateLimited' }
      default:
        return { kind: 'fatal', reason: 'invalidMessage' }
    }
  }
  if (code !== undefined && REBUILD_CLOSE_CODES.has(code)) return { kind: 'rebuild' }
  return { kind: 'retry', tooBig: code === CloseCodes.messageTooBig.code }
}

/**
 * y-websocket's `shouldReconnect`: stop exactly on our fatal codes, and on the
 * rebuild ones, whose document must not come back (useBoardConnection opens a
 * fresh one). (Together they are the 4400–4499 range, which is also
 * y-websocket's default; saying it here keeps the client right if the server's
 * list changes.)
 */
export function shouldReconnect(event: { code: number }): boolean {
  return !FATAL_CLOSE_CODES.has(event.code) && !REBUILD_CLOSE_CODES.has(event.code)
}
