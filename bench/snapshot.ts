/**
 * Snapshot figures (issue 4): time and size of `POST /api/workshops/:id/snapshots`
 * for a board of 2,000 notes (in 40 frames), 100 chantiers and a closed vote
 * by 50 voters, all written through the real server (stock y-websocket
 * client, vote API). Median of 5, with the board's room loaded (clients
 * connected) and read from the stored log (after a restart, no room loaded).
 * Printed as a Markdown table. Bounded in time.
 */
import { gzipSync } from 'node:zlib'
import type { TLRecord } from '@tldraw/tlschema'
import { createWorkshop, join } from '../tests/support/api'
import { connectBoard, eventually } from '../tests/support/boardClient'
import { call } from '../tests/support/controlClient'
import { chantierRecord, frameRecord, noteRecord } from '../tests/support/records'
import { startServerProcess } from '../tests/support/serverProcess'
import { exitAfter } from './load/deadline'

const NOTES = Number(process.env.BENCH_NOTES ?? 2000)
const FRAMES = 40
const CHANTIERS = 100
const VOTERS = 50
const RUNS = 5

exitAfter(240_000, 'snapshot')

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`

let server = await startServerProcess({ env: { ATELIER_MAX_MESSAGES_PER_SECOND: '100000' } })
try {
  const ws = await createWorkshop(server.url, server.adminToken, 'Atelier chantiers (bench)', 'chantiers')
  const facilitator = await join(server.url, ws, 'facilitator', 'Bench', {
    organisation: 'Conseil départemental',
    college: 'departement',
  })

  // The board, in transactions of a few hundred records (each one WebSocket frame well under the limit).
  const records: TLRecord[] = []
  const perFrame = Math.ceil(NOTES / FRAMES)
  for (let f = 0; f < FRAMES; f++) {
    records.push(frameRecord(`e${f}`, `Enjeu ${f + 1}`, (f % 8) * 2000, Math.floor(f / 8) * 3000 - 20_000))
    for (let i = 0; i < perFrame && f * perFrame + i < NOTES; i++) {
      const note = noteRecord(`n${f}-${i}`, `Constat ${f}-${i} : le débit est trop faible dans la commune`, 0, 0)
      records.push({ ...note, parentId: `shape:e${f}`, x: (i % 7) * 220, y: Math.floor(i / 7) * 220 } as TLRecord)
    }
  }
  for (let c = 0; c < CHANTIERS; c++) {
    records.push(
      chantierRecord(
        `c${c}`,
        {
          titre: `Chantier ${c + 1}`,
          description: 'Former et équiper les aidants numériques du territoire',
          porteur: `Organisation ${c % 12}`,
          partenaires: ['CAF', 'France Services'],
          echeance: `${2026 + (c % 3)}-0${1 + (c % 9)}`,
          enjeuIds: [`shape:e${c % FRAMES}`, `shape:e${(c + 1) % FRAMES}`],
        },
        (c % 10) * 400,
        Math.floor(c / 10) * 300,
      ),
    )
  }
  const writer = connectBoard(server.url, ws.id, { token: facilitator.token })
  const check = connectBoard(server.url, ws.id, { token: facilitator.token })
  await Promise.all([writer.synced(), check.synced()])
  for (let i = 0; i < records.length; i += 250) {
    writer.doc.transact(() => {
      for (const r of records.slice(i, i + 250)) writer.put(r)
    })
    await new Promise((r) => setImmediate(r))
  }
  await eventually(() => records.every((r) => check.get(r.id) !== undefined), 60_000, 'board written')

  // A closed vote by 50 voters, 5 dots each.
  const colleges = ['associations', 'etat', 'epci-communes', 'france-services', 'region'] as const
  const voters = await Promise.all(
    Array.from({ length: VOTERS }, (_, i) =>
      join(server.url, ws, 'participant', `Votant ${i}`, {
        organisation: `Organisation ${i % 20}`,
        college: colleges[i % colleges.length],
      }),
    ),
  )
  const api = (token: string, method: string, p: string, body?: unknown) => call(server.url, token, method, p, body)
  const open = await api(facilitator.token, 'POST', `/api/workshops/${ws.id}/vote-sessions`, {
    targets: 'chantiers',
    votesPerPerson: 5,
    maxPerItem: 2,
    hideResults: true,
    anonymous: false,
  })
  if (open.status !== 201) throw new Error(`open vote: ${open.status}`)
  await Promise.all(
    voters.flatMap((v, i) =>
      Array.from({ length: 5 }, (_, k) =>
        api(v.token, 'POST', `/api/workshops/${ws.id}/vote-sessions/${open.body.id}/votes`, {
          targetId: `shape:c${(i * 7 + k * 13) % CHANTIERS}`,
        }),
      ),
    ),
  )
  await api(facilitator.token, 'POST', `/api/workshops/${ws.id}/vote-sessions/${open.body.id}/close`)

  const time = async () => {
    const ms: number[] = []
    let bytes = 0
    let body = ''
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now()
      const res = await fetch(`${server.url}/api/workshops/${ws.id}/snapshots`, {
        method: 'POST',
        headers: { authorization: `Bearer ${facilitator.token}` },
      })
      body = await res.text()
      ms.push(performance.now() - started)
      if (res.status !== 201) throw new Error(`snapshot: ${res.status} ${body.slice(0, 300)}`)
      bytes = Buffer.byteLength(body)
    }
    return { ms: median(ms), bytes, body }
  }
  const loaded = await time()
  writer.destroy()
  check.destroy()
  await server.stop()
  server = await server.restart()
  const fromLog = await time()

  type Body = { sha256: string; notes: unknown[]; chantiers: unknown[] }
  const snapshot = JSON.parse(fromLog.body) as Body
  // The two ways of reading the board must see the same state.
  if (snapshot.sha256 !== (JSON.parse(loaded.body) as Body).sha256)
    throw new Error('sha256 differs between the room and the log')
  const rows: [string, string][] = [
    [
      'board',
      `${snapshot.notes.length} notes in ${FRAMES} frames, ${snapshot.chantiers.length} chantiers, closed vote by ${VOTERS} voters`,
    ],
    [`POST …/snapshots, board room loaded (median of ${RUNS})`, `${loaded.ms.toFixed(0)} ms`],
    [`POST …/snapshots, board read from the stored log (median of ${RUNS})`, `${fromLog.ms.toFixed(0)} ms`],
    ['snapshot body (canonical JSON)', `${kib(fromLog.bytes)} (${kib(gzipSync(fromLog.body).length)} gzipped)`],
    ['same sha256 from the room and from the log', 'yes'],
  ]
  console.log('\n| snapshot figure | value |\n|---|---|')
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`)
} finally {
  await server.stop()
}
