/**
 * Reads an amount in euros out of what was typed in a chantier's « budget
 * global » (the ANCT's `budgetGlobal`, a number): « 12 000 € », « 12k€ »,
 * « 1,5 M€ », « 12.500,50 € HT ». Anything that is not one clear amount
 * (« à chiffrer », « 10 à 15 k€ », « 12,000 » with no unit) reads as null: the
 * text as typed stays on the card, only the number is left out.
 *
 * Separators: spaces (also no-break ones) group thousands; a `.` or `,`
 * followed by exactly three digits groups thousands, otherwise it is the
 * decimal mark — except with a multiplier (« 1,500 k€ » is 1 500 €), where one
 * separator is always decimal.
 */
const AMOUNT = /^(?:€|eur)?(?<num>\d[\d.,]*)(?<mult>k|m|millions?|milliards?|md)?(?:€|eur|euros?|d'euros?)?(?:ht|ttc)?$/

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  million: 1e6,
  millions: 1e6,
  md: 1e9,
  milliard: 1e9,
  milliards: 1e9,
}

export function readAmount(text: string): number | null {
  const s = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’ʼ]/g, "'")
    .replace(/\s+/g, '')
  const match = AMOUNT.exec(s)
  const num = match?.groups?.num
  if (!num) return null
  const mult = match.groups?.mult
  const value = readNumber(num, mult !== undefined)
  if (value === null) return null
  const amount = value * (mult ? (MULTIPLIERS[mult] as number) : 1)
  // Cents at most: 1,5 M€ is 1 500 000, not 1 500 000.0000000002.
  return Number.isFinite(amount) ? Math.round(amount * 100) / 100 : null
}

function readNumber(s: string, hasMultiplier: boolean): number | null {
  if (/[.,]$/.test(s) || /[.,]{2}/.test(s)) return null
  const seps = s.match(/[.,]/g) ?? []
  if (seps.length === 0) return Number(s)
  if (hasMultiplier && seps.length === 1) return Number(s.replace(',', '.'))
  const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','))
  const decimals = s.slice(last + 1)
  // The last separator is the decimal mark unless three digits follow it.
  const [whole, fraction] = decimals.length === 3 ? [s, ''] : [s.slice(0, last), decimals]
  const groupMark = decimals.length === 3 ? s[last] : whole.match(/[.,]/)?.[0]
  if (groupMark !== undefined) {
    if (decimals.length !== 3 && groupMark === s[last]) return null
    const grouped = new RegExp(`^\\d{1,3}(?:\\${groupMark}\\d{3})+$`)
    if (!grouped.test(whole)) return null
  }
  const digits = groupMark === undefined ? whole : whole.split(groupMark).join('')
  return Number(fraction ? `${digits}.${fraction}` : digits)
}
