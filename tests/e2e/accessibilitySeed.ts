/**
 * What the accessibility specs look at, written through the public API and a
 * stock board client: a démarche with a chantiers workshop (two enjeux with
 * their notes, two chantiers), a first roadmap version before any vote, then
 * an enjeu renamed and a vote — left open for the board's vote UI, or closed
 * and saved as a second version so the roadmap page has ranks, charts and a
 * comparison to show.
 */
import { expect } from '@playwright/test'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import * as build from '../../shared/model/shapeRecords'
import { join } from '../support/api'
import { writeBoard } from '../support/boardClient'
import { call } from '../support/controlClient'
import { chantierRecord } from '../support/records'
import type { ServerProcess } from '../support/serverProcess'

export interface SeededDemarche {
  processId: string
  /** The démarche's reader link (`/d/<id>#k=…`). */
  reader: string
  workshop: CreateWorkshopResponse
  facilitator: JoinResponse
  voteId: string
}

export const FIBRE = { id: 'shape:fibre', titre: 'Fibre dans les zones blanches' }
export const AIDANTS = { id: 'shape:aidants', titre: 'Former 40 aidants numériques' }

export async function seedDemarche(server: ServerProcess, vote: 'open' | 'closed'): Promise<SeededDemarche> {
  const { url, adminToken } = server
  const ok = async (res: ReturnType<typeof call>, status: number) => {
    const r = await res
    expect(r.status, JSON.stringify(r.body)).toBe(status)
    return r.body
  }
  const process = await ok(
    call(url, adminToken, 'POST', '/api/processes', { nom: 'Feuille de route — Aisne', codeDepartement: '02' }),
    201,
  )
  const workshop: CreateWorkshopResponse = await ok(
    call(url, adminToken, 'POST', '/api/workshops', {
      title: 'Atelier chantiers — Laon',
      template: 'chantiers',
      processId: process.id,
    }),
    201,
  )
  const facilitator = await join(url, workshop, 'facilitator', 'Préparation', { college: 'departement' })
  const alice = await join(url, workshop, 'participant', 'Alice Durand', { college: 'associations' })
  const frame = (id: string, name: string, x: number) =>
    build.frameRecord({ id, name, x, y: 3200, w: 460, h: 480, index: build.indexKey(40 + x / 100) })
  const note = (id: string, text: string, parentId: string, y: number) =>
    build.noteRecord({ id, text, parentId, x: 20, y, index: build.indexKey(y) })
  const reseau = frame('shape:reseau', 'Couverture réseau', 0)
  await writeBoard(url, workshop.id, facilitator.token, [
    reseau,
    note('shape:n1', 'Pas de fibre à Vervins', 'shape:reseau', 40),
    frame('shape:inclusion', 'Inclusion numérique', 600),
    note('shape:n2', 'Manque d’aidants numériques', 'shape:inclusion', 40),
    chantierRecord(
      FIBRE.id,
      { titre: FIBRE.titre, porteur: 'Conseil départemental', echeance: '2027', enjeuIds: ['shape:reseau'] },
      1400,
      3200,
      build.indexKey(90),
    ),
    chantierRecord(AIDANTS.id, { titre: AIDANTS.titre, enjeuIds: ['shape:inclusion'] }, 1800, 3200, build.indexKey(91)),
  ])
  // Version 1, before the vote: the comparison then has ranks and a renamed enjeu to tell.
  await ok(call(url, facilitator.token, 'POST', `/api/workshops/${workshop.id}/snapshots`), 201)
  await writeBoard(url, workshop.id, facilitator.token, [
    { ...reseau, props: { ...reseau.props, name: 'Réseaux et débit' } },
  ])
  const session = `/api/workshops/${workshop.id}/vote-sessions`
  const opened = await ok(
    call(url, facilitator.token, 'POST', session, {
      targets: 'chantiers',
      votesPerPerson: 3,
      maxPerItem: 2,
      hideResults: false,
      anonymous: false,
    }),
    201,
  )
  for (const targetId of [FIBRE.id, FIBRE.id, AIDANTS.id])
    await ok(call(url, alice.token, 'POST', `${session}/${opened.id}/votes`, { targetId }), 201)
  if (vote === 'closed') {
    await ok(call(url, facilitator.token, 'POST', `${session}/${opened.id}/close`), 200)
    // A snapshot appends the démarche's next roadmap version.
    await ok(call(url, facilitator.token, 'POST', `/api/workshops/${workshop.id}/snapshots`), 201)
  }
  return { processId: process.id, reader: process.links.reader, workshop, facilitator, voteId: opened.id }
}
