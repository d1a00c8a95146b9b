import { isFrenchStopWord, isWorkshopGenericStem } from './frenchStopWords'
import { stemFrench } from './stemFrench'

/** One meaningful word of a note: `stem` is what is matched, `surface` is what a label shows. */
export interface FrenchToken {
  /** Accent-free Snowball stem: "médiations" → "mediat". */
  stem: string
  /** The word as written, lower case, accents kept: "médiations". */
  surface: string
}

// A note's text comes from a canvas or a phone form: it may hold pasted HTML, entities, URLs
// or emoji. Tags and entities are blanked first so "<b>" or "&nbsp;" do not become words.
const HTML_TAG = /<[^>]*>/g
const HTML_ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z]+);/gi
// Words are runs of letters and digits; digits are kept so that "4G" and "5G" stay words.
// The apostrophe splits ("l'accès" → "l", "accès"), and one-letter pieces are dropped below.
const WORD = /[\p{L}\p{N}]+/gu
const HAS_LETTER = /\p{L}/u

/**
 * Turns a note into its meaningful French words: lower case, split on anything that is not a
 * letter or a digit, stop words and one-letter pieces dropped, pure numbers dropped (a year or
 * a count says nothing about the theme), each word stemmed for matching.
 *
 * `stemCache` lets a caller reuse stems across many notes (the Snowball stemmer is the costliest
 * step and workshop notes repeat the same words).
 */
export function normalizeFrench(text: string, stemCache: Map<string, string> = new Map()): FrenchToken[] {
  const cleaned = text.replace(HTML_TAG, ' ').replace(HTML_ENTITY, ' ').toLocaleLowerCase('fr')
  const tokens: FrenchToken[] = []
  for (const match of cleaned.matchAll(WORD)) {
    const surface = match[0]
    if (surface.length < 2 || !HAS_LETTER.test(surface) || isFrenchStopWord(surface)) continue
    let stem = stemCache.get(surface)
    if (stem === undefined) {
      stem = stemFrench(surface)
      stemCache.set(surface, stem)
    }
    if (stem.length === 0 || isWorkshopGenericStem(stem)) continue
    tokens.push({ stem, surface })
  }
  return tokens
}
