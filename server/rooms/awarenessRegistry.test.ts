import assert from 'node:assert/strict'
import { test } from 'node:test'
import { AwarenessRegistry } from './awarenessRegistry'

const state = (name: string) => JSON.stringify({ user: { name } })

test('a connection owns the first id it announces and cannot write any other', () => {
  const reg = new AwarenessRegistry(1024)
  const alice = { participantId: 'alice' }
  const mallory = { participantId: 'mallory' }
  assert.deepEqual(reg.apply(alice, [{ clientId: 1, clock: 1, json: state('Alice') }]), {
    ok: true,
    accepted: [{ clientId: 1, clock: 1, json: state('Alice') }],
    reply: [],
  })
  reg.apply(mallory, [{ clientId: 2, clock: 1, json: state('Mallory') }])
  // Mallory tries to overwrite Alice's entry with a higher clock: dropped.
  const forged = reg.apply(mallory, [{ clientId: 1, clock: 9, json: state('Fake Alice') }])
  assert.deepEqual(forged, { ok: true, accepted: [], reply: [] })
  assert.equal(reg.all().find((e) => e.clientId === 1)?.json, state('Alice'))
})

test('echoes of other entries are ignored, even before a connection announced itself', () => {
  const reg = new AwarenessRegistry(1024)
  const alice = { participantId: 'alice' }
  const bob = { participantId: 'bob' }
  reg.apply(alice, [{ clientId: 1, clock: 3, json: state('Alice') }])
  // Bob's client relays Alice's entry back (y-websocket does), then announces itself.
  assert.deepEqual(reg.apply(bob, [{ clientId: 1, clock: 3, json: state('Alice') }]).ok, true)
  reg.apply(bob, [{ clientId: 2, clock: 1, json: state('Bob') }])
  assert.deepEqual(
    reg
      .all()
      .map((e) => e.clientId)
      .sort(),
    [1, 2],
  )
})

test('leaving removes the entry and retires the id', () => {
  const reg = new AwarenessRegistry(1024)
  const alice = { participantId: 'alice' }
  const bob = { participantId: 'bob' }
  reg.apply(alice, [{ clientId: 1, clock: 1, json: state('Alice') }])
  assert.deepEqual(reg.remove(alice), [{ clientId: 1, clock: 2, json: 'null' }])
  // A late echo of Alice's old entry must not let Bob claim her id.
  reg.apply(bob, [{ clientId: 1, clock: 1, json: state('Alice') }])
  assert.equal(reg.size, 0)
  // Alice herself, reconnecting with the same id (the stock client keeps it), gets it back.
  // She missed her own removal (clock 2) while away: it is sent back to her so her
  // client raises its clock above it and re-announces.
  const aliceAgain = { participantId: 'alice' }
  const back = reg.apply(aliceAgain, [{ clientId: 1, clock: 1, json: state('Alice') }])
  assert.deepEqual(back, {
    ok: true,
    accepted: [{ clientId: 1, clock: 1, json: state('Alice') }],
    reply: [{ clientId: 1, clock: 2, json: 'null' }],
  })
  reg.apply(aliceAgain, [{ clientId: 1, clock: 3, json: state('Alice') }])
  assert.deepEqual(reg.all(), [{ clientId: 1, clock: 3, json: state('Alice') }])
})

test('oversized or non-object states are refused', () => {
  const reg = new AwarenessRegistry(64)
  assert.equal(reg.apply({ participantId: 'a' }, [{ clientId: 1, clock: 1, json: state('x'.repeat(100)) }]).ok, false)
  assert.equal(reg.apply({ participantId: 'b' }, [{ clientId: 2, clock: 1, json: '[1,2]' }]).ok, false)
})

test('a state may only name its own participant, in user.id and in tldraw’s presence.userId', () => {
  const reg = new AwarenessRegistry(1024)
  const alice = { participantId: 'alice' }
  const own = JSON.stringify({ user: { id: 'alice', name: 'Alice' }, presence: { userId: 'alice' } })
  assert.equal(reg.apply(alice, [{ clientId: 1, clock: 1, json: own }]).ok, true)
  // Claiming to be the facilitator (whom participants follow) is refused, whichever field says it.
  const asUser = JSON.stringify({ user: { id: 'fanny', name: 'Fanny' } })
  const asPresence = JSON.stringify({ user: { id: 'alice' }, presence: { userId: 'fanny' } })
  assert.deepEqual(reg.apply(alice, [{ clientId: 1, clock: 2, json: asUser }]), {
    ok: false,
    reason: 'awareness state names another participant',
  })
  assert.equal(reg.apply(alice, [{ clientId: 1, clock: 3, json: asPresence }]).ok, false)
  assert.equal(reg.apply({ participantId: 'bob' }, [{ clientId: 2, clock: 1, json: asUser }]).ok, false)
  assert.deepEqual(reg.all(), [{ clientId: 1, clock: 1, json: own }])
  // A state naming nobody (the stock client's first `{}`) is accepted.
  assert.equal(reg.apply({ participantId: 'carol' }, [{ clientId: 3, clock: 1, json: '{}' }]).ok, true)
})
