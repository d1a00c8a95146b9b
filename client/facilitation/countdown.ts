/** Pure helpers of the workshop timer (unit-tested in countdown.test.ts). */
import type { TimerState } from '../../shared/control'

/**
 * Whole seconds left on the timer at server time `now` (0 once over; null
 * without a timer). Never more than its duration: the clock offset is an
 * estimate, and a 30-minute timer must not start at 30:01.
 */
export function secondsLeft(timer: TimerState | null, now: number): number | null {
  if (!timer) return null
  const left = Math.ceil((timer.endsAt - now) / 1000)
  return Math.max(0, Math.min(Math.ceil(timer.durationMs / 1000), left))
}

/** "m:ss", or "h:mm:ss" from an hour. */
export function formatCountdown(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}
