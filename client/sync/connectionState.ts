/**
 * The connection state shown to people, derived from the provider's events.
 *
 *   connected   the socket is open
 *   connecting  first connection, or reconnecting after a short drop / a
 *               server restart (1012) / a refused write on a locked board
 *               (4423, a fresh document is opened), or the open socket has
 *               gone silent (delivery.ts: 'stale') — « Reconnexion… »
 *   offline     the browser says it is offline, several attempts in a row
 *               failed, or a socket was given up as dead (delivery.ts:
 *               'timeout': the network drops everything without a word)
 *               — « Hors ligne — vos modifications sont conservées »
 *   refused     the server closed with a fatal code: nothing will reconnect
 *               without the user (reload, new link)
 *
 * Pure reducer, so the rules are testable without a socket.
 */
import { closeMeaning, type FatalReason } from './closeCodes'
import type { DeliveryEvent } from './delivery'

export type ConnectionPhase = 'connected' | 'connecting' | 'offline' | 'refused'

export interface ConnectionState {
  phase: ConnectionPhase
  /** Whether a connection was ever open (first « Connexion… » vs « Reconnexion… »). */
  everConnected: boolean
  /** Consecutive closes without a successful connection in between. */
  failures: number
  browserOnline: boolean
  fatal: FatalReason | null
  /** The last close was "message too big" (1009): an edit cannot be sent as is. */
  tooBig: boolean
  /** The socket is open but the server has not answered a probe for a while. */
  stale: boolean
  /** Records changed here that the server has not acknowledged (delivery.ts). */
  unsent: number
}

export type ConnectionEvent =
  | { type: 'status'; status: 'connected' | 'connecting' | 'disconnected' }
  | { type: 'close'; code: number | undefined }
  | { type: 'browser'; online: boolean }
  | { type: 'fatal'; reason: FatalReason }
  | DeliveryEvent

/** After this many failed attempts in a row, say « Hors ligne » instead of « Reconnexion… ». */
export const OFFLINE_AFTER_FAILURES = 4

export function initialConnectionState(browserOnline = true): ConnectionState {
  return {
    phase: 'connecting',
    everConnected: false,
    failures: 0,
    browserOnline,
    fatal: null,
    tooBig: false,
    stale: false,
    unsent: 0,
  }
}

function phaseOf(s: Omit<ConnectionState, 'phase'>, open: boolean): ConnectionPhase {
  if (s.fatal) return 'refused'
  if (open) return s.stale ? 'connecting' : 'connected'
  if (!s.browserOnline || s.failures >= OFFLINE_AFTER_FAILURES) return 'offline'
  return 'connecting'
}

export function reduceConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  if (event.type === 'unsent') return { ...state, unsent: event.count } // counted whatever the phase
  if (state.fatal) return state // nothing un-refuses a connection but a reload
  let next: Omit<ConnectionState, 'phase'> = state
  // A stale socket is still open (stale is cleared whenever it closes).
  let open = state.phase === 'connected' || state.stale
  switch (event.type) {
    case 'status':
      if (event.status === 'connected') {
        next = { ...state, everConnected: true, failures: 0, tooBig: false, stale: false }
        open = true
      } else {
        open = false
        next = { ...state, stale: false }
      }
      break
    case 'close': {
      open = false
      const meaning = closeMeaning(event.code)
      next =
        meaning.kind === 'fatal'
          ? { ...state, fatal: meaning.reason }
          : meaning.kind === 'rebuild'
            ? { ...state, tooBig: false } // not a failure: the server answered, a fresh connection follows
            : { ...state, failures: state.failures + 1, tooBig: meaning.tooBig }
      break
    }
    case 'browser':
      next = { ...state, browserOnline: event.online }
      break
    case 'fatal':
      open = false
      next = { ...state, fatal: event.reason }
      break
    case 'stale':
      next = { ...state, stale: true }
      break
    case 'answered':
      next = { ...state, stale: false }
      break
    case 'timeout':
      // Not a refused connection: packets vanish. Saying « Reconnexion… » for the next
      // few attempts (each waits for its own timeout) would hide that for a minute.
      open = false
      next = { ...state, stale: false, failures: Math.max(state.failures + 1, OFFLINE_AFTER_FAILURES) }
      break
  }
  return { ...next, phase: phaseOf(next, open) }
}
