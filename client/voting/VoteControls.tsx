/**
 * The facilitator's vote controls in the workshop bar: « Lancer le vote »
 * opens a dialog prefilled with the workshop's vote settings; « Clore le
 * vote » closes the open session (the server publishes the results). The
 * server decides; its refusals (e.g. `no_targets`) are shown as it words them.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorMessage } from '../apiErrorMessage'
import { useWorkshop } from '../board/workshopContext'
import { OpenVoteDialog } from './OpenVoteDialog'
import './voting.css'

export function VoteControls() {
  const { t } = useTranslation()
  const { session: me, control, api } = useWorkshop()
  const [dialog, setDialog] = useState(false)
  const [closing, setClosing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const state = control.state
  if (me.role !== 'facilitator' || !state) return null
  const vote = state.vote
  const open = vote?.status === 'open'

  const close = async () => {
    if (!vote) return
    setClosing(true)
    setError(null)
    try {
      await api.closeVote(vote.id)
    } catch (e) {
      setError(apiErrorMessage(t, e))
    } finally {
      setClosing(false)
    }
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form fieldset
    <div className="vote-controls" role="group" aria-label={t('voting.controls.group')}>
      {open ? (
        <button
          type="button"
          className="button secondary vote-controls__button"
          data-testid="vote-close"
          disabled={closing}
          onClick={close}
        >
          {closing ? t('voting.controls.closing') : t('voting.controls.close')}
        </button>
      ) : (
        <button
          type="button"
          className="button secondary vote-controls__button"
          data-testid="vote-open"
          onClick={() => {
            setError(null)
            setDialog(true)
          }}
        >
          {t('voting.controls.open')}
        </button>
      )}
      {error && (
        <span className="vote-controls__error" role="alert" data-testid="vote-controls-error">
          {error}
        </span>
      )}
      {dialog && (
        <OpenVoteDialog
          defaults={state.settings.vote}
          onOpen={(body) => api.openVote(body)}
          onDone={() => setDialog(false)}
        />
      )}
    </div>
  )
}
