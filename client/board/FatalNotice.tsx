/** Why the board stopped syncing for good, and the one thing to do about it. */
import { useTranslation } from 'react-i18next'
import type { FatalReason } from '../sync/closeCodes'

export function FatalNotice({ reason, onRejoin }: { reason: FatalReason; onRejoin(): void }) {
  const { t } = useTranslation()
  const needsNewSession = reason === 'sessionRevoked' || reason === 'sessionExpired'
  return (
    <div className="board-notice error" role="alert" data-testid="fatal-notice" data-reason={reason}>
      <span>{t(`connection.fatal.${reason}`)}</span>
      {needsNewSession ? (
        <button type="button" className="button secondary" onClick={onRejoin}>
          {t('board.rejoin')}
        </button>
      ) : (
        <button type="button" className="button secondary" onClick={() => window.location.reload()}>
          {t('board.reload')}
        </button>
      )}
    </div>
  )
}
