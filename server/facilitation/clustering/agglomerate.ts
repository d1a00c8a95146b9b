import type { SimilarityMatrix } from './similarityMatrix'

/**
 * Similarities are stored as Float32 (see similarityMatrix): a pair meant to sit exactly at the
 * threshold (identical notes at 1) may read a hair below it. This tolerance keeps it in.
 */
const THRESHOLD_TOLERANCE = 1e-6

/**
 * Average-linkage agglomerative clustering, cut at a similarity threshold.
 *
 * Start with every item alone; repeatedly merge the two most similar clusters, where the
 * similarity of two clusters is the average similarity of all their cross pairs (UPGMA); stop
 * when no two clusters are at least `threshold` similar. Average linkage, rather than single
 * linkage, keeps one note that mentions two themes from chaining both themes into one cluster.
 *
 * Returns every item exactly once: groups of item indices, each ascending, ordered by their
 * first item.
 *
 * **The matrix is used as working memory and overwritten** (merged similarities replace the
 * rows of merged clusters): copying it would double the peak memory of the largest step.
 * Pass a copy to keep it.
 *
 * Algorithm: nearest-neighbour chain (Murtagh 1983, as in scipy), O(n²) time, instead of O(n³)
 * for the textbook "scan for the best pair at every merge". Average linkage is *reducible*
 * (merging two clusters never brings the result closer to a third than the nearer of the two
 * was), so merging reciprocal nearest neighbours in any order yields the same clusters as the
 * greedy global-best order. Reducibility also means that a cluster whose best similarity is
 * under the threshold can never merge again: it is set aside for good, which is what cuts the
 * tree at the threshold. Ties go to the lowest index, so the output is deterministic.
 */
export function agglomerateAverageLinkage(matrix: SimilarityMatrix, threshold: number): number[][] {
  const { n, values: sim } = matrix
  if (sim.length !== n * n) throw new RangeError('similarity matrix must hold n×n values')
  const size = new Int32Array(n).fill(1)
  const members: number[][] = Array.from({ length: n }, (_, i) => [i])
  // Clusters that may still merge, unordered (removal swaps with the last), and where each sits.
  // A cluster leaves when merged into another or set aside. Scanning this list rather than all
  // n slots keeps late nearest-neighbour searches short.
  const activeList = Int32Array.from({ length: n }, (_, i) => i)
  const activeAt = Int32Array.from({ length: n }, (_, i) => i)
  let activeCount = n
  const deactivate = (c: number): void => {
    const last = activeList[--activeCount]!
    activeList[activeAt[c]!] = last
    activeAt[last] = activeAt[c]!
  }
  const chain: number[] = []

  while (activeCount > 1) {
    if (chain.length === 0) chain.push(lowestActive(activeList, activeCount))
    const a = chain[chain.length - 1]!
    const previous = chain.length > 1 ? chain[chain.length - 2]! : -1
    const row = a * n

    // Nearest active neighbour of a. Ties prefer the previous chain element (this is what
    // guarantees the chain ends), then the lowest index.
    let best = -1
    let bestSim = Number.NEGATIVE_INFINITY
    for (let k = 0; k < activeCount; k++) {
      const c = activeList[k]!
      if (c === a) continue
      const s = sim[row + c]!
      if (s > bestSim || (s === bestSim && c < best)) {
        best = c
        bestSim = s
      }
    }
    if (previous !== -1 && sim[row + previous]! >= bestSim) best = previous

    if (bestSim < threshold - THRESHOLD_TOLERANCE) {
      // Nothing is close enough to a, and merges elsewhere cannot change that: set it aside.
      // (Only happens with a alone in the chain: every pushed element had a neighbour ≥ threshold.)
      deactivate(a)
      chain.pop()
      continue
    }
    if (best !== previous) {
      chain.push(best)
      continue
    }

    // a and previous are reciprocal nearest neighbours: merge them into the lower index, whose
    // row and column get the Lance–Williams average: s(k ∪ d, c) = (|k|·s(k,c) + |d|·s(d,c)) / (|k| + |d|).
    chain.pop()
    chain.pop()
    const keep = Math.min(a, previous)
    const drop = Math.max(a, previous)
    deactivate(drop)
    const sizeKeep = size[keep]!
    const sizeDrop = size[drop]!
    const keepRow = keep * n
    const dropRow = drop * n
    for (let k = 0; k < activeCount; k++) {
      const c = activeList[k]!
      if (c === keep) continue
      const merged = (sizeKeep * sim[keepRow + c]! + sizeDrop * sim[dropRow + c]!) / (sizeKeep + sizeDrop)
      sim[keepRow + c] = merged
      sim[c * n + keep] = merged
    }
    size[keep] = sizeKeep + sizeDrop
    members[keep] = mergeAscending(members[keep]!, members[drop]!)
    members[drop] = []
  }

  return members.filter((group) => group.length > 0)
}

function lowestActive(activeList: Int32Array, activeCount: number): number {
  let lowest = activeList[0]!
  for (let k = 1; k < activeCount; k++) lowest = Math.min(lowest, activeList[k]!)
  return lowest
}

function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!)
    else out.push(b[j++]!)
  }
  return out
}
