/**
 * The board lock: « Tableau verrouillé » for everyone while it is on, and the
 * facilitator's switch. The server enforces it (participants' writes are
 * refused); the participants' editor also turns read-only (BoardPage), so
 * nobody types into the void.
 */
import { useTranslation } from 'react-i18next'
import { useWorkshop } from '../board/workshopContext'
import type { ApiAction } from './useApiAction'

export function LockControl({ locked, action }: { locked: boolean; action: ApiAction | null }) {
  const { t } = useTranslation()
  const { api } = useWorkshop()
  return (
    <>
      {/* Always present, so that screen readers announce the change. */}
      <span role="status" className="lock-status">
        {locked && (
          <span className="lock-badge" data-testid="lock-badge">
            <LockIcon />
            {t('facilitation.lock.badge')}
          </span>
        )}
      </span>
      {action && (
        <button
          type="button"
          className="bar-button"
          aria-pressed={locked}
          onClick={() => void action.run(() => api.setLocked(!locked))}
          data-testid="lock-toggle"
        >
          {locked ? t('facilitation.lock.unlock') : t('facilitation.lock.lock')}
        </button>
      )}
    </>
  )
}

function LockIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2H12a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 1 0-4 0v2Z"
      />
    </svg>
  )
}
