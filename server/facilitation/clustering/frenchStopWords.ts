import stopwordsIso from 'stopwords-iso' with { type: 'json' }
import { stemFrench } from './stemFrench'
import { stripAccents } from './stripAccents'

/**
 * Words a note can share with any other note without saying anything about its theme. They are
 * removed before vectorising so they cannot pull two unrelated notes together.
 *
 * The base is stopwords-iso's French list (691 words: articles, pronouns, auxiliaries, "très",
 * "trop", "pas", "personnes"...). stopwords-iso ships every language in one JSON file; it is
 * read once at import and only the French list is kept, accent-free.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(stopwordsIso.fr.map((w) => stripAccents(w.toLowerCase())))

/**
 * Workshop-generic words, removed on top of stopwords-iso. Each one is a way of *framing* an
 * issue ("il manque…", "besoin de…", "problème de…", "difficulté à…", "c'est insuffisant") that
 * participants use for every theme alike, so sharing one says nothing about the topic:
 * "Manque de médiateurs" (inclusion) and "Manque d'ordinateurs" (equipment) would otherwise
 * share their only common word and be suggested together (a test pins this). Measured on the
 * 2,000-note synthetic board, where every note opens with such a frame, pairwise precision goes
 * from 0.926 to 0.935 (0.976 to 0.993 without related-term families); on the hand-written
 * boards the related-term families already dominate and nothing changes.
 * Only framing words belong here, never a word that names a topic. They are compared by stem,
 * so "manque", "manques", "manquer" and "manquait" are all caught; Snowball leaves "manquent"
 * whole, hence its own entry.
 */
export const WORKSHOP_GENERIC_WORDS: readonly string[] = [
  'besoin',
  'manque',
  'manquent',
  'problème',
  'difficulté',
  'insuffisant',
]

const GENERIC_STEMS: ReadonlySet<string> = new Set(WORKSHOP_GENERIC_WORDS.map(stemFrench))

/** `word` is lower case, with or without accents. */
export function isFrenchStopWord(word: string): boolean {
  return STOP_WORDS.has(stripAccents(word))
}

/** `stem` comes from stemFrench. */
export function isWorkshopGenericStem(stem: string): boolean {
  return GENERIC_STEMS.has(stem)
}
