/**
 * Markdown tables of the bench: one row per server, and a row of our figures
 * as ratios to the reference's measured in the same run.
 */

export interface Column<R> {
  title: string
  cell(row: R): string
  /** The figure compared as ours ÷ reference; none: the ratio row leaves the cell empty. */
  value?(row: R): number
}

export function table<R extends { server: string }>(columns: Column<R>[], rows: R[]): string {
  const lines = [
    `| ${columns.map((c) => c.title).join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${columns.map((c) => c.cell(r)).join(' | ')} |`),
  ]
  const ours = rows.find((r) => r.server === 'Atelier')
  const reference = rows.find((r) => r.server === 'reference')
  if (ours && reference) {
    const ratios = columns.map((c, i) => {
      if (i === 0) return 'ours ÷ reference'
      if (!c.value) return ''
      const ratio = c.value(ours) / c.value(reference)
      // Two decimals, or two significant digits below 0.1 (×0.0024, not ×0.00).
      return Number.isFinite(ratio) ? `×${ratio >= 0.1 || ratio === 0 ? ratio.toFixed(2) : ratio.toPrecision(2)}` : '–'
    })
    lines.push(`| ${ratios.join(' | ')} |`)
  }
  return lines.join('\n')
}

export const ms = (v: number): string => (Number.isNaN(v) ? '–' : v < 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(0)} ms`)
export const perSecond = (v: number): string => `${Math.round(v).toLocaleString('en-US')}/s`
export const percent = (v: number): string => `${v.toFixed(v >= 99.95 || v < 10 ? 1 : 0)} %`
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`
