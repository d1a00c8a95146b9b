/**
 * Keeps our awareness state under the server's size limit.
 *
 * The server closes a connection whose awareness state exceeds
 * MAX_AWARENESS_STATE_CHARS (4400, fatal). tldraw's presence can grow past it
 * when someone selects a few hundred notes (selectedShapeIds) or draws a long
 * laser/eraser stroke (scribble points). We shed the least useful parts first:
 * old scribble points, then the selection list, then the chat message. Cursor,
 * name and camera — what others actually see — are always kept.
 *
 * Pure module, unit-tested in presenceBudget.test.ts.
 */
import type { TLInstancePresence } from 'tldraw'
import { MAX_AWARENESS_STATE_CHARS } from '../../shared/boardDoc'

/** Margin for the part of the state that is not the presence record (user info). */
export const PRESENCE_BUDGET_CHARS = MAX_AWARENESS_STATE_CHARS - 1024

const size = (value: unknown) => JSON.stringify(value).length

export function fitPresence(
  presence: TLInstancePresence,
  budget: number = PRESENCE_BUDGET_CHARS,
  extra: unknown = null,
): TLInstancePresence {
  const fits = (p: TLInstancePresence) => size({ user: extra, presence: p }) <= budget
  if (fits(presence)) return presence
  let trimmed: TLInstancePresence = presence

  // 1. Keep the newest half of each scribble's points until it fits (the tail is what is drawn now).
  for (let keep = 64; keep >= 1 && !fits(trimmed); keep = Math.floor(keep / 2)) {
    trimmed = {
      ...trimmed,
      scribbles: trimmed.scribbles.map((s) => ({ ...s, points: s.points.slice(-keep) })),
    }
  }
  if (!fits(trimmed)) trimmed = { ...trimmed, scribbles: [] }

  // 2. A long selection is only used to draw others' selection outlines.
  for (let keep = 64; keep >= 0 && !fits(trimmed); keep = keep === 0 ? -1 : Math.floor(keep / 2)) {
    trimmed = { ...trimmed, selectedShapeIds: presence.selectedShapeIds.slice(0, keep) }
  }

  // 3. Last resort: the chat bubble.
  if (!fits(trimmed)) trimmed = { ...trimmed, chatMessage: trimmed.chatMessage.slice(0, 200) }
  if (!fits(trimmed)) trimmed = { ...trimmed, chatMessage: '' }
  return trimmed
}
