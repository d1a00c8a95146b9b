/**
 * A note's author stamp (`meta.atelier.author`, shared/model/noteAuthor.ts) is
 * true: the server accepts a new note stamped with its writer's participant
 * id, lets anyone edit or move it with the stamp unchanged, and closes with
 * 4409 — nothing applied, nobody else sees it — a connection that writes a new
 * note stamped with someone else's id or changes a note's author. Drafts
 * documents (private writing) follow the same rule.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { TLRecord } from '@tldraw/tlschema'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import { draftsDocName } from '../../shared/boardDoc'
import { noteAuthor, withAuthor } from '../../shared/model/noteAuthor'
import { CloseCodes } from '../../shared/protocol'
import { createWorkshop, join } from '../support/api'
import { type BoardClient, type ConnectOptions, connectBoard, eventually } from '../support/boardClient'
import { call } from '../support/controlClient'
import { noteRecord } from '../support/records'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

let server: ServerProcess
let ws: CreateWorkshopResponse
let alice: JoinResponse
let bruno: JoinResponse
const clients: BoardClient[] = []

before(async () => {
  server = await startServerProcess()
  ws = await createWorkshop(server.url, server.adminToken, 'Atelier auteurs', 'enjeux')
  alice = await join(server.url, ws, 'participant', 'Alice')
  bruno = await join(server.url, ws, 'participant', 'Bruno')
})
after(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

async function board(who: JoinResponse, opts: ConnectOptions = {}): Promise<BoardClient> {
  const c = connectBoard(server.url, ws.id, { token: who.token, ...opts })
  clients.push(c)
  await c.synced()
  return c
}

const stamped = (id: string, text: string, author: string, x = 0) =>
  withAuthor(noteRecord(id, text, x) as TLRecord & { meta: object }, author) as TLRecord

const closedForAuthor = (c: BoardClient) => c.closes.some((e) => e.code === CloseCodes.noteAuthor.code)

test('a note stamped by its writer is shared; others move it with its stamp', async () => {
  const a = await board(alice)
  const b = await board(bruno)
  a.put(stamped('alice-1', 'Fibre absente', alice.participantId))
  await eventually(() => b.get('shape:alice-1') !== undefined, 5000, 'Bruno sees Alice’s note')
  assert.equal(noteAuthor(b.get('shape:alice-1')), alice.participantId)

  b.put({ ...(b.get('shape:alice-1') as TLRecord), x: 300 } as TLRecord)
  await eventually(() => (a.get('shape:alice-1') as { x?: number } | undefined)?.x === 300, 5000, 'the move arrives')
  assert.equal(noteAuthor(a.get('shape:alice-1')), alice.participantId)
  // Unstamped notes (stock clients, older boards) are still accepted.
  b.put(noteRecord('plain', 'Sans auteur'))
  await eventually(() => a.get('shape:plain') !== undefined, 5000, 'an unstamped note arrives')
  assert.equal(closedForAuthor(a) || closedForAuthor(b), false)
})

test('a forged stamp closes the connection (4409) and reaches nobody', async () => {
  const witness = await board(alice)
  const forger = await board(bruno, { connect: true })
  forger.put(stamped('forged', 'Écrite par Bruno, signée Alice', alice.participantId))
  await eventually(() => closedForAuthor(forger), 5000, 'the forger is closed with 4409')

  // Taking over a note that is someone else's: refused the same way.
  await eventually(() => witness.get('shape:alice-1') !== undefined, 5000, 'the witness has Alice’s note')
  const thief = await board(bruno)
  thief.put(stamped('alice-1', 'Fibre absente', bruno.participantId))
  await eventually(() => closedForAuthor(thief), 5000, 'the thief is closed with 4409')
  // Removing the stamp is changing it too.
  const eraser = await board(bruno)
  eraser.put(noteRecord('alice-1', 'Fibre absente'))
  await eventually(() => closedForAuthor(eraser), 5000, 'the eraser is closed with 4409')

  // Nothing of it was applied: a fresh client reads the server's state.
  const fresh = await board(alice)
  assert.equal(fresh.get('shape:forged'), undefined)
  assert.equal(noteAuthor(fresh.get('shape:alice-1')), alice.participantId)
  assert.equal(witness.get('shape:forged'), undefined)
  assert.equal(closedForAuthor(witness), false)
})

test('drafts documents: the author stamps their own private notes, a forged stamp is refused', async () => {
  const fanny = await join(server.url, ws, 'facilitator', 'Fanny')
  const on = await call(server.url, fanny.token, 'POST', `/api/workshops/${ws.id}/private-writing`, { active: true })
  assert.equal(on.status, 200)
  const room = draftsDocName(ws.id, bruno.participantId)
  const own = await board(bruno, { room })
  own.put(stamped('draft-ok', 'Idée privée', bruno.participantId))
  const reread = await board(bruno, { room })
  await eventually(() => reread.get('shape:draft-ok') !== undefined, 5000, 'the private note is stored')
  own.put(stamped('draft-forged', 'Idée privée signée Alice', alice.participantId))
  await eventually(() => closedForAuthor(own), 5000, 'closed with 4409')
  const again = await board(bruno, { room })
  assert.equal(again.get('shape:draft-forged'), undefined)
})
