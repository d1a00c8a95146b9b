/**
 * Pure helpers behind the chantier's panel and links: turning what people type
 * into valid props (within shared/chantierShape's limits) and placing the
 * link lines. No tldraw, no DOM: unit-tested in chantierEdits.test.ts.
 */
import { CHANTIER_LIMITS, type ChantierProps } from '../../../shared/chantierShape'

/** Organisations typed one per line: trimmed, empty lines dropped, each and their number capped. */
function parseLines(text: string, maxLength: number, maxCount: number): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().slice(0, maxLength))
    .filter((line) => line.length > 0)
    .slice(0, maxCount)
}

export function parsePartenaires(text: string): string[] {
  return parseLines(text, CHANTIER_LIMITS.partenaire, CHANTIER_LIMITS.partenaires)
}

export function parseCoFinancements(text: string): string[] {
  return parseLines(text, CHANTIER_LIMITS.coFinancement, CHANTIER_LIMITS.coFinancements)
}

/** A list shown one entry per line (partenaires, coFinancements). */
export function formatLines(list: readonly string[] | undefined): string {
  return (list ?? []).join('\n')
}

/** The ANCT's fields of an action, optional props of the card, in the panel's order. */
export const ANCT_FIELDS = [
  'contexte',
  'besoins',
  'budgetGlobal',
  'dateDeDebut',
  'coFinancements',
  'perimetreGeographique',
] as const satisfies readonly (keyof ChantierProps)[]

/** How many ANCT fields of a card hold something (shown on the folded section). */
export function anctFilledCount(props: ChantierProps): number {
  return ANCT_FIELDS.filter((field) => {
    const value = props[field]
    return Array.isArray(value) ? value.length > 0 : (value ?? '').trim().length > 0
  }).length
}

/** Links (`linked`) or unlinks an enjeu; never duplicates an id nor exceeds the limit. */
export function toggleEnjeu(ids: readonly string[], id: string, linked: boolean): string[] {
  const without = ids.filter((other) => other !== id)
  if (!linked) return without
  if (without.length >= CHANTIER_LIMITS.enjeuIds) return [...ids]
  return [...without, id]
}

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface Segment {
  x1: number
  y1: number
  x2: number
  y2: number
}

/**
 * The part of the line between the two boxes' centres that lies outside both
 * boxes: from the edge of `from` to the edge of `to`. Null when the boxes
 * overlap (one inside the other, or touching), where no line would be seen.
 */
export function linkSegment(from: Rect, to: Rect): Segment | null {
  const c1 = { x: from.x + from.w / 2, y: from.y + from.h / 2 }
  const c2 = { x: to.x + to.w / 2, y: to.y + to.h / 2 }
  const dx = c2.x - c1.x
  const dy = c2.y - c1.y
  if (dx === 0 && dy === 0) return null
  // Fraction of the centre-to-centre vector at which it leaves a box of half-size (hw, hh).
  const exit = (hw: number, hh: number) =>
    Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy))
  const t1 = exit(from.w / 2, from.h / 2)
  const t2 = 1 - exit(to.w / 2, to.h / 2)
  if (t1 >= t2) return null
  return { x1: c1.x + dx * t1, y1: c1.y + dy * t1, x2: c1.x + dx * t2, y2: c1.y + dy * t2 }
}
