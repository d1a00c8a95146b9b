import assert from 'node:assert/strict'
import { test } from 'node:test'
import { agglomerateAverageLinkage } from './agglomerate'
import type { SimilarityMatrix } from './similarityMatrix'

function matrixFrom(rows: number[][]): SimilarityMatrix {
  const n = rows.length
  const values = new Float32Array(n * n)
  rows.forEach((row, i) => {
    row.forEach((s, j) => {
      if (i !== j) values[i * n + j] = s
    })
  })
  return { n, values }
}

function randomMatrix(n: number, seed: number): SimilarityMatrix {
  let state = seed
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
  const values = new Float32Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      // Skewed towards 0, like cosines of short texts.
      const s = random() ** 3
      values[i * n + j] = s
      values[j * n + i] = s
    }
  }
  return { n, values }
}

/**
 * The textbook definition, written independently: merge the globally most similar pair, where
 * a pair's similarity is the plain average over all cross pairs of items. O(n³) and more.
 */
function greedyAverageLinkage({ n, values }: SimilarityMatrix, threshold: number): number[][] {
  let clusters = Array.from({ length: n }, (_, i) => [i])
  const linkage = (a: number[], b: number[]): number => {
    let sum = 0
    for (const i of a) for (const j of b) sum += values[i * n + j]!
    return sum / (a.length * b.length)
  }
  for (;;) {
    let best: [number, number] | null = null
    let bestSim = Number.NEGATIVE_INFINITY
    for (let x = 0; x < clusters.length; x++) {
      for (let y = x + 1; y < clusters.length; y++) {
        const s = linkage(clusters[x]!, clusters[y]!)
        if (s > bestSim) {
          bestSim = s
          best = [x, y]
        }
      }
    }
    if (best === null || bestSim < threshold) break
    const [x, y] = best
    const merged = [...clusters[x]!, ...clusters[y]!].sort((p, q) => p - q)
    clusters = clusters.filter((_, k) => k !== x && k !== y)
    clusters.push(merged)
  }
  return clusters.sort((a, b) => a[0]! - b[0]!)
}

test('two obvious blocks, and an outlier left alone', () => {
  const m = matrixFrom([
    [0, 0.9, 0.8, 0.1, 0.0, 0.0],
    [0.9, 0, 0.7, 0.0, 0.1, 0.0],
    [0.8, 0.7, 0, 0.0, 0.0, 0.0],
    [0.1, 0.0, 0.0, 0, 0.6, 0.0],
    [0.0, 0.1, 0.0, 0.6, 0, 0.05],
    [0.0, 0.0, 0.0, 0.0, 0.05, 0],
  ])
  assert.deepEqual(agglomerateAverageLinkage(m, 0.3), [[0, 1, 2], [3, 4], [5]])
})

test('the threshold decides how far merging goes', () => {
  const rows = [
    [0, 0.9, 0.5],
    [0.9, 0, 0.3],
    [0.5, 0.3, 0],
  ]
  // After {0,1} merge, their average similarity to 2 is (0.5 + 0.3) / 2 = 0.4.
  assert.deepEqual(agglomerateAverageLinkage(matrixFrom(rows), 0.95), [[0], [1], [2]])
  assert.deepEqual(agglomerateAverageLinkage(matrixFrom(rows), 0.45), [[0, 1], [2]])
  assert.deepEqual(agglomerateAverageLinkage(matrixFrom(rows), 0.4), [[0, 1, 2]])
})

test('average linkage does not chain two groups through one bridging item', () => {
  // 2 is close to both 1 and 3, but {0,1} and {3,4} are far apart on average.
  const m = matrixFrom([
    [0, 0.9, 0.4, 0, 0],
    [0.9, 0, 0.5, 0, 0],
    [0.4, 0.5, 0, 0.5, 0.4],
    [0, 0, 0.5, 0, 0.9],
    [0, 0, 0.4, 0.9, 0],
  ])
  const groups = agglomerateAverageLinkage(m, 0.35)
  assert.ok(!groups.some((g) => g.includes(0) && g.includes(4)), JSON.stringify(groups))
})

test('ties are broken by lowest index: identical items merge in a fixed way', () => {
  const ones = matrixFrom(Array.from({ length: 5 }, () => Array(5).fill(1)))
  assert.deepEqual(agglomerateAverageLinkage(ones, 1), [[0, 1, 2, 3, 4]])
  const zeros = matrixFrom(Array.from({ length: 4 }, () => Array(4).fill(0)))
  assert.deepEqual(agglomerateAverageLinkage(zeros, 0.1), [[0], [1], [2], [3]])
})

test('no items, one item', () => {
  assert.deepEqual(agglomerateAverageLinkage({ n: 0, values: new Float32Array(0) }, 0.5), [])
  assert.deepEqual(agglomerateAverageLinkage({ n: 1, values: new Float32Array(1) }, 0.5), [[0]])
  assert.throws(() => agglomerateAverageLinkage({ n: 3, values: new Float32Array(4) }, 0.5), RangeError)
})

test('the nearest-neighbour chain finds the same clusters as the greedy textbook algorithm', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    for (const threshold of [0.05, 0.15, 0.3, 0.6]) {
      const m = randomMatrix(30, seed)
      const expected = greedyAverageLinkage(m, threshold)
      const actual = agglomerateAverageLinkage({ n: m.n, values: m.values.slice() }, threshold)
      assert.deepEqual(actual, expected, `seed ${seed}, threshold ${threshold}`)
    }
  }
})

test('every item comes back exactly once, groups ascending and ordered by first item', () => {
  const m = randomMatrix(200, 99)
  const groups = agglomerateAverageLinkage(m, 0.1)
  const all = groups.flat().sort((a, b) => a - b)
  assert.deepEqual(
    all,
    Array.from({ length: 200 }, (_, i) => i),
  )
  for (const g of groups)
    assert.deepEqual(
      g,
      [...g].sort((a, b) => a - b),
    )
  for (let k = 1; k < groups.length; k++) assert.ok(groups[k - 1]![0]! < groups[k]![0]!)
})
