import type { FrenchToken } from './normalizeFrench'
import { relatedTermFamily } from './relatedTerms'

/** A sparse vector: `ids` ascending, `weights` aligned with them. Unit length, or empty. */
export interface SparseVector {
  ids: Int32Array
  weights: Float64Array
}

export interface NoteVectors {
  /** What similarity is computed on: words (TF-IDF) blended with related-term families. */
  vectors: SparseVector[]
  /** The TF-IDF part alone, per note: stem → weight (unit length). Used to label clusters. */
  wordWeights: Map<string, number>[]
  /** Number of dimensions (distinct stems + families); ids in `vectors` are below it. */
  dimensions: number
}

export interface VectorizeOptions {
  /**
   * Share of the similarity given to related-term families, in [0, 1). With both parts present
   * in two notes, cosine = (1 − w) · cosine(words) + w · cosine(families). 0 turns families off.
   */
  familyWeight: number
}

/**
 * TF-IDF vectors of the notes, each optionally blended with a "families" part.
 *
 * - TF is sublinear (1 + ln count): saying "fibre" twice in a note does not make it twice as
 *   much about fibre.
 * - IDF is smoothed, ln((1 + N) / (1 + df)) + 1, the usual form: it never reaches zero, so two
 *   notes made only of a word every note uses are still similar (identical notes → 1).
 * - The families part counts, per note, the words of each related-term family (see
 *   relatedTerms). It gets no IDF: a family is a theme, and a theme many notes share is the
 *   point, not noise.
 * Each part is normalised, then they are weighted √(1 − w) and √w and the result is
 * normalised again (which changes nothing when both parts are present).
 */
export function vectorizeNotes(notes: readonly FrenchToken[][], options: VectorizeOptions): NoteVectors {
  const { familyWeight } = options
  const termIds = new Map<string, number>()
  const idOf = (term: string): number => {
    let id = termIds.get(term)
    if (id === undefined) {
      id = termIds.size
      termIds.set(term, id)
    }
    return id
  }

  // Count words and families per note; document frequency of words.
  const wordCounts: Map<string, number>[] = []
  const familyCounts: Map<string, number>[] = []
  const documentFrequency = new Map<string, number>()
  for (const tokens of notes) {
    const words = new Map<string, number>()
    const families = new Map<string, number>()
    for (const { stem } of tokens) {
      words.set(stem, (words.get(stem) ?? 0) + 1)
      const family = familyWeight > 0 ? relatedTermFamily(stem) : undefined
      if (family !== undefined) families.set(family, (families.get(family) ?? 0) + 1)
    }
    for (const stem of words.keys()) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1)
    wordCounts.push(words)
    familyCounts.push(families)
  }

  const n = notes.length
  const wordWeights: Map<string, number>[] = []
  const vectors: SparseVector[] = []
  for (let i = 0; i < n; i++) {
    const words = wordCounts[i]!
    const weights = new Map<string, number>()
    for (const [stem, count] of words) {
      const idf = Math.log((1 + n) / (1 + documentFrequency.get(stem)!)) + 1
      weights.set(stem, (1 + Math.log(count)) * idf)
    }
    normalizeMap(weights)
    wordWeights.push(weights)

    const families = new Map<string, number>()
    for (const [family, count] of familyCounts[i]!) families.set(family, count)
    normalizeMap(families)

    // Words and families live in one id space; family names are prefixed with "#", which no
    // stem can start with (stems are letters and digits only).
    const entries: [number, number][] = []
    const wordScale = families.size > 0 ? Math.sqrt(1 - familyWeight) : 1
    const familyScale = weights.size > 0 ? Math.sqrt(familyWeight) : 1
    for (const [stem, w] of weights) entries.push([idOf(stem), w * wordScale])
    for (const [family, w] of families) entries.push([idOf(`#${family}`), w * familyScale])
    vectors.push(toUnitSparse(entries))
  }
  return { vectors, wordWeights, dimensions: termIds.size }
}

function normalizeMap(map: Map<string, number>): void {
  let sum = 0
  for (const w of map.values()) sum += w * w
  if (sum === 0) return
  const norm = Math.sqrt(sum)
  for (const [k, w] of map) map.set(k, w / norm)
}

function toUnitSparse(entries: [number, number][]): SparseVector {
  entries.sort((a, b) => a[0] - b[0])
  let sum = 0
  for (const [, w] of entries) sum += w * w
  const norm = sum > 0 ? Math.sqrt(sum) : 1
  const ids = new Int32Array(entries.length)
  const weights = new Float64Array(entries.length)
  entries.forEach(([id, w], k) => {
    ids[k] = id
    weights[k] = w / norm
  })
  return { ids, weights }
}
