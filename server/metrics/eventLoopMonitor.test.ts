import assert from 'node:assert/strict'
import { test } from 'node:test'
import { EventLoopMonitor } from './eventLoopMonitor'

const block = (ms: number) => {
  const end = performance.now() + ms
  while (performance.now() < end) {}
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

test('a 150 ms block is seen, and counted in a second over the 100 ms budget', async () => {
  const monitor = new EventLoopMonitor()
  monitor.start()
  try {
    await pause(1100) // one idle second folded
    const before = monitor.read()
    assert.ok(before.count >= 1, 'a second was folded')
    block(150)
    await pause(1100)
    const after = monitor.read()
    assert.ok(after.max >= 0.13 && after.max < 1, `max after a 150 ms block: ${after.max}`)
    // Bucket 4: ≤ 0.1 s. The block's second is counted over it (a loaded machine may add others).
    const over = (d: typeof after) => d.count - (d.buckets[4] as number)
    assert.ok(over(after) - over(before) >= 1, 'the blocked second is counted over 100 ms')
  } finally {
    monitor.stop()
  }
})
