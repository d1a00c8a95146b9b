/**
 * The prioritised action list as CSV for French spreadsheet software: UTF-8
 * with a BOM (or Excel reads it as Windows-1252), `;` between fields (the
 * French list separator), CRLF between rows, one row per chantier in rank
 * order, then one column per collège with its points.
 *
 * CSV injection: a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`
 * (and, in some, tab or CR) as a formula, so every text cell starting with
 * one of them gets a `'` in front — on its raw first character: a leading
 * space does not make `=…` safe in every program. Numbers are written as
 * numbers (digits, a decimal comma), never neutralised: they are ours, not
 * user text.
 *
 * Quoting (RFC 4180): a field is quoted when it holds `"`, `;`, `,`, a tab or
 * a line break, and `"` is doubled. `,` and tab are quoted too, so a program
 * that guesses another separator still cannot split a cell and start a new
 * one with a formula.
 */
import type { ExportChantier, ExportView } from './exportView'
import { collegeFr } from './frenchFormat'

const BOM = '\uFEFF'
const SEPARATOR = ';'
const EOL = '\r\n'
/** Several values in one cell (enjeux, porteurs…): one per line, as spreadsheets show them. */
const LIST_JOIN = '\n'

type Cell = string | number | null

const COLUMNS: { header: string; value: (c: ExportChantier) => Cell }[] = [
  { header: 'Rang', value: (c) => c.rang },
  { header: 'Ex æquo', value: (c) => (c.exAequo ? 'oui' : '') },
  { header: 'Votes', value: (c) => c.votes },
  { header: 'Chantier', value: (c) => c.nom },
  { header: 'Enjeux liés', value: (c) => c.enjeux.join(LIST_JOIN) },
  { header: 'Porteurs', value: (c) => c.porteurs.join(LIST_JOIN) },
  { header: 'Partenaires', value: (c) => c.partenaires.join(LIST_JOIN) },
  { header: 'Échéance', value: (c) => c.echeance },
  { header: 'Date de début', value: (c) => c.dateDeDebut },
  { header: 'Date de fin', value: (c) => c.dateDeFin },
  { header: 'Description', value: (c) => c.description },
  { header: 'Contexte', value: (c) => c.contexte },
  { header: 'Besoins', value: (c) => c.besoins },
  { header: 'Budget global (€)', value: (c) => c.budgetGlobal },
  { header: 'Co-financements', value: (c) => c.coFinancements.join(LIST_JOIN) },
  { header: 'Périmètre géographique', value: (c) => c.perimetreGeographique },
]

export function exportCsv(view: ExportView): string {
  const columns = [
    ...(view.kind === 'roadmap' ? [{ header: 'Atelier', value: (c: ExportChantier): Cell => c.atelier }] : []),
    ...COLUMNS,
    ...view.colleges.map((college) => ({
      header: `Points ${collegeFr(college)}`,
      value: (c: ExportChantier): Cell => c.parCollege[college] ?? (c.votes === null ? null : 0),
    })),
  ]
  const rows = [columns.map((col) => col.header), ...view.chantiers.map((c) => columns.map((col) => col.value(c)))]
  return BOM + rows.map((row) => row.map(csvCell).join(SEPARATOR) + EOL).join('')
}

/** One field: empty for null, a number as a number, text neutralised then quoted if needed. */
export function csvCell(value: Cell): string {
  if (value === null) return ''
  const text = typeof value === 'number' ? numberCell(value) : neutralise(value)
  return /[";,\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A `'` before a text that a spreadsheet would read as a formula. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/** Digits and a decimal comma (what French spreadsheet software reads as a number). */
function numberCell(n: number): string {
  return String(n).replace('.', ',')
}
