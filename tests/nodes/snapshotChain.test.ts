/**
 * Two nodes on one PostgreSQL taking snapshots of the same workshop at once: each
 * reads the latest then stores, so without the store's conditional insert both
 * would chain onto the same latest and fork. Two store instances (two pools) stand
 * for the two nodes; the second node's clock is a minute behind.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createLogger } from '../../server/logger'
import { SnapshotService } from '../../server/roadmap/snapshotService'
import { openPostgresStore } from '../../server/storage/postgresStore'
import { freshPostgresDatabase } from '../support/postgres'

const PER_NODE = 10

test('snapshots taken at once on two nodes form one chain', { timeout: 60_000 }, async () => {
  const url = await freshPostgresDatabase()
  const a = await openPostgresStore(url)
  const b = await openPostgresStore(url)
  try {
    await a.createWorkshop({ id: 'w1', title: 'Atelier', template: 'enjeux', createdAt: 1 }, [])
    const log: string[] = []
    const node = (store: typeof a, skew: number) =>
      new SnapshotService({
        store,
        facilitation: { latestVisibleVote: async () => null },
        rooms: null,
        logger: createLogger('info', (line) => log.push(line)),
        now: () => Date.now() + skew,
      })
    const nodes = [node(a, 0), node(b, -60_000)]
    await Promise.all(nodes.flatMap((n) => Array.from({ length: PER_NODE }, () => n.create('w1', 'facilitator'))))

    const listed = await a.listSnapshots('w1')
    assert.equal(listed.length, 2 * PER_NODE)
    const previous = new Map<string, string | null>()
    for (const { id } of listed) previous.set(id, JSON.parse((await a.getSnapshot(id))?.body ?? '').previousId)
    const previousIds = [...previous.values()]
    assert.equal(previousIds.filter((p) => p === null).length, 1)
    assert.equal(new Set(previousIds).size, previousIds.length, 'two snapshots share a previousId: the chain forked')
    for (const p of previousIds) if (p !== null) assert.ok(previous.has(p), `${p} is no snapshot of the workshop`)
    // And the store's order is the chain's, so "latest" is its end.
    assert.deepEqual(
      listed.map(({ id }) => previous.get(id)),
      [null, ...listed.slice(0, -1).map(({ id }) => id)],
    )
    // The race did happen: some were refused and rebuilt on the other node's.
    assert.ok(log.some((line) => line.includes('"snapshot_chain_moved"')))
  } finally {
    await Promise.all([a.close(), b.close()])
  }
})
