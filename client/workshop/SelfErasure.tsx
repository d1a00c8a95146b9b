/**
 * « Effacer mon nom et quitter » (right to erasure, self-service): a
 * participant or an observer erases their own name from the workshop, from
 * the board's top bar or the list view's header. The confirmation (ConfirmStep,
 * under the bar) says what is erased and what stays; then the server erases
 * them, closes their connections and clears their session cookie, and the page
 * says it is done (WorkshopPage). Facilitators do not get it: they would lose
 * the workshop's control (the admin deletes the workshop instead).
 */
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionResponse } from '../../shared/api'
import { workshopApi } from '../api'
import { ConfirmStep, useConfirmedRequest } from '../ConfirmStep'

export function SelfErasure({ session, onErased }: { session: SessionResponse; onErased(): void }) {
  const { t } = useTranslation()
  const stepId = useId()
  const step = useConfirmedRequest(async () => {
    await workshopApi(session.workshop.id).removeParticipant(session.participantId)
    onErased()
  })
  if (session.role === 'facilitator') return null

  return (
    <div className="self-erasure">
      <button
        ref={step.opener}
        type="button"
        className="self-erasure__open"
        aria-expanded={step.confirming}
        aria-controls={step.confirming ? stepId : undefined}
        onClick={step.confirming ? step.cancel : step.open}
        data-testid="self-erase"
      >
        {t('selfErasure.open')}
      </button>
      {step.confirming && (
        <div id={stepId} className="self-erasure__step">
          <ConfirmStep
            question={t('selfErasure.question')}
            what={t(session.role === 'observer' ? 'selfErasure.whatObserver' : 'selfErasure.what')}
            confirmLabel={t('selfErasure.confirm')}
            busyLabel={t('selfErasure.erasing')}
            busy={step.busy}
            onConfirm={() => void step.confirm()}
            onCancel={step.cancel}
            danger
            testId="self-erase-step"
            confirmTestId="self-erase-confirm"
          />
          {step.error && (
            <p className="error" role="alert">
              {step.error}
            </p>
          )}
        </div>
      )}
    </div>
  )
}
