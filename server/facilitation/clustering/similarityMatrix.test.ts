import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cosineSimilarityMatrix } from './similarityMatrix'
import type { SparseVector } from './tfidf'

function randomUnitVectors(count: number, dimensions: number, seed: number): SparseVector[] {
  let state = seed
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
  return Array.from({ length: count }, () => {
    const ids = [
      ...new Set(Array.from({ length: 1 + Math.floor(random() * 5) }, () => Math.floor(random() * dimensions))),
    ]
    ids.sort((a, b) => a - b)
    const weights = ids.map(() => random())
    const n = Math.hypot(...weights)
    return { ids: Int32Array.from(ids), weights: Float64Array.from(weights, (w) => w / n) }
  })
}

test('the inverted-index cosines equal plain dot products, symmetric, zero diagonal', () => {
  const vectors = randomUnitVectors(60, 25, 7)
  const { n, values } = cosineSimilarityMatrix(vectors, 25)
  assert.equal(n, 60)
  for (let i = 0; i < n; i++) {
    assert.equal(values[i * n + i], 0)
    for (let j = 0; j < n; j++) {
      if (i === j) continue
      const dense = new Float64Array(25)
      vectors[i]!.ids.forEach((id, k) => {
        dense[id] = vectors[i]!.weights[k]!
      })
      let expected = 0
      vectors[j]!.ids.forEach((id, k) => {
        expected += dense[id]! * vectors[j]!.weights[k]!
      })
      assert.ok(Math.abs(values[i * n + j]! - expected) < 1e-6, `${i},${j}`)
      assert.equal(values[i * n + j], values[j * n + i])
    }
  }
})

test('no items or one item', () => {
  assert.equal(cosineSimilarityMatrix([], 0).values.length, 0)
  assert.deepEqual([...cosineSimilarityMatrix(randomUnitVectors(1, 3, 1), 3).values], [0])
})
