/**
 * How long a workshop keeps its participants' names, as the admin picks it
 * when creating one: a few periods in months, sent to the server in days.
 */
import { RETENTION_DAYS } from '../../shared/workshop'

export const RETENTION_CHOICES = [
  { months: 3, days: 91 },
  { months: 6, days: 183 },
  { months: 12, days: 365 },
  { months: 24, days: 730 },
] as const

/** The server's own default (a year), so a form left as it is stores what a workshop made without the form would. */
export const DEFAULT_RETENTION_DAYS: number = RETENTION_DAYS.default

/** « 12 juin 2027 »: the day a workshop's names are erased, in the page's language. */
export function formatDay(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(ms))
}
