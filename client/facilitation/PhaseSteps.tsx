/**
 * The workshop's phases, the current one marked. Everyone sees them; the
 * facilitator also moves between them — previous, next, or straight to any
 * phase (skipping and going back are allowed: the server only records it).
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { PHASES, type Phase } from '../../shared/control'
import { useWorkshop } from '../board/workshopContext'
import type { ApiAction } from './useApiAction'

export function PhaseSteps({ current, action }: { current: Phase; action: ApiAction | null }) {
  const { t } = useTranslation()
  const { api } = useWorkshop()
  const index = PHASES.indexOf(current)
  const previous = PHASES[index - 1]
  const next = PHASES[index + 1]
  // On a narrow screen the steps scroll sideways: keep the current one in view.
  const currentStep = useRef<HTMLLIElement>(null)
  useEffect(() => {
    if (current) currentStep.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' })
  }, [current])
  // A disabled arrow keeps a name: screen readers still list it as a button.
  const previousLabel = previous
    ? t('facilitation.phaseNav.previous', { phase: t(`facilitation.phase.${previous}`) })
    : t('facilitation.phaseNav.noPrevious')
  const nextLabel = next
    ? t('facilitation.phaseNav.next', { phase: t(`facilitation.phase.${next}`) })
    : t('facilitation.phaseNav.noNext')
  const choose = (phase: Phase) => {
    if (phase !== current) void action?.run(() => api.setPhase(phase))
  }
  const steps = (
    <ol className="phase-steps" aria-label={t('facilitation.phases')}>
      {PHASES.map((phase) => (
        <li
          key={phase}
          ref={phase === current ? currentStep : undefined}
          className={phase === current ? 'is-current' : undefined}
          aria-current={phase === current ? 'step' : undefined}
          data-testid={`phase-${phase}`}
        >
          {action ? (
            <button type="button" onClick={() => choose(phase)} data-testid={`phase-choose-${phase}`}>
              {t(`facilitation.phase.${phase}`)}
            </button>
          ) : (
            t(`facilitation.phase.${phase}`)
          )}
        </li>
      ))}
    </ol>
  )
  if (!action) return steps
  return (
    <div className="bar-group phase-control">
      <button
        type="button"
        className="bar-button"
        disabled={!previous}
        onClick={() => previous && choose(previous)}
        aria-label={previousLabel}
        title={previousLabel}
        data-testid="phase-previous"
      >
        <span aria-hidden="true">‹</span>
      </button>
      {steps}
      <button
        type="button"
        className="bar-button"
        disabled={!next}
        onClick={() => next && choose(next)}
        aria-label={nextLabel}
        title={nextLabel}
        data-testid="phase-next"
      >
        <span aria-hidden="true">›</span>
      </button>
    </div>
  )
}
