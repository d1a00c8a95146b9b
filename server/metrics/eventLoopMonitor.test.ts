import assert from 'node:assert/strict'
import { test } from 'node:test'
import { EventLoopMonitor } from './eventLoopMonitor'

const block = (ms: number) => {
  const end = performance.now() + ms
  while (performance.now() < end) {}
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

test('a 150 ms block is seen, in the second it happened, and an idle second is not', async () => {
  const monitor = new EventLoopMonitor()
  monitor.start()
  try {
    await pause(1100) // one idle second folded
    const idle = monitor.read()
    assert.ok(idle.count >= 1 && idle.max < 0.1, `idle: ${JSON.stringify(idle)}`)
    block(150)
    await pause(1100)
    const after = monitor.read()
    assert.ok(after.max >= 0.13 && after.max < 0.3, `max after a 150 ms block: ${after.max}`)
    const overBudget = after.count - (after.buckets[4] as number) // bucket 4: ≤ 0.1 s
    assert.equal(overBudget, 1, 'exactly one second had a block over 100 ms')
  } finally {
    monitor.stop()
  }
})
