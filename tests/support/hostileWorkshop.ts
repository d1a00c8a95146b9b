/**
 * A real workshop full of hostile texts, for the export tests: a démarche, a
 * workshop of it, participants whose organisations are XSS payloads, a board
 * written with the stock y-websocket client (enjeux named with the texts,
 * a note of each text in its enjeu, a chantier of each text in every field),
 * a closed dot vote on the chantiers, and a snapshot taken through the API.
 */
import type { CreateWorkshopResponse, JoinResponse, ProcessResponse } from '../../shared/api'
import type { CollegeId } from '../../shared/colleges'
import * as build from '../../shared/model/shapeRecords'
import { join } from './api'
import { connectBoard, eventually } from './boardClient'
import { call } from './controlClient'
import { chantierRecord, documentRecords } from './records'
import type { ServerProcess } from './serverProcess'

export interface HostileWorkshop {
  process: ProcessResponse
  workshop: CreateWorkshopResponse
  facilitator: JoinResponse
  observer: JoinResponse
  snapshotId: string
}

async function ok<T>(res: Promise<{ status: number; body: T }>, status: number, what: string): Promise<T> {
  const answer = await res
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body
}

/** The names of the démarche and the workshop (hostile too, by default). */
export interface WorkshopNames {
  demarche: string
  workshop: string
}

const HOSTILE_NAMES: WorkshopNames = {
  demarche: 'Démarche <script>window.__xss=1</script> « Aisne »',
  workshop: 'Atelier <img src=x onerror=alert(1)> « chantiers »',
}

/** `texts`: each one becomes an enjeu, its note and a chantier; `organisations` (one line each, ≤ 120 characters) join. */
export async function hostileWorkshop(
  server: ServerProcess,
  texts: readonly string[],
  organisations: readonly string[],
  names: WorkshopNames = HOSTILE_NAMES,
): Promise<HostileWorkshop> {
  const admin = (method: string, path: string, body?: unknown) =>
    call(server.url, server.adminToken, method, path, body)
  const process = await ok<ProcessResponse>(
    admin('POST', '/api/processes', {
      nom: names.demarche,
      codeDepartement: '02',
    }),
    201,
    'create process',
  )
  const workshop = await ok<CreateWorkshopResponse>(
    admin('POST', '/api/workshops', {
      title: names.workshop,
      template: 'vide',
      processId: process.id,
    }),
    201,
    'create workshop',
  )
  const facilitator = await join(server.url, workshop, 'facilitator', 'Fanny', {
    organisation: 'Conseil départemental',
    college: 'departement',
  })
  const observer = await join(server.url, workshop, 'observer', 'Olivier')
  const colleges: CollegeId[] = ['associations', 'etat', 'epci-communes']
  const voters = await Promise.all(
    organisations.map((organisation, i) =>
      join(server.url, workshop, 'participant', `Votant ${i}`, { organisation, college: colleges[i % 3] as CollegeId }),
    ),
  )

  const board = connectBoard(server.url, workshop.id, { token: facilitator.token })
  await board.synced()
  const records = [
    ...documentRecords(),
    ...texts.flatMap((t, i) => {
      const frame = `shape:e${i}`
      return [
        build.frameRecord({ id: frame, name: t, x: (i % 6) * 700, y: Math.floor(i / 6) * 600, w: 600, h: 500 }),
        build.noteRecord({ id: `shape:n${i}`, text: t, x: 40, y: 60, parentId: frame }),
        chantierRecord(
          `c${i}`,
          {
            titre: t.slice(0, 200),
            description: t,
            porteur: t,
            partenaires: [t],
            echeance: t.slice(0, 40),
            contexte: t,
            besoins: t,
            perimetreGeographique: t,
            coFinancements: [t],
            enjeuIds: [frame],
          },
          (i % 6) * 700,
          5000 + Math.floor(i / 6) * 400,
        ),
      ]
    }),
  ]
  board.doc.transact(() => {
    for (const r of records) board.put(r as never)
  })
  const check = connectBoard(server.url, workshop.id, { token: facilitator.token })
  await check.synced()
  await eventually(() => check.ids().length === records.length, 10_000, 'board stored')
  board.destroy()
  check.destroy()

  const base = `/api/workshops/${workshop.id}`
  const session = await ok<{ id: string }>(
    call(server.url, facilitator.token, 'POST', `${base}/vote-sessions`, {
      targets: 'chantiers',
      votesPerPerson: 3,
      maxPerItem: 3,
      hideResults: true,
      anonymous: false,
    }),
    201,
    'open vote',
  )
  // Voter i gives i+1 dots to chantier i (capped at 3): distinct scores, some ties.
  for (const [i, voter] of voters.entries()) {
    for (let k = 0; k < Math.min(3, i + 1); k++) {
      await ok(
        call(server.url, voter.token, 'POST', `${base}/vote-sessions/${session.id}/votes`, { targetId: `shape:c${i}` }),
        201,
        'vote',
      )
    }
  }
  await ok(call(server.url, facilitator.token, 'POST', `${base}/vote-sessions/${session.id}/close`), 200, 'close vote')
  const snapshot = await ok<{ id: string }>(
    call(server.url, facilitator.token, 'POST', `${base}/snapshots`),
    201,
    'take snapshot',
  )
  return { process, workshop, facilitator, observer, snapshotId: snapshot.id }
}
