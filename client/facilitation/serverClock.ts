/**
 * The server's clock as seen from here: timers end at a server time
 * (`TimerState.endsAt`), so every screen must show the same countdown whatever
 * its own clock says. The offset is estimated from `GET /api/time`, taking the
 * middle of the round trip (NTP's rule), and kept from the fastest of a few
 * probes, whose midpoint is the most accurate.
 */
import { apiRequest } from '../api'

export interface ServerClock {
  /** Server time now, in ms since the epoch. */
  now(): number
}

export function offsetFrom(sentAt: number, serverNow: number, receivedAt: number): { offset: number; rtt: number } {
  return { offset: serverNow - (sentAt + receivedAt) / 2, rtt: receivedAt - sentAt }
}

export function createServerClock(probes = 3): ServerClock {
  let best: { offset: number; rtt: number } | null = null
  const probe = async () => {
    const sentAt = Date.now()
    const { now } = await apiRequest<{ now: number }>('/api/time')
    const sample = offsetFrom(sentAt, now, Date.now())
    if (!best || sample.rtt < best.rtt) best = sample
  }
  void (async () => {
    for (let i = 0; i < probes; i++) await probe().catch(() => {})
  })()
  return { now: () => Date.now() + (best?.offset ?? 0) }
}
