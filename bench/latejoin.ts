/**
 * Late joiner (issue 7 item 1): a board of 2,000 notes after 20,000 moves, and
 * a fresh participant opening it — cold (an empty Y.Doc) and with a cached copy
 * (a Y.Doc holding the board as it was 200 moves earlier: only the missing
 * part should travel). Time from opening the connection until the stock
 * provider is synced with every note in its YKeyValue, and bytes received
 * until then; median of 5. Atelier and the reference `@y/websocket-server`,
 * each with the board's writer still connected (the room loaded), server on
 * core 0, this process on core 1. Prints a Markdown table.
 *
 * BENCH_LATE_NOTES (default 2000) and BENCH_LATE_MOVES (default 20000).
 */
import type { TLRecord } from '@tldraw/tlschema'
import WebSocket from 'ws'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { RECORDS_ARRAY } from '../shared/boardDoc'
import { withAuthor } from '../shared/model/noteAuthor'
import { documentRecords, noteRecord } from '../tests/support/records'
import { exitAfter } from './load/deadline'
import { loadAverage, pinToCore } from './load/processStats'
import { type Column, kib, ms, table } from './load/report'
import { type Admission, GENERATOR_CORE, startAtelier, startReference, type Target } from './load/targets'

const NOTES = Number(process.env.BENCH_LATE_NOTES ?? 2000)
const MOVES = Number(process.env.BENCH_LATE_MOVES ?? 20_000)
/** The cached copy misses this many of the last moves (someone who stepped out for a minute). */
const MISSED_MOVES = Math.round(MOVES / 100)
const RUNS = 5

exitAfter(300_000, 'latejoin')
pinToCore(process.pid, GENERATOR_CORE)

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

interface Opened {
  doc: Y.Doc
  records: YKeyValue<TLRecord>
  provider: WebsocketProvider
  /** Bytes received on the socket so far. */
  received(): number
  synced: Promise<void>
  destroy(): void
}

/** The stock provider on `doc` (possibly already holding a state), counting the bytes it receives. */
function open(target: Target, admission: Admission, doc = new Y.Doc()): Opened {
  let bytes = 0
  class CountingSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      this.on('message', (data: Buffer | ArrayBuffer) => {
        bytes += data.byteLength
      })
    }
  }
  const records = new YKeyValue<TLRecord>(doc.getArray(RECORDS_ARRAY))
  const provider = new WebsocketProvider(admission.wsBase, target.room, doc, {
    params: admission.params,
    WebSocketPolyfill: CountingSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  const synced = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not synced with ${target.name} in 30 s`)), 30_000)
    provider.once('sync', () => {
      clearTimeout(timer)
      resolve()
    })
  })
  return {
    doc,
    records,
    provider,
    received: () => bytes,
    synced,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

interface Row {
  server: string
  coldMs: number
  coldBytes: number
  cachedMs: number
  cachedBytes: number
  load: string
}

async function measure(start: () => Promise<Target>): Promise<Row> {
  const target = await start()
  try {
    const writerAdmission = await target.admit('Rédacteur')
    const writer = open(target, writerAdmission)
    await writer.synced
    const notes = Array.from({ length: NOTES }, (_, i) =>
      withAuthor(
        noteRecord(
          `late-${i}`,
          `Constat ${i} : la couverture mobile est inégale`,
          (i % 50) * 220,
          Math.floor(i / 50) * 220,
        ),
        writerAdmission.participantId,
      ),
    )
    writer.doc.transact(() => {
      for (const r of documentRecords()) writer.records.set(r.id, r)
    })
    for (let i = 0; i < notes.length; i += 250) {
      writer.doc.transact(() => {
        for (const n of notes.slice(i, i + 250)) writer.records.set(n.id, n)
      })
      await new Promise((r) => setImmediate(r))
    }
    // Each move its own transaction (one update on the wire), as a person dragging notes one by one.
    let cached: Uint8Array | null = null
    const last = { id: '', x: 0 }
    for (let m = 0; m < MOVES; m++) {
      if (m === MOVES - MISSED_MOVES) cached = Y.encodeStateAsUpdate(writer.doc)
      const note = notes[(m * 7919) % NOTES] as TLRecord & { x: number }
      last.id = note.id
      last.x = note.x + (m % 100)
      writer.records.set(note.id, { ...note, x: last.x } as TLRecord)
      if (m % 200 === 199) await new Promise((r) => setImmediate(r))
    }
    // The first joiner also proves the server holds every move; it is not timed.
    const hasAll = (o: Opened) => (o.records.get(last.id) as { x?: number } | undefined)?.x === last.x
    const deadline = Date.now() + 120_000
    for (;;) {
      const check = open(target, await target.admit('Vérification'))
      await check.synced
      const done = hasAll(check)
      check.destroy()
      if (done) break
      if (Date.now() > deadline) throw new Error(`${target.name} did not hold the last move in 120 s`)
      await new Promise((r) => setTimeout(r, 200))
    }

    const join = async (state: Uint8Array | null) => {
      const doc = new Y.Doc()
      if (state) Y.applyUpdate(doc, state)
      const admission = await target.admit('Retardataire')
      const started = performance.now()
      const joiner = open(target, admission, doc)
      await joiner.synced
      const elapsed = performance.now() - started
      if (!hasAll(joiner) || joiner.records.map.size < NOTES)
        throw new Error(`${target.name}: a late joiner synced without the whole board`)
      const bytes = joiner.received()
      joiner.destroy()
      return { elapsed, bytes }
    }
    const cold: { elapsed: number; bytes: number }[] = []
    const warm: { elapsed: number; bytes: number }[] = []
    for (let r = 0; r < RUNS; r++) {
      cold.push(await join(null))
      warm.push(await join(cached))
    }
    const row: Row = {
      server: target.name,
      coldMs: median(cold.map((c) => c.elapsed)),
      coldBytes: median(cold.map((c) => c.bytes)),
      cachedMs: median(warm.map((c) => c.elapsed)),
      cachedBytes: median(warm.map((c) => c.bytes)),
      load: loadAverage(),
    }
    writer.destroy()
    return row
  } finally {
    await target.stop()
  }
}

// Writing the board is set-up, not what is measured: Atelier's per-connection limits
// are raised so that one writer can make 20,000 moves in seconds.
const setupLimits = { ATELIER_MAX_MESSAGES_PER_SECOND: '1000000', ATELIER_MAX_BYTES_PER_SECOND: '1000000000' }
const rows = [await measure(() => startAtelier(setupLimits)), await measure(startReference)]
const columns: Column<Row>[] = [
  { title: 'server', cell: (r) => r.server },
  { title: 'cold sync', cell: (r) => ms(r.coldMs), value: (r) => r.coldMs },
  { title: 'received (cold)', cell: (r) => kib(r.coldBytes), value: (r) => r.coldBytes },
  { title: 'with cached copy', cell: (r) => ms(r.cachedMs), value: (r) => r.cachedMs },
  { title: 'received (cached)', cell: (r) => kib(r.cachedBytes), value: (r) => r.cachedBytes },
  { title: 'load avg', cell: (r) => r.load },
]
console.log(
  `\n### Late joiner: ${NOTES.toLocaleString('en-US')} notes after ${MOVES.toLocaleString('en-US')} moves; the cached copy misses the last ${MISSED_MOVES.toLocaleString('en-US')} (median of ${RUNS})\n\n${table(columns, rows)}`,
)
process.exit(0)
