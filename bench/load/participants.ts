/**
 * Headless participants for the load runs: each one the stock `y-websocket`
 * provider on a Y.Doc laid out as documented (YKeyValue over `records`), with
 * its own session, moving its own sticky note and its cursor at set rates.
 *
 * A move carries its send time in the note's `meta.bench`, so every other
 * participant, on receiving it, records the fan-out latency (same process,
 * same clock). Cursors are tldraw presence records in awareness, as our
 * client publishes them.
 *
 * Writes are YKeyValue's (the note's older entry deleted and the new one
 * appended, in one transaction), but no participant builds YKeyValue's map:
 * its observer walks the whole array, tombstones included, on every received
 * update (~150 µs at N = 50 after a few thousand moves), and one core cannot
 * do that for N clients at once. Receivers read the entries each transaction
 * appended instead: what travels, and what the server does, is the same.
 */
import { InstancePresenceRecordType, type TLRecord } from '@tldraw/tlschema'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { sendOwnAwarenessOnly } from '../../client/sync/ownAwarenessOnly'
import { RECORDS_ARRAY } from '../../shared/boardDoc'
import type { RecordEntry } from '../../shared/model/boardRecords'
import { withAuthor } from '../../shared/model/noteAuthor'
import { noteRecord, PAGE_ID } from '../../tests/support/records'
import { type FanoutCounts, LatencyRecorder, now } from './measurement'
import type { Admission, Target } from './targets'

export const MOVES_PER_SECOND = 2
export const CURSORS_PER_SECOND = 10

/** What a move stamps in the note: when it was sent, and whether it counts (inside the measured window). */
interface BenchMeta {
  sentAt: number
  counted: boolean
}

/** Shared by the participants of one run: what they measure together. */
export class FanoutRun implements FanoutCounts {
  readonly latencies = new LatencyRecorder()
  movesSent = 0
  /** (move, measuring peer) pairs that should arrive: each move counted once per receiver but its sender. */
  movesExpected = 0
  movesReceived = 0
  /** Participants that decode and measure what they receive (the others are sinks, see connectParticipant). */
  receivers = 0
  cursorsReceived = 0
  /** Messages the participants sent to the server inside the window (awareness echoes included). */
  messagesSent = 0
  /** Messages the participants received from the server inside the window. */
  messagesReceived = 0
  /** Inside the measured window: moves sent now count, cursors received now count. */
  measuring = false
  /** The WebSocket class the participants connect with. */
  readonly socket = countingSocket(this)
}

/** A socket whose incoming messages, once `sink` is set, are counted and dropped instead of handed to the provider. */
type SinkableSocket = WebSocket & { sink: (() => void) | null }

/** The stock `ws` class, counting what this run's participants send and receive while measuring. */
function countingSocket(run: FanoutRun): typeof WebSocket {
  return class extends WebSocket {
    sink: (() => void) | null = null
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args)
      this.on('message', () => {
        if (run.measuring) run.messagesReceived++
      })
    }
    // y-websocket listens through `onmessage`: a sink's handler never sees a message.
    override set onmessage(handler: WebSocket['onmessage']) {
      super.onmessage = handler && ((event) => (this.sink ? this.sink() : handler.call(this, event)))
    }
    override get onmessage(): WebSocket['onmessage'] {
      return super.onmessage
    }
    override send(data: Parameters<WebSocket['send']>[0]): void {
      if (run.measuring) run.messagesSent++
      super.send(data)
    }
  } as typeof WebSocket
}

export interface Participant {
  readonly noteId: string
  /** Whether this participant holds the notes of all `ids`. */
  sees(ids: readonly string[]): boolean
  startMoving(): void
  stopMoving(): void
  destroy(): void
}

/**
 * A participant that `receives` decodes everything and measures; one that does not is a
 * sink once moving starts: the server sends it everything as to anyone, its socket reads
 * it, but its provider never decodes it. One core cannot decode for 200 stock clients
 * (each move costs each receiver ~15 µs: 200 × 199 × 2 moves/s is 1.2 cores), so at large
 * N a sample of the participants measures for all — the server's work is the same.
 */
export async function connectParticipant(
  target: Target,
  index: number,
  run: FanoutRun,
  receives = true,
): Promise<Participant> {
  if (receives) run.receivers++
  const admission: Admission = await target.admit(`Participant ${index}`)
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(admission.wsBase, target.room, doc, {
    params: admission.params,
    WebSocketPolyfill: run.socket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  // Our client sends only its own awareness entry; the reference is measured with the
  // stock client as it is, echoing every entry it receives (yjs #732).
  if (target.ownAwarenessOnly) sendOwnAwarenessOnly(provider)
  const records = doc.getArray<RecordEntry>(RECORDS_ARRAY)
  const noteId = `shape:bench-${index}`
  const base = withAuthor(
    noteRecord(noteId, `Idée ${index} : mutualiser les tiers-lieux`, (index % 20) * 220, 0),
    admission.participantId,
  )
  let x = (base as { x: number }).x
  const seen = new Set<string>()

  // What each transaction appended, read from the items it integrated (from the state before
  // to the state after, per writer), before garbage collection drops the content of those it
  // also deleted. Y.YEvent#changes would walk the whole array, tombstones included, at every
  // update; decoding the update's bytes again would double the receiver's work.
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    const at = now()
    for (const [client, after] of tr.afterState) {
      const before = tr.beforeState.get(client) ?? 0
      if (after <= before) continue
      const structs = doc.store.clients.get(client) as (Y.Item | Y.GC)[]
      for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
        const struct = structs[i] as Y.Item | Y.GC
        if (struct.id.clock >= after) break
        if (!(struct instanceof Y.Item) || struct.parent !== records || !(struct.content instanceof Y.ContentAny))
          continue
        for (const entry of struct.content.arr as RecordEntry[]) {
          seen.add(entry.key)
          if (entry.key === noteId) continue
          const bench = (entry.val as { meta?: { bench?: BenchMeta } }).meta?.bench
          if (!bench?.counted) continue
          run.movesReceived++
          run.latencies.add(at - bench.sentAt)
        }
      }
    }
  })
  /** YKeyValue.set: our note's current entry replaced by a new one at the end. */
  const write = (record: TLRecord) =>
    doc.transact(() => {
      let i = 0
      for (const entry of records) {
        if (entry.key === noteId) {
          records.delete(i)
          break
        }
        i++
      }
      records.push([{ key: noteId, val: record }])
    })
  const awareness = provider.awareness
  awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
    if (!run.measuring) return
    for (const id of added) if (id !== awareness.clientID) run.cursorsReceived++
    for (const id of updated) if (id !== awareness.clientID) run.cursorsReceived++
  })
  const presence = InstancePresenceRecordType.create({
    id: InstancePresenceRecordType.createId(String(doc.clientID)),
    userId: admission.participantId,
    userName: `Participant ${index}`,
    currentPageId: PAGE_ID as never,
    color: '#1d4ed8',
  })
  const user = { id: admission.participantId, name: `Participant ${index}`, color: '#1d4ed8' }

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`participant ${index} not synced with ${target.name}`)), 30_000)
    provider.once('sync', () => {
      clearTimeout(timer)
      resolve()
    })
  })
  write(base)
  awareness.setLocalState({ user, presence })

  const timers: NodeJS.Timeout[] = []
  const move = () => {
    x += 10
    const sentAt = now()
    const counted = run.measuring
    if (counted) {
      run.movesSent++
      run.movesExpected += run.receivers - (receives ? 1 : 0)
    }
    write({ ...base, x, meta: { ...base.meta, bench: { sentAt, counted } } } as TLRecord)
  }
  let step = 0
  const cursor = () => {
    step++
    awareness.setLocalState({
      user,
      presence: {
        ...presence,
        cursor: {
          x: 400 + 300 * Math.cos(step / 20),
          y: 300 + 200 * Math.sin(step / 20),
          type: 'default',
          rotation: 0,
        },
        lastActivityTimestamp: Date.now(),
      },
    })
  }
  const stopMoving = () => {
    for (const t of timers) clearTimeout(t)
    timers.length = 0
  }
  return {
    noteId,
    sees: (ids) => ids.every((id) => seen.has(id)),
    startMoving() {
      if (!receives) {
        // The provider reconnects when nothing reached it for 30 s: tell it something did.
        const p = provider as unknown as { ws: SinkableSocket | null; wsLastMessageReceived: number }
        if (p.ws) p.ws.sink = () => (p.wsLastMessageReceived = Date.now())
      }
      // Each participant starts at a random phase, as people do not move in step.
      const moveMs = 1000 / MOVES_PER_SECOND
      const cursorMs = 1000 / CURSORS_PER_SECOND
      timers.push(
        setTimeout(() => timers.push(setInterval(move, moveMs)), Math.random() * moveMs),
        setTimeout(() => timers.push(setInterval(cursor, cursorMs)), Math.random() * cursorMs),
      )
    },
    stopMoving,
    destroy() {
      stopMoving()
      provider.destroy()
      doc.destroy()
    },
  }
}
