/**
 * A confirmation in place of the button that asked for something that cannot
 * be undone (a link renewed, a workshop deleted, a person removed): the
 * question as its legend, what happens as its description, then the button
 * that does it and « Annuler ». It takes the focus when it opens — on
 * « Annuler », so that a second Enter does nothing harmful, or on the checked
 * choice when there is one to make — and Escape cancels. Giving the focus
 * back to the opener is the caller's (the opener comes back with it).
 */
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorMessage } from './apiErrorMessage'

export interface ConfirmStepProps {
  question: string
  /** What will happen, and what will not. */
  what: string
  confirmLabel: string
  /** Instead of confirmLabel while the request runs. */
  busyLabel: string
  busy: boolean
  onConfirm(): void
  onCancel(): void
  /** Erasing something: the confirm button in red. */
  danger?: boolean
  /** In the workshop bar: its smaller buttons. */
  compact?: boolean
  /** Choices to make before confirming (radio buttons): the checked one takes the focus. */
  children?: ReactNode
  testId?: string
  confirmTestId?: string
}

export function ConfirmStep({
  question,
  what,
  confirmLabel,
  busyLabel,
  busy,
  onConfirm,
  onCancel,
  danger = false,
  compact = false,
  children,
  testId,
  confirmTestId,
}: ConfirmStepProps) {
  const { t } = useTranslation()
  const whatId = useId()
  const box = useRef<HTMLFieldSetElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const choice = box.current?.querySelector<HTMLInputElement>('input:checked')
    ;(choice ?? cancel.current)?.focus()
  }, [])
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    // Escape leaves the confirmation only, not a panel around it.
    event.stopPropagation()
    onCancel()
  }
  const button = compact ? 'bar-button' : 'button secondary'
  const confirmClass = compact ? `bar-button${danger ? ' is-danger' : ''}` : `button ${danger ? 'danger' : 'primary'}`
  return (
    <fieldset
      ref={box}
      className={`confirm-step${compact ? ' is-compact' : ''}`}
      aria-describedby={whatId}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      <legend>{question}</legend>
      {children}
      <p id={whatId}>{what}</p>
      <div className="confirm-step__buttons">
        <button type="button" className={confirmClass} disabled={busy} onClick={onConfirm} data-testid={confirmTestId}>
          {busy ? busyLabel : confirmLabel}
        </button>
        <button ref={cancel} type="button" className={button} onClick={onCancel}>
          {t('confirm.cancel')}
        </button>
      </div>
    </fieldset>
  )
}

/**
 * The state around a button that opens a ConfirmStep for one request: open,
 * cancel (the focus goes back to the button, `opener`), and the request with
 * its busy flag and its error in words. On success the caller moves on (the
 * button's row or page goes away), so busy stays on until then.
 */
export function useConfirmedRequest(request: () => Promise<void>) {
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
  return {
    confirming,
    busy,
    error,
    opener,
    open() {
      setError(null)
      setConfirming(true)
    },
    cancel: () => setConfirming(false),
    async confirm() {
      setBusy(true)
      setError(null)
      try {
        await request()
      } catch (e) {
        setError(apiErrorMessage(t, e))
        setBusy(false)
      }
    },
  }
}
