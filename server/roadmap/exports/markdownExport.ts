/**
 * The snapshot or roadmap version as Markdown (CommonMark / GitHub): title,
 * date, participation, the chantiers in rank order with their fields, then the
 * enjeux with their ranked chantiers and their notes.
 *
 * No user text may become markup or a link: every character that CommonMark
 * or GitHub's extensions give a meaning inline (emphasis, code, links, images,
 * raw HTML, entities, tables, strikethrough, headings) is backslash-escaped,
 * and so is whatever would open a block at the start of a line (list, quote,
 * heading, thematic break) or make a bare autolink (`://`, `www.`, `@`). A
 * text's line breaks become hard breaks inside its own paragraph or list item,
 * so a user's line can never start a new block.
 */
import type { ExportChantier, ExportView } from './exportView'
import { calendarDateFr, collegeFr, dateTimeFr, eurosFr, pointsFr, rankFr } from './frenchFormat'

/**
 * Inline punctuation with a meaning somewhere in CommonMark or GFM (`&` starts
 * entities, `<` HTML and autolinks, `@` e-mail autolinks), and the `:` of `://`
 * and the `.` of `www.` (GFM's bare URL autolinks).
 */
const INLINE = /[\\`*_[\]<>&|~#@]|:(?=\/\/)|(?<=\bwww)\./gi
/** What opens a block at the start of a line: `-`, `+`, `=`, `>` (already escaped), or `12.` / `12)`. */
const LINE_START = /^([-+=])|^(\d+)([.)])/

/** One user text on its own, any line breaks kept as hard breaks (`\` at the end of a line). */
export function escapeMarkdown(text: string, indent = ''): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) =>
      line
        .replace(INLINE, '\\$&')
        .replace(LINE_START, (_m, sign, digits, dot) => (sign ? `\\${sign}` : `${digits}\\${dot}`)),
    )
    .join(`\\\n${indent}`)
}

export function exportMarkdown(view: ExportView): string {
  const out: string[] = []
  out.push(`# ${escapeMarkdown(view.title)}`, '')
  if (view.context)
    out.push(`${view.kind === 'snapshot' ? 'Démarche' : 'Territoire'} : ${escapeMarkdown(view.context)}  `)
  out.push(`Date : ${dateTimeFr(view.createdAt)}  `, `Référence : ${escapeMarkdown(view.reference)}`, '')

  out.push('## Participation', '')
  const p = view.participation
  if (p) {
    out.push(`${p.votants} votant${p.votants > 1 ? 's' : ''} sur ${p.inscrits} inscrit${p.inscrits > 1 ? 's' : ''}.  `)
    if (p.regles) {
      out.push(
        `Vote : ${pointsFr(p.regles.votesParPersonne)} par personne, au plus ${pointsFr(p.regles.maxParItem)} par élément${p.regles.anonyme ? ', anonyme' : ''}.`,
      )
    }
    if (p.parAtelier.length > 0) {
      out.push('', '| Atelier | Inscrits | Votants |', '| --- | ---: | ---: |')
      for (const a of p.parAtelier) out.push(`| ${escapeMarkdown(a.atelier)} | ${a.inscrits} | ${a.votants} |`)
    }
    out.push('', '| Collège | Inscrits | Votants |', '| --- | ---: | ---: |')
    for (const c of p.parCollege) out.push(`| ${escapeMarkdown(collegeFr(c.college))} | ${c.inscrits} | ${c.votants} |`)
  } else {
    out.push('Aucun vote dont les résultats sont visibles.')
  }
  out.push('')
  if (view.organisations.length > 0) {
    out.push('Organisations présentes :', '')
    for (const o of view.organisations) {
      out.push(`- ${escapeMarkdown(o.nom)} (${escapeMarkdown(collegeFr(o.college))}, ${o.participants})`)
    }
    out.push('')
  }

  out.push('## Chantiers par ordre de priorité', '')
  if (view.chantiers.length === 0) out.push('Aucun chantier.', '')
  for (const c of view.chantiers) out.push(...chantierSection(c, view), '')

  out.push('## Enjeux', '')
  if (view.enjeux.length === 0) out.push('Aucun enjeu.', '')
  const chantierById = new Map(view.chantiers.map((c) => [c.id, c]))
  for (const e of view.enjeux) {
    const rank = e.rang === null ? '' : ` (${rankFr(e.rang, false)}, ${pointsFr(e.votes ?? 0)})`
    out.push(`### ${escapeMarkdown(e.titre) || 'Sans titre'}${rank}`, '')
    const answers = e.chantierIds.flatMap((id) => chantierById.get(id) ?? [])
    if (answers.length > 0) {
      out.push('Chantiers :', '')
      for (const c of answers) out.push(`- ${rankPrefix(c)}${escapeMarkdown(c.nom) || 'Sans titre'}`)
      out.push('')
    }
    out.push(`Notes (${e.notes.length}) :`, '')
    for (const n of e.notes) out.push(`- ${escapeMarkdown(n, '  ')}`)
    out.push('')
  }
  out.push('---', '', `Empreinte SHA-256 : \`${view.sha256}\``, '')
  return out.join('\n')
}

function rankPrefix(c: ExportChantier): string {
  return c.rang === null ? '' : `${rankFr(c.rang, c.exAequo)} · ${pointsFr(c.votes ?? 0)} — `
}

function chantierSection(c: ExportChantier, view: ExportView): string[] {
  const title = `### ${c.rang === null ? '' : `${rankFr(c.rang, c.exAequo)} — `}${escapeMarkdown(c.nom) || 'Sans titre'}`
  const fields: [string, string][] = [
    ['Atelier', c.atelier ?? ''],
    ['Votes', c.votes === null ? '' : pointsFr(c.votes)],
    ['Enjeux', c.enjeux.join(' ; ')],
    ['Porteurs', c.porteurs.join(' ; ')],
    ['Partenaires', c.partenaires.join(' ; ')],
    ['Échéance', c.echeance],
    ['Début', c.dateDeDebut ? calendarDateFr(c.dateDeDebut) : ''],
    ['Fin', c.dateDeFin ? calendarDateFr(c.dateDeFin) : ''],
    ['Description', c.description],
    ['Contexte', c.contexte],
    ['Besoins', c.besoins],
    ['Budget global', c.budgetGlobal === null ? '' : eurosFr(c.budgetGlobal)],
    ['Co-financements', c.coFinancements.join(' ; ')],
    ['Périmètre', c.perimetreGeographique ?? ''],
  ]
  const lines = [title, '']
  // Only our own formatting (numbers, dates) is left unescaped: those fields hold no user text.
  const ours = new Set(['Votes', 'Début', 'Fin', 'Budget global'])
  for (const [label, value] of fields) {
    if (value) lines.push(`- **${label} :** ${ours.has(label) ? value : escapeMarkdown(value, '  ')}`)
  }
  const byCollege = view.colleges.filter((college) => (c.parCollege[college] ?? 0) > 0)
  if (byCollege.length > 0) {
    lines.push(
      `- **Par collège :** ${byCollege.map((college) => `${escapeMarkdown(collegeFr(college))} ${c.parCollege[college]}`).join(', ')}`,
    )
  }
  if (c.notes.length > 0) {
    lines.push(`- **Notes à l’origine (${c.notes.length}) :**`)
    for (const n of c.notes) lines.push(`  - ${escapeMarkdown(n, '    ')}`)
  }
  return lines
}
