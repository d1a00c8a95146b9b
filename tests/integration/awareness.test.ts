/**
 * Presence (DESIGN §5): participants see each other's names through the stock
 * provider's awareness; an awareness entry can only describe its own
 * connection, so a hand-crafted client cannot rename or remove someone else;
 * and whoever leaves — cleanly or by dropping the socket — disappears for the others.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { CreateWorkshopResponse } from '../../shared/api'
import { createWorkshop, join } from '../support/api'
import { type BoardClient, connectBoard, eventually } from '../support/boardClient'
import { awarenessMessage, openRaw } from '../support/rawSocket'
import { noteRecord } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

let server: ServerProcess
let workshop: CreateWorkshopResponse
const clients: BoardClient[] = []

before(async () => {
  server = await startServerProcess()
  workshop = await createWorkshop(server.url, server.adminToken)
})
after(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

/** Each actor joins as its own participant (its own session). */
const tokenFor = async (name: string) => (await join(server.url, workshop, 'participant', name)).token

/** A stock client announcing `name`. BroadcastChannel off: in-process providers would share presence directly. */
async function participant(name: string): Promise<BoardClient> {
  const c = connectBoard(server.url, workshop.id, { token: await tokenFor(name), disableBc: true })
  c.provider.awareness.setLocalState({ user: { name } })
  clients.push(c)
  return c
}

type Presence = { user?: { name?: string } } | undefined
const nameOf = (viewer: BoardClient, clientId: number) =>
  (viewer.provider.awareness.getStates().get(clientId) as Presence)?.user?.name

test('participants see each other; a forged entry never replaces its victim; leavers disappear', async () => {
  const alice = await participant('Alice')
  const bob = await participant('Bob')
  const carol = await participant('Carol')
  const A = alice.doc.clientID
  const B = bob.doc.clientID

  await eventually(() => nameOf(alice, B) === 'Bob' && nameOf(bob, A) === 'Alice', 5000, 'Alice and Bob see each other')
  await eventually(() => nameOf(carol, A) === 'Alice' && nameOf(carol, B) === 'Bob', 5000, 'Carol sees both')

  // Everything Carol ever sees about Alice and Bob, to catch even a transient forgery.
  const aliceNamesSeenByCarol = new Set<string | undefined>()
  let bobRemovedForCarol = false
  carol.provider.awareness.on('change', ({ removed }: { removed: number[] }) => {
    aliceNamesSeenByCarol.add(nameOf(carol, A))
    if (removed.includes(B)) bobRemovedForCarol = true
  })

  // Mallory announces her own id first (the registry binds it to her connection)...
  const mallory = openRaw(server.url, workshop.id, await tokenFor('Mallory'))
  const M = 1_000_000_001
  await mallory.opened
  mallory.send(awarenessMessage([{ clientId: M, clock: 1, state: { user: { name: 'Mallory' } } }]))
  await eventually(() => nameOf(carol, M) === 'Mallory', 5000, 'Carol sees Mallory')
  // ...then claims Alice's id with a newer clock and a forged name, and "removes" Bob.
  const aliceClock = alice.provider.awareness.meta.get(A)?.clock ?? 0
  const bobClock = bob.provider.awareness.meta.get(B)?.clock ?? 0
  mallory.send(
    awarenessMessage([
      { clientId: A, clock: aliceClock + 1000, state: { user: { name: 'Alice (forged)' } } },
      { clientId: B, clock: bobClock + 1000, state: null },
    ]),
  )
  // Gus does it the other way round: his very first announcement claims Alice's id.
  const gus = openRaw(server.url, workshop.id, await tokenFor('Gus'))
  const G = 1_000_000_002
  await gus.opened
  gus.send(
    awarenessMessage([{ clientId: A, clock: aliceClock + 2000, state: { user: { name: 'Alice (forged first)' } } }]),
  )

  // Barrier: later messages of the same connections reach Carol, so the forgeries were handled before.
  mallory.send(awarenessMessage([{ clientId: M, clock: 2, state: { user: { name: 'Mallory 2' } } }]))
  gus.send(awarenessMessage([{ clientId: G, clock: 1, state: { user: { name: 'Gus' } } }]))
  await eventually(() => nameOf(carol, M) === 'Mallory 2' && nameOf(carol, G) === 'Gus', 5000, 'barrier')

  assert.equal(nameOf(carol, A), 'Alice')
  assert.equal(nameOf(carol, B), 'Bob')
  assert.deepEqual([...aliceNamesSeenByCarol], ['Alice'])
  assert.equal(bobRemovedForCarol, false)
  // And a newcomer, who gets the server's current entries, sees the real ones too.
  const dan = await participant('Dan')
  await eventually(() => nameOf(dan, M) === 'Mallory 2', 5000, 'Dan gets the entries')
  assert.equal(nameOf(dan, A), 'Alice')
  assert.equal(nameOf(dan, B), 'Bob')

  // Mallory drops her socket without saying goodbye: the server removes her entry.
  mallory.ws.terminate()
  await eventually(() => !carol.provider.awareness.getStates().has(M), 5000, 'Mallory removed after her socket dropped')
  // Bob leaves the usual way.
  clients.splice(clients.indexOf(bob), 1)
  bob.destroy()
  await eventually(
    () => !alice.provider.awareness.getStates().has(B) && !carol.provider.awareness.getStates().has(B),
    5000,
    'Bob removed after he left',
  )
  assert.equal(nameOf(carol, A), 'Alice')
  gus.ws.close()
})

test('a participant whose connection drops is seen again once the stock provider reconnects', async () => {
  // "Remote partner: survive a flaky connection" (DESIGN §1). The stock provider keeps
  // its doc's clientID across reconnects and re-announces it on open.
  const erin = await participant('Erin')
  const frank = await participant('Frank')
  const E = erin.doc.clientID
  await eventually(() => nameOf(frank, E) === 'Erin', 5000, 'Frank sees Erin')

  // The network drops Erin's socket (no close frame); the server tells Frank she left.
  ;(erin.provider.ws as unknown as { terminate(): void }).terminate()
  await eventually(() => !frank.provider.awareness.getStates().has(E), 5000, 'Erin removed while offline')
  await eventually(() => erin.provider.synced, 5000, 'Erin reconnected')

  // Barrier: Erin's provider announced her presence on open, before this note on the same
  // connection; the server relays presence at once and the note after its commit.
  erin.put(noteRecord('erin-back', 'de retour'))
  await eventually(() => frank.get('shape:erin-back') !== undefined, 5000, "Frank gets Erin's note")
  assert.equal(nameOf(frank, E), 'Erin', "Erin's presence was refused after her reconnection")
})

test('a presence may only name its own participant: posing as the facilitator is refused', async () => {
  // Participants follow the facilitator by the participant id in their presence
  // (tldraw's startFollowingUser), and the participant list shows who is online by
  // it: the server guarantees that id is the connection's own.
  const fanny = await join(server.url, workshop, 'facilitator', 'Fanny')
  const watcher = await participant('Watcher')
  const honest = await join(server.url, workshop, 'participant', 'Honoré')
  const h = openRaw(server.url, workshop.id, honest.token)
  await h.opened
  const H = 1_000_000_011
  h.send(awarenessMessage([{ clientId: H, clock: 1, state: { user: { id: honest.participantId, name: 'Honoré' } } }]))
  await eventually(() => nameOf(watcher, H) === 'Honoré', 5000, 'an honest presence is relayed')

  const mallory = openRaw(server.url, workshop.id, await tokenFor('Mallory'))
  await mallory.opened
  const M = 1_000_000_012
  mallory.send(
    awarenessMessage([
      {
        clientId: M,
        clock: 1,
        state: { user: { id: fanny.participantId, name: 'Fanny' }, presence: { userId: fanny.participantId } },
      },
    ]),
  )
  assert.equal((await mallory.closedWithin(5000)).code, 4400)
  // tldraw's presence record says who it is too: forging only that field is refused as well.
  const trudy = openRaw(server.url, workshop.id, await tokenFor('Trudy'))
  await trudy.opened
  trudy.send(
    awarenessMessage([{ clientId: M + 1, clock: 1, state: { user: {}, presence: { userId: fanny.participantId } } }]),
  )
  assert.equal((await trudy.closedWithin(5000)).code, 4400)

  // Barrier: a later presence reaches the watcher, so the forgeries were handled before.
  h.send(awarenessMessage([{ clientId: H, clock: 2, state: { user: { id: honest.participantId, name: 'Honoré 2' } } }]))
  await eventually(() => nameOf(watcher, H) === 'Honoré 2', 5000, 'barrier')
  const states = watcher.provider.awareness.getStates()
  assert.equal(states.has(M), false)
  assert.equal(states.has(M + 1), false)
  h.ws.close()
})
