/**
 * Where a local edit goes (private writing, issue 3 §3), decided when the
 * local writer flushes it:
 * - a record already in the board stays there; one in our own drafts stays there;
 * - one held only in someone else's drafts (a facilitator reads those) is never
 *   written: that would publish it;
 * - a new note goes to our own drafts while private writing is on;
 * - a binding (an arrow's end) touching a drafts note follows that note;
 * - everything else goes to the board.
 *
 * Pure module: unit-tested in recordRouter.test.ts.
 */
import type { TLRecord } from 'tldraw'
import { isNote } from '../../../shared/model/boardItems'

export type Destination = 'board' | 'drafts' | 'none'

export interface RouteContext {
  inBoard(id: string): boolean
  inOwnDrafts(id: string): boolean
  /** Held only in other people's drafts. */
  inOthersDrafts(id: string): boolean
  /** New notes go to our own drafts (a participant, while private writing is on). */
  privateNotes: boolean
  /** The store's current record (to route a binding by its ends). */
  record(id: string): TLRecord | undefined
}

export function routeRecord(record: TLRecord, ctx: RouteContext): Destination {
  const home = homeOf(record.id, ctx)
  if (home) return home
  if (record.typeName === 'binding') {
    const ends = [record.fromId, record.toId].map((id) => homeOf(id, ctx) ?? newShapeDestination(ctx.record(id), ctx))
    if (ends.includes('none')) return 'none'
    return ends.includes('drafts') ? 'drafts' : 'board'
  }
  return newShapeDestination(record, ctx)
}

function homeOf(id: string, ctx: RouteContext): Destination | null {
  if (ctx.inBoard(id)) return 'board'
  if (ctx.inOwnDrafts(id)) return 'drafts'
  if (ctx.inOthersDrafts(id)) return 'none'
  return null
}

function newShapeDestination(record: TLRecord | undefined, ctx: RouteContext): Destination {
  return ctx.privateNotes && isNote(record) ? 'drafts' : 'board'
}
