/**
 * Seeded random edit sequences for the convergence fuzz: what several
 * participants do to notes and frames (create, move, edit, delete), with
 * disconnections and reconnections. A sequence depends on its seed only
 * (lib0's PRNG, the one yjs tests with), so a failing seed replays the same
 * operations; applying one to a client whose board lacks the target is a
 * no-op there, which keeps the generator independent of timing.
 */
import type { TLShape } from '@tldraw/tlschema'
import * as prng from 'lib0/prng'
import { richText } from '../../shared/model/shapeRecords'
import type { BoardClient } from '../support/boardClient'
import { frameRecord, noteRecord } from '../support/records'

export type FuzzOp =
  | { client: number; kind: 'create'; shape: 'note' | 'frame'; target: number; x: number; y: number; text: string }
  | { client: number; kind: 'move'; target: number; x: number; y: number }
  | { client: number; kind: 'edit'; target: number; text: string }
  | { client: number; kind: 'delete'; target: number }
  | { client: number; kind: 'disconnect' | 'reconnect' }

export interface FuzzStep {
  op: FuzzOp
  /** Milliseconds to wait after the operation (0: the next one follows in the same turn). */
  pauseMs: number
}

/** Shapes per sequence: few enough that clients often touch the same one at once. */
const TARGETS = 12
const WORDS = ['fibre', 'médiation', 'inclusion', 'tiers-lieu', 'numérique', 'zone blanche', 'aidants', '« accès »']

export function generateSequence(seed: number, count: number, clients: number): FuzzStep[] {
  const gen = prng.create(seed)
  const steps: FuzzStep[] = []
  for (let i = 0; i < count; i++) {
    const client = prng.int31(gen, 0, clients - 1)
    const target = prng.int31(gen, 0, TARGETS - 1)
    const roll = prng.real53(gen)
    const x = prng.int31(gen, -2000, 2000)
    const y = prng.int31(gen, -2000, 2000)
    const text = `${prng.oneOf(gen, WORDS)} ${prng.word(gen, 0, 12)}`
    let op: FuzzOp
    if (roll < 0.25) op = { client, kind: 'create', shape: target % 4 === 0 ? 'frame' : 'note', target, x, y, text }
    else if (roll < 0.55) op = { client, kind: 'move', target, x, y }
    else if (roll < 0.75) op = { client, kind: 'edit', target, text }
    else if (roll < 0.88) op = { client, kind: 'delete', target }
    else if (roll < 0.94) op = { client, kind: 'disconnect' }
    else op = { client, kind: 'reconnect' }
    const pauseMs = prng.bool(gen) ? 0 : prng.int31(gen, 0, 4)
    steps.push({ op, pauseMs })
  }
  return steps
}

const shapeId = (seed: number, target: number) => `shape:s${seed}-${target}`

/** Applies one operation to one client's document, as that participant's canvas would. */
export function applyOp(c: BoardClient, seed: number, op: FuzzOp): void {
  switch (op.kind) {
    case 'disconnect':
      if (c.provider.shouldConnect) c.provider.disconnect()
      return
    case 'reconnect':
      if (!c.provider.shouldConnect) c.provider.connect()
      return
    case 'create': {
      const id = shapeId(seed, op.target)
      c.put(op.shape === 'frame' ? frameRecord(id, op.text, op.x, op.y) : noteRecord(id, op.text, op.x, op.y))
      return
    }
  }
  const id = shapeId(seed, op.target)
  const current = c.get(id) as TLShape | undefined
  if (!current) return
  if (op.kind === 'delete') c.records.delete(id)
  else if (op.kind === 'move') c.put({ ...current, x: op.x, y: op.y })
  else {
    const props = current.type === 'frame' ? { name: op.text } : { richText: richText(op.text) }
    c.put({ ...current, props: { ...current.props, ...props } } as TLShape)
  }
}
