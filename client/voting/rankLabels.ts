/**
 * How a rank reads: « 1er · 12 pts », and for ties « 2e ex æquo · 5 pts ».
 * Ranks come from the server (competition ranking: ties share a rank, 1, 1, 3);
 * a rank is tied when another item holds it too.
 */
import type { TFunction } from 'i18next'
import type { RankedItem } from '../../shared/control'

/** The ranks held by more than one item. */
export function tiedRanks(ranking: readonly RankedItem[]): Set<number> {
  const seen = new Set<number>()
  const tied = new Set<number>()
  for (const { rank } of ranking) {
    if (seen.has(rank)) tied.add(rank)
    seen.add(rank)
  }
  return tied
}

/** An ordinal in the page's language: 1er, 2e… (French), 1st, 2nd, 3rd, 11th… (English). */
export function ordinal(n: number, language: string): string {
  if (language.startsWith('fr')) return n === 1 ? '1er' : `${n}e`
  const lastTwo = n % 100
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'
  return `${n}${suffix}`
}

/** « 1er », « 2e ex æquo ». */
export function rankText(t: TFunction, language: string, rank: number, tied: boolean): string {
  const place = ordinal(rank, language)
  return tied ? t('voting.rankTied', { rank: place }) : place
}

/** The badge of an item: « 1er · 12 pts ». */
export function rankLabel(t: TFunction, language: string, item: RankedItem, tied: boolean): string {
  return t('voting.badge', {
    rank: rankText(t, language, item.rank, tied),
    points: t('voting.points', { count: item.votes }),
  })
}
