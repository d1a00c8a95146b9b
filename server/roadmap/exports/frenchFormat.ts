/**
 * How exports write dates, amounts, ranks and collèges: in French, as the
 * plenary reads them. Dates are read in Paris time, the programme's reference
 * (a workshop's date does not depend on the server's time zone).
 */
import { collegeLabel } from '../../../shared/colleges'

const TIME_ZONE = 'Europe/Paris'
const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: TIME_ZONE })
const longDateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE })
const isoDay = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: TIME_ZONE,
})
const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
})

/** « 12 mars 2026 à 14:05 » */
export function dateTimeFr(iso: string): string {
  return longDateTime.format(new Date(iso))
}

/** `YYYY-MM-DD` of an instant, in Paris: for file names. */
export function dayOf(iso: string): string {
  return isoDay.format(new Date(iso))
}

/** A calendar date `YYYY-MM-DD` as « 30 juin 2026 » (no time zone shift: it is a day, not an instant). */
export function calendarDateFr(day: string): string {
  return longDate.format(new Date(`${day}T12:00:00Z`))
}

/** « 12 000 € » */
export function eurosFr(amount: number): string {
  return euros.format(amount)
}

/** « 1er », « 2e » */
export function ordinalFr(n: number): string {
  return n === 1 ? '1er' : `${n}e`
}

/** « 1er », « 2e ex æquo » */
export function rankFr(rang: number, exAequo: boolean): string {
  return exAequo ? `${ordinalFr(rang)} ex æquo` : ordinalFr(rang)
}

/** « 0 point », « 1 point », « 12 points » */
export function pointsFr(n: number): string {
  return `${n} point${n > 1 ? 's' : ''}`
}

export function collegeFr(id: string | null): string {
  return id === null ? 'Collège non précisé' : collegeLabel(id, 'fr')
}
