/**
 * The fills of the results chart: one SVG pattern per collège (a colour and a
 * texture), defined once in the page and referenced by `collegeFill()`.
 */
import { COLLEGES } from '../../shared/colleges'
import { type CollegeLook, collegeLook, type PatternKind } from './resultsChart'
import './charts.css'

const TILE = 8

const MARKS: Record<PatternKind, string | null> = {
  solid: null,
  diagonal: 'M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4',
  antidiagonal: 'M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4',
  horizontal: 'M0,4 h8',
  vertical: 'M4,0 v8',
  dots: null,
  cross: 'M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4 M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4',
  grid: 'M0,4 h8 M4,0 v8',
}

const patternId = (college: string) => `vote-college-${college}`

/** The `fill` of a segment or swatch for a collège (null: the plain fill of anonymous sessions). */
export function collegeFill(college: string | null): string {
  const look = collegeLook(college)
  return college && look.pattern !== 'solid' ? `url(#${patternId(college)})` : look.fill
}

function Tile({ look }: { look: CollegeLook }) {
  const marks = MARKS[look.pattern]
  return (
    <>
      <rect width={TILE} height={TILE} fill={look.fill} />
      {marks && <path d={marks} stroke={look.ink} strokeWidth={1.6} strokeOpacity={0.6} />}
      {look.pattern === 'dots' && <circle cx={TILE / 2} cy={TILE / 2} r={1.7} fill={look.ink} fillOpacity={0.7} />}
    </>
  )
}

export function CollegePatterns() {
  return (
    <svg className="college-patterns" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {COLLEGES.map((c) => (
          <pattern key={c.id} id={patternId(c.id)} patternUnits="userSpaceOnUse" width={TILE} height={TILE}>
            <Tile look={collegeLook(c.id)} />
          </pattern>
        ))}
      </defs>
    </svg>
  )
}
