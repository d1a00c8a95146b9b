import type { FrenchToken } from './normalizeFrench'
import { relatedTermFamily } from './relatedTerms'

/** Most words a label shows: enough to recognise a theme, short enough for a frame title. */
export const MAX_LABEL_WORDS = 3

export interface LabelInput {
  /** The cluster's notes, in input order: their tokens... */
  tokens: readonly FrenchToken[][]
  /** ...and their TF-IDF word weights (stem → weight, unit length per note). */
  wordWeights: readonly Map<string, number>[]
  /** Whether related-term families took part in the clustering (then they steer the label too). */
  useFamilies: boolean
}

/**
 * A short French title for a cluster, from its own words: "Fibre, débit, réseau".
 *
 * A word's score is its weight summed over the cluster's notes (the cluster centroid in TF-IDF
 * space): a word many of the notes use, and few notes elsewhere, scores high. Words of the
 * cluster's main related-term family count double, since that family is often what holds the
 * cluster together when the notes share few words. The label shows, for each of the best
 * stems, the form participants wrote most often (accents kept), first one capitalised.
 * Ties go to the word met first, so the label is deterministic.
 */
export function labelCluster({ tokens, wordWeights, useFamilies }: LabelInput): string {
  const mainFamily = useFamilies ? dominantFamily(tokens) : undefined
  const score = new Map<string, number>()
  const firstSeen = new Map<string, number>()
  const surfaces = new Map<string, Map<string, number>>()
  tokens.forEach((noteTokens, k) => {
    const weights = wordWeights[k]!
    const scored = new Set<string>()
    for (const { stem, surface } of noteTokens) {
      if (!firstSeen.has(stem)) firstSeen.set(stem, firstSeen.size)
      const forms = surfaces.get(stem) ?? new Map<string, number>()
      forms.set(surface, (forms.get(surface) ?? 0) + 1)
      surfaces.set(stem, forms)
      if (scored.has(stem)) continue
      scored.add(stem)
      const boost = mainFamily !== undefined && relatedTermFamily(stem) === mainFamily ? 2 : 1
      score.set(stem, (score.get(stem) ?? 0) + (weights.get(stem) ?? 0) * boost)
    }
  })

  const best = [...score.keys()]
    .sort((x, y) => score.get(y)! - score.get(x)! || firstSeen.get(x)! - firstSeen.get(y)!)
    .slice(0, MAX_LABEL_WORDS)
  const words = best.map((stem) => mostFrequentForm(surfaces.get(stem)!))
  const label = words.join(', ')
  return label.length > 0 ? label.charAt(0).toLocaleUpperCase('fr') + label.slice(1) : ''
}

/** The family whose words appear in the most notes of the cluster, if any (ties: first met). */
function dominantFamily(tokens: readonly FrenchToken[][]): string | undefined {
  const notesPerFamily = new Map<string, number>()
  for (const noteTokens of tokens) {
    const families = new Set<string>()
    for (const { stem } of noteTokens) {
      const family = relatedTermFamily(stem)
      if (family !== undefined) families.add(family)
    }
    for (const family of families) notesPerFamily.set(family, (notesPerFamily.get(family) ?? 0) + 1)
  }
  let best: string | undefined
  let bestCount = 0
  for (const [family, count] of notesPerFamily) {
    if (count > bestCount) {
      best = family
      bestCount = count
    }
  }
  return best
}

/** Most frequent written form; ties go to the first written (Map keeps insertion order). */
function mostFrequentForm(forms: Map<string, number>): string {
  let best = ''
  let bestCount = 0
  for (const [form, count] of forms) {
    if (count > bestCount) {
      best = form
      bestCount = count
    }
  }
  return best
}
