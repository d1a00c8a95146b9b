/**
 * The geometry of the results chart: one horizontal bar per item on a common
 * scale, stacked by collège in the order of shared/colleges.ts, and the look
 * of each collège (a colour and a pattern, so colour is never the only cue).
 * Pure, so the numbers drawn can be checked without a browser.
 */
import { COLLEGES } from '../../shared/colleges'
import type { RankedItem } from '../../shared/control'

/** Width of a bar at the top score: 100, i.e. segments are laid out in percent of the chart's width. */
export const BAR_WIDTH = 100

export interface BarSegment {
  /** Null for anonymous sessions: one plain bar, no split by collège. */
  college: string | null
  count: number
  x: number
  width: number
}

const ORDER: readonly string[] = COLLEGES.map((c) => c.id)

function collegeOrder(a: string, b: string): number {
  const ia = ORDER.indexOf(a)
  const ib = ORDER.indexOf(b)
  // Unknown collèges (none today) after the known ones, by name.
  return (ia < 0 ? ORDER.length : ia) - (ib < 0 ? ORDER.length : ib) || a.localeCompare(b)
}

/** The scale's top: the best score, at least 1 so that an all-zero vote draws empty bars. */
export function scaleMax(ranking: readonly RankedItem[]): number {
  return Math.max(1, ...ranking.map((r) => r.votes))
}

/** The segments of one item's bar, left to right; their widths add up to `votes / max` of the full width. */
export function barSegments(item: RankedItem, max: number, width = BAR_WIDTH): BarSegment[] {
  const unit = width / max
  const parts = Object.entries(item.byCollege)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => collegeOrder(a, b))
  if (parts.length === 0)
    return item.votes > 0 ? [{ college: null, count: item.votes, x: 0, width: item.votes * unit }] : []
  let x = 0
  return parts.map(([college, count]) => {
    const segment = { college, count, x, width: count * unit }
    x += segment.width
    return segment
  })
}

/** The collèges that received votes, in legend order. */
export function collegesInResults(ranking: readonly RankedItem[]): string[] {
  const present = new Set<string>()
  for (const item of ranking)
    for (const [college, count] of Object.entries(item.byCollege)) if (count > 0) present.add(college)
  return [...present].sort(collegeOrder)
}

export type PatternKind = 'solid' | 'diagonal' | 'antidiagonal' | 'horizontal' | 'vertical' | 'dots' | 'cross' | 'grid'

export interface CollegeLook {
  /** Fill colour (Okabe–Ito palette, readable by most colour-blind people). */
  fill: string
  pattern: PatternKind
  /** Colour of the pattern and of the count drawn on the segment: at least 4.5:1 with the fill (WCAG AA text). */
  ink: '#000000' | '#ffffff'
}

const LOOKS: Record<string, CollegeLook> = {
  etat: { fill: '#0072b2', pattern: 'solid', ink: '#ffffff' },
  departement: { fill: '#e69f00', pattern: 'diagonal', ink: '#000000' },
  region: { fill: '#009e73', pattern: 'dots', ink: '#000000' },
  'epci-communes': { fill: '#cc79a7', pattern: 'horizontal', ink: '#000000' },
  associations: { fill: '#d55e00', pattern: 'cross', ink: '#000000' },
  'france-services': { fill: '#56b4e9', pattern: 'vertical', ink: '#000000' },
  'conseillers-numeriques': { fill: '#f0e442', pattern: 'antidiagonal', ink: '#000000' },
  entreprises: { fill: '#4d4d4d', pattern: 'grid', ink: '#ffffff' },
  autre: { fill: '#bbbbbb', pattern: 'solid', ink: '#000000' },
}

/** Anonymous sessions: plain bars. */
export const PLAIN_LOOK: CollegeLook = { fill: '#2b59c3', pattern: 'solid', ink: '#ffffff' }

export function collegeLook(college: string | null): CollegeLook {
  return (college && LOOKS[college]) || (college ? LOOKS.autre! : PLAIN_LOOK)
}

/** The smallest segment (percent of the chart's width) wide enough to carry its count as text. */
export const MIN_LABELLED_WIDTH = 5
