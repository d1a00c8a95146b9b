/**
 * How long a workshop keeps its participants' names, as the admin picks it
 * when creating one: a few periods in months, sent to the server in days,
 * starting from the instance's default (ATELIER_RETENTION_DAYS).
 */

export const RETENTION_CHOICES = [
  { months: 3, days: 91 },
  { months: 6, days: 183 },
  { months: 12, days: 365 },
  { months: 24, days: 730 },
] as const

export interface RetentionOption {
  days: number
  /** Null for a deployer's default that is none of the choices: it is shown in days. */
  months: number | null
  /** The instance's default: the form starts on it, and says so. */
  isDefault: boolean
}

/** The choices, with the instance's default marked — and added, in its place by length, when it is none of them. */
export function retentionOptions(defaultDays: number): RetentionOption[] {
  const options: RetentionOption[] = RETENTION_CHOICES.map(({ months, days }) => ({
    days,
    months,
    isDefault: days === defaultDays,
  }))
  if (!options.some((o) => o.isDefault)) options.push({ days: defaultDays, months: null, isDefault: true })
  return options.sort((a, b) => a.days - b.days)
}

/**
 * « 12 juin 2027 »: the day a workshop's names are erased, in the page's
 * language. Its spaces are non-breaking: a narrow screen wraps the sentence
 * before the date, never between the day and its month.
 */
export function formatDay(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(ms)).replace(/ /g, '\u00a0')
}
