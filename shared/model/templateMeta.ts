/**
 * How Atelier marks the shapes it lays out itself, in `shape.meta.atelier`, so
 * that later code can tell them from what people drew:
 *
 * - template zones (`{ zone, part }`): the locked area of a zone (`part: 'area'`,
 *   a geo rectangle: a note lying on it is in that zone, e.g. the parking, whose
 *   notes are not enjeux), its title and its instruction (locked text shapes),
 *   and the board's title (`zone: 'titre'`). Zones are never frames: on this
 *   board a frame means an enjeu;
 * - copies (`{ from }`): a shape copied from another workshop's board, with where
 *   it came from (the enjeux a chantiers workshop starts from).
 */
import { type BoardShape, isShape } from './boardShape'

export const ZONE_KINDS = ['titre', 'constats', 'regroupement', 'parking', 'enjeux-retenus', 'chantiers'] as const
export type ZoneKind = (typeof ZONE_KINDS)[number]

export const ZONE_PARTS = ['area', 'title', 'instruction'] as const
export type ZonePart = (typeof ZONE_PARTS)[number]

export interface ZoneMark {
  zone: ZoneKind
  part: ZonePart
}

export interface CopiedFrom {
  workshopId: string
  shapeId: string
}

function atelierMeta(record: unknown): Record<string, unknown> | null {
  if (!isShape(record)) return null
  const meta = (record as { meta?: unknown }).meta
  if (typeof meta !== 'object' || meta === null) return null
  const atelier = (meta as { atelier?: unknown }).atelier
  return typeof atelier === 'object' && atelier !== null ? (atelier as Record<string, unknown>) : null
}

/** The template zone a shape is part of, or null for anything people drew. */
export function zoneOf(record: unknown): ZoneMark | null {
  const atelier = atelierMeta(record)
  const zone = atelier?.zone
  const part = atelier?.part
  if (!ZONE_KINDS.includes(zone as ZoneKind) || !ZONE_PARTS.includes(part as ZonePart)) return null
  return { zone: zone as ZoneKind, part: part as ZonePart }
}

/** Where a copied shape came from, or null. */
export function copiedFrom(record: unknown): CopiedFrom | null {
  const from = atelierMeta(record)?.from
  if (typeof from !== 'object' || from === null) return null
  const { workshopId, shapeId } = from as { workshopId?: unknown; shapeId?: unknown }
  return typeof workshopId === 'string' && typeof shapeId === 'string' ? { workshopId, shapeId } : null
}

/** Centre of a note in its parent's coordinates (tldraw's 200 × 200, grown by its text, times its scale). */
function noteCentre(note: BoardShape): { x: number; y: number } {
  const { scale = 1, growY = 0 } = note.props as { scale?: number; growY?: number }
  return { x: note.x + 100 * scale, y: note.y + ((200 + growY) / 2) * scale }
}

export interface ZoneArea {
  parentId: string
  x: number
  y: number
  w: number
  h: number
}

/** The areas of a template zone (the locked rectangles marked `part: 'area'`). */
export function zoneAreas(shapes: readonly BoardShape[], zone: ZoneKind): ZoneArea[] {
  return shapes.flatMap((s) => {
    const mark = zoneOf(s)
    if (mark?.zone !== zone || mark.part !== 'area') return []
    const { w = 0, h = 0 } = s.props as { w?: number; h?: number }
    return [{ parentId: s.parentId, x: s.x, y: s.y, w, h }]
  })
}

/**
 * Whether a note lying on the page has its centre in one of `areas` (the area
 * rectangles lie on the page too, so both are in page coordinates).
 */
export function inAreas(note: BoardShape, areas: readonly ZoneArea[]): boolean {
  if (!note.parentId.startsWith('page:')) return false
  const c = noteCentre(note)
  return areas.some(
    (a) => a.parentId === note.parentId && c.x >= a.x && c.x <= a.x + a.w && c.y >= a.y && c.y <= a.y + a.h,
  )
}
