/**
 * « Retirer » one person from the workshop (facilitator): a confirmation in
 * the person's row (ConfirmStep) says what is erased and what stays, then the
 * server erases their name and drafts and disconnects them. Cancelling gives
 * the focus back to « Retirer »; after the removal the panel takes it (this
 * row is gone).
 */
import { useTranslation } from 'react-i18next'
import type { WorkshopParticipant } from '../../shared/api'
import { ConfirmStep, useConfirmedRequest } from '../ConfirmStep'

export function ParticipantRemoval({
  participant,
  remove,
}: {
  participant: WorkshopParticipant
  /** Resolves once the server has removed them (the row then leaves the list). */
  remove(): Promise<void>
}) {
  const { t } = useTranslation()
  const step = useConfirmedRequest(remove)
  const name = participant.name

  if (!step.confirming)
    return (
      <button
        ref={step.opener}
        type="button"
        className="bar-button"
        aria-label={t('facilitation.participants.removeLabel', { name })}
        onClick={step.open}
        data-testid="participant-remove"
      >
        {t('facilitation.participants.remove')}
      </button>
    )
  return (
    <div className="participant-removal">
      <ConfirmStep
        question={t('facilitation.participants.removeQuestion', { name })}
        what={t('facilitation.participants.removeWhat')}
        confirmLabel={t('facilitation.participants.removeConfirm')}
        busyLabel={t('facilitation.participants.removing')}
        busy={step.busy}
        onConfirm={() => void step.confirm()}
        onCancel={step.cancel}
        danger
        compact
        testId="participant-remove-step"
        confirmTestId="participant-remove-confirm"
      />
      {step.error && (
        <p className="bar-error" role="alert">
          {step.error}
        </p>
      )}
    </div>
  )
}
