/** How the roadmap page words dates, the territory and ranks. */
import type { TFunction } from 'i18next'
import type { RoadmapVersion } from '../../shared/roadmap/roadmapSchema'
import { rankText } from '../voting/rankLabels'

/** « 12 mars 2026 à 14:05 » (French), "March 12, 2026 at 2:05 PM" (English). */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : 'fr-FR', {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso))
}

/** « Département de l’Aisne (02) », or what of it is known; null when nothing is. */
export function territory(t: TFunction, demarche: RoadmapVersion['demarche']): string | null {
  const { perimetre, codeDepartement } = demarche
  if (perimetre && codeDepartement) return `${perimetre} (${codeDepartement})`
  if (perimetre) return perimetre
  return codeDepartement ? t('roadmap.departement', { code: codeDepartement }) : null
}

/** The ranks more than one item holds. */
export function tiedRanks(items: readonly { rang: number | null }[]): Set<number> {
  const seen = new Set<number>()
  const tied = new Set<number>()
  for (const { rang } of items) {
    if (rang === null) continue
    if (seen.has(rang)) tied.add(rang)
    seen.add(rang)
  }
  return tied
}

/** « 1er », « 2e ex æquo », or « non classé ». */
export function rankOf(t: TFunction, language: string, rang: number | null, tied: ReadonlySet<number>): string {
  return rang === null ? t('roadmap.unranked') : rankText(t, language, rang, tied.has(rang))
}
