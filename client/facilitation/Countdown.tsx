/** The timer everyone sees: the same countdown on every screen (server time). */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TimerState } from '../../shared/control'
import { formatCountdown, secondsLeft } from './countdown'
import type { ServerClock } from './serverClock'

export function Countdown({ timer, clock }: { timer: TimerState | null; clock: ServerClock }) {
  const { t } = useTranslation()
  // Re-render a few times a second while a timer runs; the time is read at render, so a
  // timer that just started never shows a stale "now" (every screen the same second).
  const [, setTick] = useState(0)
  useEffect(() => {
    if (!timer) return
    const tick = setInterval(() => setTick((n) => n + 1), 250)
    return () => clearInterval(tick)
  }, [timer])
  const left = secondsLeft(timer, clock.now())
  if (left === null) return null
  return (
    <span
      className={`countdown${left === 0 ? ' is-over' : left <= 60 ? ' is-ending' : ''}`}
      data-testid="countdown"
      data-seconds={left}
      role="timer"
      aria-label={t('facilitation.timer.label', { time: formatCountdown(left) })}
    >
      {left === 0 ? t('facilitation.timer.over') : formatCountdown(left)}
    </span>
  )
}
