/**
 * Reconnect back-off with full jitter.
 *
 * The stock y-websocket provider waits min(2^n × 100 ms, maxBackoffTime)
 * before its n-th attempt, the same for every client: when the server restarts
 * (close 1012 to everyone at once), every tab retries at the same instants
 * and the restarted server gets the whole workshop in the same few
 * milliseconds, again and again. With full jitter each attempt waits a random
 * time in [0, that ceiling], so the attempts spread over the window and the
 * average wait halves.
 *
 * The provider keeps scheduling its own reconnects (so `shouldConnect`,
 * `connect()`, the status events and everything listening to them stay as
 * they are): it emits 'connection-close' and only then reads maxBackoffTime to
 * schedule the next attempt, so setting maxBackoffTime to our random delay on
 * that event makes its wait min(ceiling, delay) = delay. The reconnect
 * integration test (tests/integration/reconnectJitter.test.ts) fails if a
 * y-websocket release stops honouring this.
 */
import type { WebsocketProvider } from 'y-websocket'

/** The stock provider's first step: the n-th attempt's ceiling is 2^n × this. */
const BASE_MS = 100
export const MAX_BACKOFF_MS = 5000

/** The ceiling of the wait before the `attempt`-th reconnect (1 for the first): the stock schedule. */
export function backoffCeiling(attempt: number, maxMs = MAX_BACKOFF_MS): number {
  return Math.min(2 ** attempt * BASE_MS, maxMs)
}

/** The wait before the `attempt`-th reconnect: uniform in [0, ceiling]; `random` in [0, 1). */
export function jitteredDelay(attempt: number, random: () => number = Math.random, maxMs = MAX_BACKOFF_MS): number {
  return Math.floor(random() * (backoffCeiling(attempt, maxMs) + 1))
}

/** Makes the provider wait a jittered delay before each reconnect. */
export function jitterReconnects(provider: WebsocketProvider, random: () => number = Math.random): void {
  provider.on('connection-close', () => {
    // The provider counts this close as a failed attempt right after this event; the attempt it
    // schedules next is that count's.
    provider.maxBackoffTime = jitteredDelay(provider.wsUnsuccessfulReconnects + 1, random)
  })
}
