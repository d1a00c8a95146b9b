import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { createBoardSchema } from '../../shared/boardSchema'
import { DAY_MS } from '../../shared/workshop'
import { tempDataDir } from '../../tests/support/serverProcess'
import { FacilitationService } from '../facilitation/facilitationService'
import { createLogger, type LogFields } from '../logger'
import { RoomManager } from '../rooms/roomManager'
import { openSqliteStore } from '../storage/sqliteStore'
import { Erasure } from './erasure'
import { RetentionSweep } from './retention'

// Real parts: a SQLite store in a temporary directory, the room manager and facilitation service the server uses.
const store = openSqliteStore(tempDataDir('atelier-retention-'))
const lines: LogFields[] = []
const logger = createLogger('info', (line) => lines.push(JSON.parse(line) as LogFields))
const roomOptions = {
  store,
  schema: createBoardSchema(),
  logger,
  idleMs: 60_000,
  compactAfterUpdates: 500,
  maxLoadedRooms: 10,
  maxLoadedDrafts: 10,
  maxAwarenessBytes: 8192,
  writeRefusal: () => null,
}
const rooms: RoomManager = new RoomManager(roomOptions)
const facilitation = new FacilitationService(store, () => rooms)
const erasure = new Erasure({ store, rooms, facilitation, logger })
after(async () => {
  await rooms.shutdown()
  await store.close()
})

const T0 = Date.UTC(2025, 0, 6)
let clock = T0
const sweep = new RetentionSweep({ store, erasure, logger, sweepMs: 3600_000, now: () => clock })

async function workshop(id: string, retentionDays: number, name: string) {
  await store.createWorkshop({ id, title: id, template: 'vide', createdAt: T0, retentionDays }, [
    { role: 'participant', secretHash: `h-${id}` },
  ])
  await store.addParticipant(
    { id: `p-${id}`, workshopId: id, role: 'participant', name, organisation: 'Mairie', college: null, createdAt: T0 },
    `h-${id}`,
  )
}

test('the sweep erases a workshop once its retention has run out, and only then, and only once', async () => {
  await workshop('week', 7, 'Zoé')
  await workshop('year', 365, 'Paul')

  clock = T0 + 7 * DAY_MS - 1
  assert.deepEqual(await sweep.sweep(), [], 'a millisecond early: nothing')
  assert.equal((await store.getParticipant('p-week'))?.name, 'Zoé')

  clock = T0 + 7 * DAY_MS
  assert.deepEqual(await sweep.sweep(), ['week'])
  assert.equal((await store.getParticipant('p-week'))?.name, '')
  assert.equal((await store.getParticipant('p-week'))?.organisation, 'Mairie')
  assert.equal(await store.findLink('h-week'), null)
  assert.equal((await store.getParticipant('p-year'))?.name, 'Paul')
  assert.ok(lines.some((l) => l.event === 'workshop_expired' && l.workshop === 'week'))
  assert.ok(lines.some((l) => l.event === 'database_purged' && l.complete === true))

  assert.deepEqual(await sweep.sweep(), [], 'already erased')
  clock = T0 + 365 * DAY_MS
  assert.deepEqual(await sweep.sweep(), ['year'])
})

test('start() sweeps at once and stop() waits for it; a failing sweep is logged, not thrown', async () => {
  await workshop('day', 1, 'Olga')
  clock = T0 + 2 * DAY_MS
  const started = new RetentionSweep({ store, erasure, logger, sweepMs: 3600_000, now: () => clock })
  started.start()
  await started.stop()
  assert.equal((await store.getParticipant('p-day'))?.name, '')

  const broken = new RetentionSweep({
    store: {
      listExpiredWorkshops: async () => {
        throw new Error('disk gone')
      },
    },
    erasure,
    logger,
    sweepMs: 3600_000,
    now: () => clock,
  })
  assert.deepEqual(await broken.sweep(), [])
  assert.ok(lines.some((l) => l.event === 'retention_sweep_failed' && String(l.error).includes('disk gone')))
})
