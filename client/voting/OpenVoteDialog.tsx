/**
 * The dialog that opens a vote session: what is voted on, the budget, the
 * per-item cap, hidden results, anonymity — prefilled with the workshop's
 * settings. A native modal <dialog>: focus stays inside, Escape cancels.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VOTE_TARGET_KINDS, type VoteRules, type VoteTargetKind } from '../../shared/control'
import { apiErrorMessage } from '../apiErrorMessage'

export interface OpenVoteDialogProps {
  defaults: VoteRules & { targets: VoteTargetKind }
  onOpen(body: VoteRules & { targets: VoteTargetKind }): Promise<unknown>
  /** Opened or cancelled: the dialog goes away. */
  onDone(): void
}

/** The server's bounds (server/http/facilitationRoutes.ts). */
const MAX_POINTS = 100

export function OpenVoteDialog({ defaults, onOpen, onDone }: OpenVoteDialogProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  const [form, setForm] = useState(defaults)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await onOpen(form)
      onDone()
    } catch (err) {
      setError(apiErrorMessage(t, err))
      setBusy(false)
    }
  }

  const number = (key: 'votesPerPerson' | 'maxPerItem', label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_POINTS}
        step={1}
        required
        data-testid={`vote-dialog-${key}`}
        value={Number.isNaN(form[key]) ? '' : form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.valueAsNumber })}
      />
    </div>
  )

  return (
    <dialog
      ref={ref}
      className="vote-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      data-testid="vote-dialog"
      onCancel={onDone}
    >
      <form className="form" onSubmit={submit}>
        <h2 id={`${id}-title`}>{t('voting.dialog.title')}</h2>
        <p id={`${id}-intro`} className="muted">
          {t('voting.dialog.intro')}
        </p>
        <fieldset className="vote-dialog__targets">
          <legend>{t('voting.dialog.targets')}</legend>
          {VOTE_TARGET_KINDS.map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name={`${id}-targets`}
                value={kind}
                checked={form.targets === kind}
                data-testid={`vote-dialog-targets-${kind}`}
                onChange={() => setForm({ ...form, targets: kind })}
              />
              {t(`voting.dialog.${kind}`)}
            </label>
          ))}
        </fieldset>
        <div className="vote-dialog__numbers">
          {number('votesPerPerson', t('voting.dialog.votesPerPerson'))}
          {number('maxPerItem', t('voting.dialog.maxPerItem'))}
        </div>
        <label className="vote-dialog__check">
          <input
            type="checkbox"
            checked={form.hideResults}
            data-testid="vote-dialog-hideResults"
            onChange={(e) => setForm({ ...form, hideResults: e.target.checked })}
          />
          {t('voting.dialog.hideResults')}
        </label>
        <label className="vote-dialog__check">
          <input
            type="checkbox"
            checked={form.anonymous}
            aria-describedby={`${id}-anonymous`}
            data-testid="vote-dialog-anonymous"
            onChange={(e) => setForm({ ...form, anonymous: e.target.checked })}
          />
          {t('voting.dialog.anonymous')}
        </label>
        <p id={`${id}-anonymous`} className="vote-dialog__help muted">
          {t('voting.dialog.anonymousHelp')}
        </p>
        {error && (
          <p className="error" role="alert" data-testid="vote-dialog-error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy} data-testid="vote-dialog-submit">
            {busy ? t('voting.dialog.submitting') : t('voting.dialog.submit')}
          </button>
          <button type="button" className="button secondary" onClick={onDone} data-testid="vote-dialog-cancel">
            {t('voting.dialog.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
