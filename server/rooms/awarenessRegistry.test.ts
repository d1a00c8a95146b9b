import assert from 'node:assert/strict'
import { test } from 'node:test'
import { AwarenessRegistry } from './awarenessRegistry'

const state = (name: string) => JSON.stringify({ user: { name } })

test('a connection owns the first id it announces and cannot write any other', () => {
  const reg = new AwarenessRegistry(1024)
  const alice = {}
  const mallory = {}
  assert.deepEqual(reg.apply(alice, [{ clientId: 1, clock: 1, json: state('Alice') }]), {
    ok: true,
    accepted: [{ clientId: 1, clock: 1, json: state('Alice') }],
  })
  reg.apply(mallory, [{ clientId: 2, clock: 1, json: state('Mallory') }])
  // Mallory tries to overwrite Alice's entry with a higher clock: dropped.
  const forged = reg.apply(mallory, [{ clientId: 1, clock: 9, json: state('Fake Alice') }])
  assert.deepEqual(forged, { ok: true, accepted: [] })
  assert.equal(reg.all().find((e) => e.clientId === 1)?.json, state('Alice'))
})

test('echoes of other entries are ignored, even before a connection announced itself', () => {
  const reg = new AwarenessRegistry(1024)
  const alice = {}
  const bob = {}
  reg.apply(alice, [{ clientId: 1, clock: 3, json: state('Alice') }])
  // Bob's client relays Alice's entry back (y-websocket does), then announces itself.
  assert.deepEqual(reg.apply(bob, [{ clientId: 1, clock: 3, json: state('Alice') }]).ok, true)
  reg.apply(bob, [{ clientId: 2, clock: 1, json: state('Bob') }])
  assert.deepEqual(reg.all().map((e) => e.clientId).sort(), [1, 2])
})

test('leaving removes the entry and retires the id', () => {
  const reg = new AwarenessRegistry(1024)
  const alice = {}
  const bob = {}
  reg.apply(alice, [{ clientId: 1, clock: 1, json: state('Alice') }])
  assert.deepEqual(reg.remove(alice), [{ clientId: 1, clock: 2, json: 'null' }])
  // A late echo of Alice's old entry must not let Bob claim her id.
  reg.apply(bob, [{ clientId: 1, clock: 1, json: state('Alice') }])
  assert.equal(reg.size, 0)
})

test('oversized or non-object states are refused', () => {
  const reg = new AwarenessRegistry(64)
  assert.equal(reg.apply({}, [{ clientId: 1, clock: 1, json: state('x'.repeat(100)) }]).ok, false)
  assert.equal(reg.apply({}, [{ clientId: 2, clock: 1, json: '[1,2]' }]).ok, false)
})
