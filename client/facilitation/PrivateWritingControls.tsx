/**
 * Private writing in the workshop bar (issue 3 §3).
 * - The facilitator, during écriture (or while private notes remain): the
 *   « Écriture privée » switch, how many notes are still private and from how
 *   many participants (counts only: the server publishes nothing more), and
 *   « Révéler les notes ». Turning the switch off reveals too, and so does
 *   leaving écriture (the server does it).
 * - A participant, while it is on: a short notice that their notes stay private.
 */
import { useTranslation } from 'react-i18next'
import { useWorkshop } from '../board/workshopContext'
import type { ApiAction } from './useApiAction'
import './privateWriting.css'

/** `action`: the facilitator's (null for everyone else). */
export function PrivateWritingControls({ action }: { action: ApiAction | null }) {
  const { t } = useTranslation()
  const { control, session, api } = useWorkshop()
  const state = control.state
  if (!state) return null
  const { active, authors, notes } = state.privateWriting

  if (!action) {
    if (session.role !== 'participant') return null
    return (
      // Always present, so that screen readers announce the notice when it appears.
      <span role="status" className="private-writing-status">
        {active && (
          <span className="private-writing-notice" data-testid="private-writing-notice">
            {t('privateWriting.notice')}
          </span>
        )}
      </span>
    )
  }

  const writing = state.phase === 'ecriture'
  if (!writing && notes === 0) return null
  return (
    <fieldset className="bar-group private-writing" data-testid="private-writing">
      <legend className="visually-hidden">{t('privateWriting.toggle')}</legend>
      <button
        type="button"
        className="bar-button"
        aria-pressed={active}
        disabled={!writing && !active}
        title={writing ? t('privateWriting.toggleHelp') : t('privateWriting.onlyWhileWriting')}
        onClick={() => void action.run(() => api.setPrivateWriting(!active))}
        data-testid="private-writing-toggle"
      >
        {t('privateWriting.toggle')}
      </button>
      <span role="status" className="private-writing-count" data-testid="private-writing-count">
        {(active || notes > 0) &&
          (notes === 0
            ? t('privateWriting.count', { count: 0 })
            : `${t('privateWriting.count', { count: notes })} ${t('privateWriting.authors', { count: authors })}`)}
      </span>
      <button
        type="button"
        className="bar-button"
        disabled={notes === 0}
        onClick={() => void action.run(() => api.revealDrafts())}
        data-testid="private-writing-reveal"
      >
        {t('privateWriting.reveal')}
      </button>
    </fieldset>
  )
}
