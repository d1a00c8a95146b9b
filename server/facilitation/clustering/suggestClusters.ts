import { agglomerateAverageLinkage } from './agglomerate'
import { labelCluster } from './labelCluster'
import { normalizeFrench } from './normalizeFrench'
import { cosineSimilarityMatrix } from './similarityMatrix'
import { vectorizeNotes } from './tfidf'

export interface NoteText {
  id: string
  text: string
}

export interface SuggestedCluster {
  /** 1–3 characteristic words of the cluster, as written, first capitalised: "Fibre, débit, réseau". */
  label: string
  /** In input order. */
  noteIds: string[]
}

export interface Suggestion {
  /** Largest first; equal sizes in the order of their first note. */
  clusters: SuggestedCluster[]
  /** Notes in no suggested cluster, in input order. */
  unclustered: string[]
}

export interface SuggestClustersOptions {
  /**
   * Lowest average similarity (cosine, 0–1) at which two groups are merged. Higher: fewer,
   * tighter clusters and more unclustered notes. Default DEFAULT_THRESHOLD.
   */
  threshold?: number
  /**
   * At most this many clusters are suggested, the largest ones; the notes of the others are
   * returned as unclustered. It never forces a merge below the threshold (that would mix
   * themes). Default DEFAULT_MAX_CLUSTERS.
   */
  maxClusters?: number
  /**
   * Whether the France Numérique Ensemble families of related words (relatedTerms.ts) count
   * towards similarity, so "fibre" and "4G" notes can meet. Default true.
   */
  useRelatedTerms?: boolean
}

/**
 * Two notes of one theme that share only a related-term family sit at FAMILY_WEIGHT (0.35) or
 * above; two notes of different themes that share one ordinary word sit at about 0.65 × their
 * word cosine, usually under 0.2. On the workshop board of the tests, 0.15 to 0.25 give the same
 * three clean clusters and 0.3 starts splitting "formation" from "médiation": 0.25 is the
 * tightest value that still keeps a theme whole.
 */
export const DEFAULT_THRESHOLD = 0.25
/** A roadmap has a handful of enjeux; more suggestions than this is noise for a facilitator. */
export const DEFAULT_MAX_CLUSTERS = 12
/** Share of similarity given to related-term families (see tfidf.ts). */
export const FAMILY_WEIGHT = 0.35
/**
 * Bound on cost: the similarity matrix takes 4·n² bytes (4,000 notes → 64 MB) and clustering
 * O(n²) time (0.35–0.6 s at 4,000 notes on the 2-core dev machine). A workshop board holds tens
 * to hundreds of notes; past this, the caller should say "too many notes" rather than let one
 * request hold the server.
 */
export const MAX_NOTES = 4000

/**
 * Suggests groups of sticky notes by the similarity of their French text, for the facilitator
 * to accept or not. Pure and deterministic: no network, no model, the same input gives the same
 * output. Pipeline: normalizeFrench (lower case, accents, stop words, Snowball stems) → TF-IDF
 * blended with related-term families (tfidf) → cosine similarities (similarityMatrix) → average
 * linkage cut at `threshold` (agglomerate) → labels (labelCluster).
 *
 * Throws RangeError for options out of range or more than MAX_NOTES notes. Note ids are taken
 * as given (the caller passes each note once).
 */
export function suggestClusters(notes: readonly NoteText[], options: SuggestClustersOptions = {}): Suggestion {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD
  const maxClusters = options.maxClusters ?? DEFAULT_MAX_CLUSTERS
  const useFamilies = options.useRelatedTerms ?? true
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('threshold must be in (0, 1]')
  if (!Number.isInteger(maxClusters) || maxClusters < 0) throw new RangeError('maxClusters must be an integer ≥ 0')
  if (notes.length > MAX_NOTES) throw new RangeError(`too many notes to suggest clusters (max ${MAX_NOTES})`)

  const stemCache = new Map<string, string>()
  const tokens = notes.map((note) => normalizeFrench(note.text, stemCache))
  const { vectors, wordWeights, dimensions } = vectorizeNotes(tokens, {
    familyWeight: useFamilies ? FAMILY_WEIGHT : 0,
  })
  // The matrix is built for this call only, so clustering may use it as working memory.
  const groups = agglomerateAverageLinkage(cosineSimilarityMatrix(vectors, dimensions), threshold)

  // Groups come ordered by first note; a stable sort by size keeps that order among equals.
  const kept = groups
    .filter((group) => group.length > 1)
    .sort((a, b) => b.length - a.length)
    .slice(0, maxClusters)
  const clustered = new Set<number>(kept.flat())

  return {
    clusters: kept.map((group) => ({
      label: labelCluster({
        tokens: group.map((i) => tokens[i]!),
        wordWeights: group.map((i) => wordWeights[i]!),
        useFamilies,
      }),
      noteIds: group.map((i) => notes[i]!.id),
    })),
    unclustered: notes.filter((_, i) => !clustered.has(i)).map((note) => note.id),
  }
}
