/**
 * The facilitator's timer: start it with the current phase's planned duration
 * (the template's preset) or any number of minutes; once running, add a minute
 * or stop it. The countdown everyone sees is Countdown.tsx.
 */
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Phase, TimerState, WorkshopSettings } from '../../shared/control'
import { useWorkshop } from '../board/workshopContext'
import { secondsLeft } from './countdown'
import type { ApiAction } from './useApiAction'

/** The server accepts up to 24 h. */
const MAX_MINUTES = 24 * 60

export interface TimerControlsProps {
  phase: Phase
  timer: TimerState | null
  settings: WorkshopSettings
  action: ApiAction
}

export function TimerControls({ phase, timer, settings, action }: TimerControlsProps) {
  const { t } = useTranslation()
  const { api, control } = useWorkshop()
  const inputId = useId()
  const [minutes, setMinutes] = useState('')
  const [invalid, setInvalid] = useState(false)
  const presetMinutes = Math.max(1, Math.round(settings.phaseDurations[phase] / 60))

  if (timer) {
    const addMinute = () => {
      // From what is left now (server time), so the minute is added to every screen alike.
      const left = secondsLeft(timer, control.clock.now()) ?? 0
      void action.run(() => api.setTimer(Math.min(MAX_MINUTES * 60, left + 60)))
    }
    return (
      <div className="bar-group">
        <button type="button" className="bar-button" onClick={addMinute} data-testid="timer-add-minute">
          {t('facilitation.timer.addMinute')}
        </button>
        <button
          type="button"
          className="bar-button"
          onClick={() => void action.run(() => api.setTimer(null))}
          data-testid="timer-stop"
        >
          {t('facilitation.timer.stop')}
        </button>
      </div>
    )
  }

  const startCustom = (event: FormEvent) => {
    event.preventDefault()
    const value = Number(minutes)
    if (!Number.isInteger(value) || value < 1 || value > MAX_MINUTES) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    void action.run(() => api.setTimer(value * 60))
  }
  return (
    <div className="bar-group">
      <button
        type="button"
        className="bar-button"
        onClick={() => void action.run(() => api.setTimer(presetMinutes * 60))}
        title={t('facilitation.timer.presetHelp', { phase: t(`facilitation.phase.${phase}`) })}
        data-testid="timer-start-preset"
      >
        {t('facilitation.timer.startPreset', { minutes: presetMinutes })}
      </button>
      <form className="timer-custom" onSubmit={startCustom} noValidate>
        <label htmlFor={inputId} className="visually-hidden">
          {t('facilitation.timer.customLabel')}
        </label>
        <input
          id={inputId}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_MINUTES}
          step={1}
          value={minutes}
          placeholder={t('facilitation.timer.minutesPlaceholder')}
          onChange={(e) => {
            setMinutes(e.target.value)
            setInvalid(false)
          }}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${inputId}-error` : undefined}
          data-testid="timer-minutes"
        />
        <span aria-hidden="true">{t('facilitation.timer.minutesUnit')}</span>
        <button type="submit" className="bar-button" data-testid="timer-start-custom">
          {t('facilitation.timer.startCustom')}
        </button>
        {invalid && (
          <span id={`${inputId}-error`} className="bar-error" role="alert">
            {t('facilitation.timer.invalidMinutes', { max: MAX_MINUTES })}
          </span>
        )}
      </form>
    </div>
  )
}
