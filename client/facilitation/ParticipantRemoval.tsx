/**
 * « Retirer » one person from the workshop (facilitator): a confirmation in
 * the person's row (ConfirmStep) says what is erased and what stays, then the
 * server erases their name and drafts and disconnects them. Cancelling gives
 * the focus back to « Retirer »; after the removal the panel takes it (this
 * row is gone).
 */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkshopParticipant } from '../../shared/api'
import { apiErrorMessage } from '../apiErrorMessage'
import { ConfirmStep } from '../ConfirmStep'

export function ParticipantRemoval({
  participant,
  remove,
}: {
  participant: WorkshopParticipant
  /** Resolves once the server has removed them (the row then leaves the list). */
  remove(): Promise<void>
}) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const wasConfirming = useRef(false)
  useEffect(() => {
    if (!confirming && wasConfirming.current) opener.current?.focus()
    wasConfirming.current = confirming
  }, [confirming])
  const name = participant.name

  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await remove()
    } catch (e) {
      setError(apiErrorMessage(t, e))
      setBusy(false)
    }
  }

  if (!confirming)
    return (
      <button
        ref={opener}
        type="button"
        className="bar-button"
        aria-label={t('facilitation.participants.removeLabel', { name })}
        onClick={() => {
          setError(null)
          setConfirming(true)
        }}
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
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
        danger
        compact
        testId="participant-remove-step"
        confirmTestId="participant-remove-confirm"
      />
      {error && (
        <p className="bar-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
