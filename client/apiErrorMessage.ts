/**
 * Turns an API failure into a sentence for people. Each page passes the
 * statuses it words itself (e.g. 401 on the home page, 403/404 when joining);
 * the rest gets the server's own (French) message, or a generic but honest one.
 */
import type { TFunction } from 'i18next'
import { ApiRequestError } from './api'
import { i18n } from './i18n/i18n'

export function apiErrorMessage(t: TFunction, error: unknown, byStatus: Partial<Record<number, string>> = {}): string {
  if (!(error instanceof ApiRequestError)) return t('errors.generic', { status: '?' })
  const specific = byStatus[error.status]
  if (specific) return specific
  if (error.status === 0) return t('errors.network')
  if (error.status === 429) return t('errors.rateLimited')
  // The server words its errors in French: use them as they are when the page is in French.
  const serverMessage = error.body?.error.message
  if (serverMessage && i18n.language === 'fr') return serverMessage
  if (error.status === 400) return t('errors.invalidBody')
  return t('errors.generic', { status: error.status })
}
