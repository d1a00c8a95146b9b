/**
 * Reads a date out of what a group wrote as an échéance (or a start date) on a
 * chantier card, for the ANCT's `dateDeFin` / `dateDeDebut` (`YYYY-MM-DD`).
 *
 * People write periods more often than days: « 2026-06 », « juin 2026 »,
 * « T2 2026 », « fin 2026 ». A period stands for its last day when it is an end
 * (`side: 'end'`) and its first day when it is a start; « fin … » and
 * « début … » pick the end or the start whatever the side. Anything else
 * (« à définir », « rentrée », an impossible date) reads as null: the text as
 * written stays in the snapshot, only the date is left out.
 *
 * Understood (accents, case and spaces ignored; an optional « d'ici », « avant »,
 * « pour », « en », « courant », « le » in front):
 * - a day: `2026-06-15`, `15/06/2026` (also `-` or `.`), « 15 juin 2026 », « 1er juin 2026 »;
 * - a month: `2026-06`, `06/2026`, « juin 2026 », « juil. 2026 »;
 * - a quarter or a semester: « T2 2026 », « 2e trimestre 2026 », « S1 2026 », « 1er semestre 2026 »;
 * - a year: `2026`.
 */
export type DateSide = 'start' | 'end'

interface Period {
  start: [number, number, number]
  end: [number, number, number]
}

const MONTHS: [RegExp, number][] = [
  [/^janv?(ier)?$/, 1],
  [/^fevr?(ier)?$/, 2],
  [/^mars$/, 3],
  [/^avr(il)?$/, 4],
  [/^mai$/, 5],
  [/^juin$/, 6],
  [/^juil(let)?$/, 7],
  [/^aout$/, 8],
  [/^sept?(embre)?$/, 9],
  [/^oct(obre)?$/, 10],
  [/^nov(embre)?$/, 11],
  [/^dec(embre)?$/, 12],
]

const LEAD =
  /^(?:d'ici(?: la| le)?|avant(?: la| le)?|au plus tard(?: en| le| la)?|pour(?: la| le)?|en|courant|le|la)\s+/

export function readDate(text: string, side: DateSide): string | null {
  let s = normalize(text)
  for (let previous = ''; previous !== s; ) {
    previous = s
    s = s.replace(LEAD, '')
  }
  let chosen = side
  const modifier = /^(fin|debut)\s*(?:de |d')?\s*/.exec(s)
  if (modifier) {
    chosen = modifier[1] === 'fin' ? 'end' : 'start'
    s = s.slice(modifier[0].length)
  }
  const period = readPeriod(s)
  if (!period) return null
  const [y, m, d] = chosen === 'end' ? period.end : period.start
  return `${y}-${pad(m)}-${pad(d)}`
}

/** Each form people write, and the period it stands for (`g`: the match's groups, `n`: one as a number). */
const FORMS: [RegExp, (n: (i: number) => number, g: RegExpExecArray) => Period | null][] = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (n) => day(n(1), n(2), n(3))],
  [/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/, (n) => day(n(3), n(2), n(1))],
  [/^(\d{1,2})(?:er)? ([a-z]+)\.? (\d{4})$/, (n, g) => withMonth(g[2], (m) => day(n(3), m, n(1)))],
  [/^(\d{4})-(\d{1,2})$/, (n) => months(n(1), n(2), n(2))],
  [/^(\d{1,2})[/.-](\d{4})$/, (n) => months(n(2), n(1), n(1))],
  [/^([a-z]+)\.? (\d{4})$/, (n, g) => withMonth(g[1], (m) => months(n(2), m, m))],
  [/^(?:t([1-4])|([1-4])(?:er|e|eme) trimestre(?: de)?) (\d{4})$/, (n) => quarter(n(3), n(1) || n(2))],
  [/^(?:s([12])|([12])(?:er|e|eme|nd) semestre(?: de)?) (\d{4})$/, (n) => semester(n(3), n(1) || n(2))],
  [/^(\d{4})$/, (n) => months(n(1), 1, 12)],
]

function readPeriod(s: string): Period | null {
  for (const [pattern, read] of FORMS) {
    const g = pattern.exec(s)
    // « 1er trimestre 2026 » looks like « 1er juin 2026 » to the day form: try the next forms.
    const period = g && read((i) => Number(g[i] ?? 0), g)
    if (period) return period
  }
  return null
}

const quarter = (y: number, q: number) => months(y, 3 * q - 2, 3 * q)
const semester = (y: number, h: number) => months(y, 6 * h - 5, 6 * h)

function withMonth(word: string | undefined, read: (month: number) => Period | null): Period | null {
  const month = word === undefined ? null : monthNumber(word)
  return month === null ? null : read(month)
}

/** Years a roadmap can mean: anything else is more likely a number than a year. */
const plausibleYear = (y: number) => y >= 1900 && y <= 2199

function day(y: number, m: number, d: number): Period | null {
  if (!plausibleYear(y) || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null
  return { start: [y, m, d], end: [y, m, d] }
}

function months(y: number, first: number, last: number): Period | null {
  if (!plausibleYear(y) || first < 1 || last > 12 || first > last) return null
  return { start: [y, first, 1], end: [y, last, daysIn(y, last)] }
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

function monthNumber(word: string): number | null {
  return MONTHS.find(([pattern]) => pattern.test(word))?.[1] ?? null
}

function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’ʼ]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '')
}

const pad = (n: number) => String(n).padStart(2, '0')
