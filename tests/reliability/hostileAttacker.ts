/**
 * The attacker of the hostile-input test, as its own process (so its work
 * does not slow the test's latency probe): opens one connection per hostile
 * frame, sends it, then a sync step 1. The server handles a connection's
 * messages in order, so its answer (a step 2) means the frame was absorbed
 * without closing; otherwise the close code says how it was refused.
 *
 *   node --import tsx tests/reliability/hostileAttacker.ts '<json: url, workshopId, token, seed, count, concurrency>'
 *
 * Prints one JSON line: outcomes by frame kind and close code, and the time taken.
 */
import * as Y from 'yjs'
import { writeSyncStep1 } from '../../server/rooms/messages'
import { MessageType, SyncStep } from '../../shared/protocol'
import { openRaw } from '../support/rawSocket'
import { type HostileFrame, hostileFrame, oversizedFrames } from './hostileFrames'

interface Plan {
  url: string
  workshopId: string
  token: string
  seed: number
  count: number
  concurrency: number
  /** The server's ATELIER_MAX_FRAME_BYTES: oversized frames are sent too. */
  maxFrameBytes: number
}

const PROBE = writeSyncStep1(Y.encodeStateVector(new Y.Doc()))

async function attack(url: string, workshopId: string, token: string, frame: HostileFrame): Promise<string> {
  const raw = openRaw(url, workshopId, token)
  try {
    await raw.opened
  } catch {
    return 'upgrade failed'
  }
  const answered = new Promise<string>((resolve) => {
    raw.ws.on('message', (data: Buffer, isBinary) => {
      if (isBinary && data[0] === MessageType.sync && data[1] === SyncStep.step2) resolve('answered')
    })
  })
  const closed = raw.closed.then((c) => `closed ${c.code}`)
  const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('no answer in 5 s'), 5000))
  if (frame.text) raw.send(new TextDecoder().decode(frame.data))
  else raw.send(frame.data)
  raw.send(PROBE)
  const outcome = await Promise.race([answered, closed, timeout])
  raw.ws.terminate()
  return outcome
}

async function main(plan: Plan): Promise<void> {
  const started = Date.now()
  const outcomes: Record<string, Record<string, number>> = {}
  const note = (kind: string, outcome: string) => {
    const byOutcome = outcomes[kind] ?? {}
    byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1
    outcomes[kind] = byOutcome
  }
  const frames: (() => HostileFrame)[] = [
    ...oversizedFrames(plan.maxFrameBytes).map((f) => () => f),
    ...Array.from({ length: plan.count }, (_, n) => () => hostileFrame(plan.seed, n)),
  ]
  let next = 0
  const worker = async () => {
    while (next < frames.length) {
      const frame = (frames[next++] as () => HostileFrame)()
      note(frame.kind, await attack(plan.url, plan.workshopId, plan.token, frame))
    }
  }
  await Promise.all(Array.from({ length: plan.concurrency }, worker))
  process.stdout.write(`${JSON.stringify({ frames: frames.length, ms: Date.now() - started, outcomes })}\n`)
}

await main(JSON.parse(process.argv[2] ?? '{}') as Plan)
