import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FacilitationService } from '../facilitation/facilitationService'
import { createLogger, type LogFields } from '../logger'
import type { RoomManager } from '../rooms/roomManager'
import type { Store, WorkshopControlRow } from '../storage/store'
import { BusKind } from './bus'
import { BusBridge, SessionsChange } from './busBridge'

// The real facilitation service and bridge over a store that counts its control reads
// and can hold them (the bus messages come in through BusBridge.receive, as from Redis).
function setup() {
  const stored: WorkshopControlRow = {
    phase: 'vote',
    locked: true,
    timer: null,
    settings: null,
    privateWriting: false,
    summon: null,
  }
  let held: Promise<void> = Promise.resolve()
  const reads = { control: 0 }
  const store = {
    getControl: async () => {
      reads.control++
      await held
      return { ...stored }
    },
    getActiveParticipant: async () => null,
  } as unknown as Store
  const rooms = { loadedRooms: () => [], loadedRoom: () => null, evict: () => {} } as unknown as RoomManager
  const logs: LogFields[] = []
  const logger = createLogger('info', (line) => logs.push(JSON.parse(line) as LogFields))
  const facilitation = new FacilitationService(store, () => rooms)
  const bridge = new BusBridge({ rooms: () => rooms, store, facilitation, logger })
  return {
    stored,
    reads,
    logs,
    facilitation,
    bridge,
    /** Holds every control read from now until the returned function is called. */
    hold(): () => void {
      let release = () => {}
      held = new Promise((r) => {
        release = r
      })
      return release
    },
    message: (kind: BusKind, payload = new Uint8Array()) =>
      bridge.receive({ node: 'other', kind, target: 'w1', payload }),
  }
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await wait(10)
  assert.ok(check(), what)
}

test('sessions revoked elsewhere: the cached board lock holds while it is read again, then takes the store’s value', async () => {
  const s = setup()
  await s.facilitation.prepare('w1')
  assert.equal(s.facilitation.isLocked('w1'), true)
  s.stored.locked = false
  const release = s.hold()
  s.message(BusKind.sessions, Uint8Array.of(SessionsChange.revoked))
  await wait(20)
  // Before: forgotten, the lock read as unlocked (the default) for the whole store read.
  assert.equal(s.facilitation.isLocked('w1'), true, 'still locked during the read')
  release()
  await until(() => !s.facilitation.isLocked('w1'), 'the store’s lock once read')
  assert.deepEqual(s.logs, [])
})

test('a burst of control messages from another node re-derives the workshop twice, not once each, and ends on the last state', async () => {
  const s = setup()
  await s.facilitation.prepare('w1')
  const before = s.reads.control
  for (let i = 0; i < 250; i++) s.message(BusKind.control)
  await wait(100)
  // Before: one re-derive (a control read, and the whole state if the control room is loaded) per message.
  assert.equal(s.reads.control - before, 2, 'the first re-derive, and one more for what came while it ran')

  // Changed and told while a re-derive runs: one more after it, which reads the change.
  const release = s.hold()
  s.message(BusKind.control)
  await until(() => s.reads.control - before === 3, 'a re-derive started at once')
  s.stored.locked = false
  for (let i = 0; i < 100; i++) s.message(BusKind.control)
  release()
  await until(() => !s.facilitation.isLocked('w1'), 'the change made during the running re-derive is read')
  await wait(100)
  assert.equal(s.reads.control - before, 4)
  assert.deepEqual(s.logs, [])
})
