/** The server's refusal of a facilitator's action (phase, timer, lock…), until dismissed: the workshop bar's and the list view's. */
import { useTranslation } from 'react-i18next'
import type { ApiAction } from './useApiAction'

export function ActionError({ action }: { action: ApiAction }) {
  const { t } = useTranslation()
  if (!action.error) return null
  return (
    <p className="bar-error" role="alert" data-testid="facilitation-error">
      {action.error}
      <button type="button" className="bar-button" onClick={action.dismiss}>
        {t('facilitation.dismiss')}
      </button>
    </p>
  )
}
