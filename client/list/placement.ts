/**
 * Where the list view puts what it adds or moves on the canvas, so that
 * canvas users see it arrive in the right place: a note in an enjeu lands in
 * the first free cell of a grid inside its frame (the frame grows by a row
 * when it is full: tldraw clips what sticks out of a frame); a note « à
 * classer » lands next to the other loose notes (or in the template's zone
 * for writing); a chantier card next to the other cards (or in the
 * template's « Chantiers » zone). New shapes go above their siblings.
 *
 * Pure module (no tldraw, no Yjs, no DOM): unit-tested in placement.test.ts.
 */
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import { CHANTIER_DEFAULT_SIZE, CHANTIER_SHAPE_TYPE } from '../../shared/chantierShape'
import type { BoardShape } from '../../shared/model/boardShape'
import { NOTE_SIZE } from '../../shared/model/shapeRecords'
import { type ZoneKind, zoneAreas, zoneOf } from '../../shared/model/templateMeta'

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface Spot {
  parentId: string
  x: number
  y: number
}

/** Space between two cells, and between a frame's edge and its notes. */
export const GAP = 20
/**
 * Where a template zone's free space starts, from its area's top left: below
 * its title and instruction (as server/workshops/templates.ts lays them out).
 */
export const ZONE_CONTENT = { x: 40, y: 340 } as const
/** Columns of a grid laid out where nothing fixes a width (no zone). */
const FREE_COLUMNS = 4
/** A grid is searched this deep at most (a board holds far fewer shapes). */
const MAX_ROWS = 10_000

/** A shape's box in its parent's coordinates: a note is square (grown by its text), others have props w × h. */
export function shapeBox(shape: BoardShape): Rect {
  const props = shape.props as { w?: unknown; h?: unknown; scale?: unknown; growY?: unknown }
  if (shape.type === 'note') {
    const scale = typeof props.scale === 'number' ? props.scale : 1
    const growY = typeof props.growY === 'number' ? props.growY : 0
    return { x: shape.x, y: shape.y, w: NOTE_SIZE * scale, h: (NOTE_SIZE + growY) * scale }
  }
  const w = typeof props.w === 'number' ? props.w : 0
  const h = typeof props.h === 'number' ? props.h : 0
  return { x: shape.x, y: shape.y, w, h }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/** The first cell of a grid (row after row, `columns` wide) whose box touches none of `taken`. */
export function firstFreeCell(
  origin: { x: number; y: number },
  cell: { w: number; h: number },
  columns: number,
  taken: readonly Rect[],
) {
  for (let row = 0; row < MAX_ROWS; row++) {
    for (let column = 0; column < columns; column++) {
      const box = { x: origin.x + column * (cell.w + GAP), y: origin.y + row * (cell.h + GAP), w: cell.w, h: cell.h }
      if (!taken.some((t) => overlaps(box, t))) return { x: box.x, y: box.y, row }
    }
  }
  throw new RangeError('no free cell')
}

/** How many cells of width `cellW`, GAP apart, fit in `width` (at least one). */
function columnsIn(width: number, cellW: number): number {
  return Math.max(1, Math.floor((width + GAP) / (cellW + GAP)))
}

export interface FramePlacement extends Spot {
  /** The frame's size once it holds the note (bigger than now when it was full). */
  frame: { w: number; h: number }
}

/** A note of `scale` placed in the frame `frame`, among its children (frame coordinates). */
export function placeInFrame(frame: BoardShape, children: readonly BoardShape[], scale = 1): FramePlacement {
  const { w, h } = shapeBox(frame)
  const size = NOTE_SIZE * scale
  const cell = firstFreeCell(
    { x: GAP, y: GAP },
    { w: size, h: size },
    columnsIn(w - 2 * GAP, size),
    children.map(shapeBox),
  )
  return {
    parentId: frame.id,
    x: cell.x,
    y: cell.y,
    frame: { w: Math.max(w, size + 2 * GAP), h: Math.max(h, cell.y + size + GAP) },
  }
}

/**
 * A grid on the page for a new or returning shape of `size`: next to the
 * shapes of its kind already there (`near`), else in a template zone, else
 * below everything. `taken`: what it must not cover (every shape on the page
 * but the zones' areas, which are there to be covered).
 */
function placeOnPage(
  pageId: string,
  pageShapes: readonly BoardShape[],
  near: readonly BoardShape[],
  zones: readonly ZoneKind[],
  size: { w: number; h: number },
): Spot {
  const taken = pageShapes.filter((s) => zoneOf(s)?.part !== 'area').map(shapeBox)
  const anchor = gridAnchor(pageShapes, near, zones, size)
  const cell = firstFreeCell(anchor.origin, size, anchor.columns, taken)
  return { parentId: pageId, x: cell.x, y: cell.y }
}

function gridAnchor(
  pageShapes: readonly BoardShape[],
  near: readonly BoardShape[],
  zones: readonly ZoneKind[],
  size: { w: number; h: number },
): { origin: { x: number; y: number }; columns: number } {
  const zone = zones.flatMap((kind) => zoneAreas(pageShapes as BoardShape[], kind))[0]
  const columns = zone ? columnsIn(zone.w - 2 * ZONE_CONTENT.x, size.w) : FREE_COLUMNS
  if (near.length > 0) {
    const boxes = near.map(shapeBox)
    return { origin: { x: Math.min(...boxes.map((b) => b.x)), y: Math.min(...boxes.map((b) => b.y)) }, columns }
  }
  if (zone) return { origin: { x: zone.x + ZONE_CONTENT.x, y: zone.y + ZONE_CONTENT.y }, columns }
  const boxes = pageShapes.map(shapeBox)
  const bottom = boxes.length === 0 ? 0 : Math.max(...boxes.map((b) => b.y + b.h)) + 4 * GAP
  const left = boxes.length === 0 ? 0 : Math.min(...boxes.map((b) => b.x))
  return { origin: { x: left, y: bottom }, columns }
}

/** A note put back « à classer »: by the other loose notes, else in the zone for writing, else below everything. */
export function placeLooseNote(
  pageId: string,
  pageShapes: readonly BoardShape[],
  looseNotes: readonly BoardShape[],
  scale = 1,
): Spot {
  const size = NOTE_SIZE * scale
  return placeOnPage(pageId, pageShapes, looseNotes, ['constats', 'regroupement'], { w: size, h: size })
}

/** A note put in the parking zone (null: the board has none). */
export function placeInParking(pageId: string, pageShapes: readonly BoardShape[], scale = 1): Spot | null {
  if (zoneAreas(pageShapes as BoardShape[], 'parking').length === 0) return null
  const size = NOTE_SIZE * scale
  return placeOnPage(pageId, pageShapes, [], ['parking'], { w: size, h: size })
}

/** A new chantier card: by the other cards, else in the « Chantiers » zone, else below everything. */
export function placeChantier(pageId: string, pageShapes: readonly BoardShape[]): Spot {
  const cards = pageShapes.filter((s) => s.type === CHANTIER_SHAPE_TYPE)
  return placeOnPage(pageId, pageShapes, cards, ['chantiers'], CHANTIER_DEFAULT_SIZE)
}

/** An index above every sibling's: the new shape is drawn on top, as tldraw puts a shape it creates. */
export function indexAbove(siblings: readonly object[]): IndexKey {
  let top: IndexKey | null = null
  for (const s of siblings) {
    const { index } = s as { index?: unknown }
    if (typeof index === 'string' && (top === null || index > top)) top = index as IndexKey
  }
  // An only child starts at `a1`, as tldraw's first shape does (`a0` is its zero key, below every sibling).
  return top === null ? ('a1' as IndexKey) : getIndexAbove(top)
}
