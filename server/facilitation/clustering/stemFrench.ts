import { newStemmer } from 'snowball-stemmers'
import { stripAccents } from './stripAccents'

// The official Snowball French algorithm (snowball.tartarus.org), ported to plain JS by
// snowball-stemmers. One instance is enough: stem() is synchronous and keeps no state between
// calls.
const frenchStemmer = newStemmer('french')

/**
 * Accent-free stem of a lower-case French word, so that "Médiation", "médiations" and
 * "mediation" meet: "mediat".
 *
 * A final plural "s" is dropped before stemming. Snowball treats some singulars as verb forms
 * and their plurals as nouns, so on its own it splits words a participant means as one:
 * "débit" → "deb" but "débits" → "debit"; "conseiller" → "conseil" but "conseillers" →
 * "conseiller"; "connexion" → "connexion" but "connexions" → "connex". Dropping the "s"
 * first makes singular and plural take the same path (on a list of 58 workshop nouns it raised
 * matching pairs from 50 to 55). Words whose singular ends in "s" ("accès") lose it in both
 * forms, which is harmless; "ss" endings are kept; "-x" plurals are left to Snowball, which
 * already maps "réseaux" to "reseau" and "locaux" to "local".
 *
 * The word is stemmed *with* its accents (the Snowball French rules read them, e.g. "-ée"),
 * then accents are stripped from the stem for matching text typed without them.
 */
export function stemFrench(word: string): string {
  const singular = word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word
  return stripAccents(frenchStemmer.stem(singular))
}
