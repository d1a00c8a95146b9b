/**
 * The items people vote on, found in a board's records: notes (sticky notes),
 * enjeux (cluster frames) and chantiers (chantier shapes). A note belongs to the
 * enjeu whose frame contains it (tldraw parents a shape dropped into a frame to it).
 */
import { CHANTIER_SHAPE_TYPE } from '../chantierShape'
import type { VoteTargetKind } from '../control'
import { type BoardShape, isShape } from './boardShape'
import { inAreas, zoneAreas } from './templateMeta'

export { type BoardShape, isShape }

/** A sticky note (what private writing keeps in a participant's drafts). */
export function isNote(record: unknown): record is BoardShape {
  return isShape(record) && record.type === 'note'
}

const TYPE_OF: Record<VoteTargetKind, string> = {
  notes: 'note',
  enjeux: 'frame',
  chantiers: CHANTIER_SHAPE_TYPE,
}

/** Ids of the board's items of one kind, in a stable order (top to bottom, left to right). */
export function itemIds(records: Iterable<unknown>, kind: VoteTargetKind): string[] {
  const type = TYPE_OF[kind]
  return [...records]
    .filter(isShape)
    .filter((s) => s.type === type)
    .sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1))
    .map((s) => s.id)
}

/**
 * Sticky notes lying on the page itself, in no cluster frame yet: the ones to
 * sort. Notes put in the template's parking (off topic, for later) are not.
 */
export function looseNotes(records: Iterable<unknown>): BoardShape[] {
  const list = [...records].filter(isShape)
  const frames = new Set(list.filter((s) => s.type === 'frame').map((s) => s.id))
  const parking = zoneAreas(list, 'parking')
  return list.filter((s) => s.type === 'note' && !frames.has(s.parentId) && !inAreas(s, parking))
}
