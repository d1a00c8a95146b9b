/**
 * A `ws` WebSocket class that notes, in one log, when each socket is created
 * (a connection attempt), when it opens (the server accepted the upgrade) and
 * how many messages it sends and receives — for tests of what a client does on the wire.
 */
import WebSocket from 'ws'

export interface SocketLog {
  /** performance.now() of each socket created. */
  attempts: number[]
  /** performance.now() of each socket opened. */
  opens: number[]
  /** Messages sent, all sockets together. */
  sent: number
  /** Messages received, all sockets together. */
  received: number
}

export function newSocketLog(): SocketLog {
  return { attempts: [], opens: [], sent: 0, received: 0 }
}

/** A WebSocket class for a provider's WebSocketPolyfill option, logging into `log`. */
export function loggingSocketClass(log: SocketLog): typeof globalThis.WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      log.attempts.push(performance.now())
      this.addEventListener('open', () => log.opens.push(performance.now()))
      this.addEventListener('message', () => log.received++)
    }
    // y-websocket only ever calls send(data).
    override send(data: Parameters<WebSocket['send']>[0]): void {
      log.sent++
      super.send(data)
    }
  } as unknown as typeof globalThis.WebSocket
}

/** The most of `times` (ms) falling within any window of `windowMs`. */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  let start = 0
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}
