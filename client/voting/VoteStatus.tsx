/**
 * The vote in the workshop bar: my remaining budget (« Il vous reste 3 points
 * sur 5 »), the participation everyone may see (« 12 votants sur 20 »), the
 * server's refusals (a polite live region: the voter hears them without losing
 * their place), and once results may be seen, « Résultats » to show the panel.
 */
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorMessage } from '../apiErrorMessage'
import { useVoting } from './useVoting'
import './voting.css'

/** How long a refusal stays on screen. */
const NOTICE_MS = 8000

export function VoteStatus() {
  const { t } = useTranslation()
  const { session, results, resultsShown, participation, canVote, own, notice, store } = useVoting()

  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => store.dismissNotice(), NOTICE_MS)
    return () => clearTimeout(timer)
  }, [notice, store])

  if (!session) return null
  return (
    <div className="vote-status" data-testid="vote-status">
      {canVote && (
        <span
          className="vote-status__budget"
          role="status"
          data-testid="vote-remaining"
          data-remaining={own.remaining ?? ''}
        >
          {own.remaining === null
            ? t('voting.remainingLoading')
            : t('voting.remaining', { count: own.remaining, total: session.votesPerPerson })}
        </span>
      )}
      {session.status === 'closed' && <span className="vote-status__closed">{t('voting.closed')}</span>}
      <VoteParticipation counts={participation} />
      {results && (
        <button
          type="button"
          className="vote-status__results"
          aria-pressed={resultsShown}
          data-testid="results-toggle"
          onClick={() => store.setPanel(results.sessionId, !resultsShown)}
        >
          {t('voting.results')}
        </button>
      )}
      <span className={`vote-notice${notice ? ' is-shown' : ''}`}>
        <span role="status" aria-live="polite" data-testid="vote-notice">
          {notice && <span key={notice.seq}>{apiErrorMessage(t, notice.error)}</span>}
        </span>
        {notice && (
          <button
            type="button"
            className="vote-notice__dismiss"
            aria-label={t('voting.dismiss')}
            title={t('voting.dismiss')}
            onClick={() => store.dismissNotice()}
          >
            ×
          </button>
        )}
      </span>
    </div>
  )
}

function VoteParticipation({ counts }: { counts: { voters: number; participants: number } | null }) {
  const { t } = useTranslation()
  if (!counts) return null
  return (
    <span className="vote-status__participation" data-testid="vote-participation">
      {t('voting.participation', { count: counts.voters, total: counts.participants })}
    </span>
  )
}
