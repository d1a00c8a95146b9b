/**
 * The snapshot or roadmap version as one standalone, print-ready HTML page:
 * the browser's « Enregistrer au format PDF » gives a clean A4 document
 * (title, démarche, date, participation by collège, ranked chantiers with their
 * enjeux, porteurs, échéances and the notes behind them, then the enjeux).
 *
 * Safe to open anywhere: no script at all, system fonts only, nothing loaded
 * from anywhere (its own CSP forbids it, in a meta tag so that the file opened
 * from disk obeys it too), and every user string goes through `escapeHtml` —
 * the one way text reaches this page; attributes carry none.
 */
import type { ExportChantier, ExportEnjeu, ExportView } from './exportView'
import { calendarDateFr, collegeFr, dateTimeFr, eurosFr, pointsFr, rankFr } from './frenchFormat'

/**
 * Served as a header too (exportRoutes): even opened inline, the page can run
 * and fetch nothing. `base-uri` and `form-action` do not fall back to
 * `default-src`, so they are closed too.
 */
export const HTML_EXPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string)
}

export function exportHtml(view: ExportView): string {
  const kicker = view.kind === 'snapshot' ? 'Feuille de route · résultats d’atelier' : 'Feuille de route'
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_EXPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
<title>${escapeHtml(view.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="doc">
<p class="kicker">${kicker}</p>
<h1>${escapeHtml(view.title)}</h1>
<dl class="meta">
${view.context ? `<dt>${view.kind === 'snapshot' ? 'Démarche' : 'Territoire'}</dt><dd>${escapeHtml(view.context)}</dd>` : ''}
<dt>Date</dt><dd>${escapeHtml(dateTimeFr(view.createdAt))}</dd>
<dt>Référence</dt><dd>${escapeHtml(view.reference)}</dd>
<dt>Chantiers</dt><dd>${view.chantiers.length}</dd>
<dt>Enjeux</dt><dd>${view.enjeux.length}</dd>
<dt>Empreinte</dt><dd class="fingerprint">SHA-256 <code>${escapeHtml(view.sha256)}</code></dd>
</dl>
</header>
<main>
${participation(view)}
<section class="page" aria-labelledby="chantiers">
<h2 id="chantiers">Chantiers par ordre de priorité</h2>
${view.chantiers.length === 0 ? '<p>Aucun chantier.</p>' : `<ol class="chantiers">\n${view.chantiers.map((c) => chantier(c, view)).join('\n')}\n</ol>`}
</section>
<section class="page" aria-labelledby="enjeux">
<h2 id="enjeux">Enjeux</h2>
${view.enjeux.length === 0 ? '<p>Aucun enjeu.</p>' : view.enjeux.map((e) => enjeu(e, view)).join('\n')}
</section>
</main>
</body>
</html>
`
}

function participation(view: ExportView): string {
  const p = view.participation
  const rows = p
    ? `<p>${p.votants} votant${p.votants > 1 ? 's' : ''} sur ${p.inscrits} inscrit${p.inscrits > 1 ? 's' : ''}.${
        p.regles
          ? ` Vote : ${escapeHtml(pointsFr(p.regles.votesParPersonne))} par personne, au plus ${escapeHtml(pointsFr(p.regles.maxParItem))} par élément${p.regles.anonyme ? ', anonyme' : ''}.`
          : ''
      }</p>
${
  p.parAtelier.length === 0
    ? ''
    : counts(
        'Atelier',
        p.parAtelier.map((a) => [a.atelier, a.inscrits, a.votants]),
      )
}
${counts(
  'Collège',
  p.parCollege.map((c) => [collegeFr(c.college), c.inscrits, c.votants]),
)}`
    : '<p>Aucun vote dont les résultats sont visibles.</p>'
  const organisations =
    view.organisations.length === 0
      ? ''
      : `<h3>Organisations présentes</h3>
<ul class="organisations">
${view.organisations.map((o) => `<li>${escapeHtml(o.nom)} <span class="muted">(${escapeHtml(collegeFr(o.college))}, ${o.participants})</span></li>`).join('\n')}
</ul>`
  return `<section aria-labelledby="participation">
<h2 id="participation">Participation</h2>
${rows}
${organisations}
</section>`
}

/** A table of head counts: one row per atelier or collège (`name` is escaped here). */
function counts(heading: string, rows: [name: string, inscrits: number, votants: number][]): string {
  return `<table>
<thead><tr><th scope="col">${heading}</th><th scope="col" class="num">Inscrits</th><th scope="col" class="num">Votants</th></tr></thead>
<tbody>
${rows.map(([name, inscrits, votants]) => `<tr><th scope="row">${escapeHtml(name)}</th><td class="num">${inscrits}</td><td class="num">${votants}</td></tr>`).join('\n')}
</tbody>
</table>`
}

function chantier(c: ExportChantier, view: ExportView): string {
  const list = (items: string[]) => items.map(escapeHtml).join(' ; ')
  const fields: [string, string][] = [
    ['Atelier', c.atelier ? escapeHtml(c.atelier) : ''],
    ['Enjeux', list(c.enjeux)],
    ['Porteurs', list(c.porteurs)],
    ['Partenaires', list(c.partenaires)],
    ['Échéance', escapeHtml(c.echeance)],
    ['Début', c.dateDeDebut ? escapeHtml(calendarDateFr(c.dateDeDebut)) : ''],
    ['Fin', c.dateDeFin ? escapeHtml(calendarDateFr(c.dateDeFin)) : ''],
    ['Description', escapeHtml(c.description)],
    ['Contexte', escapeHtml(c.contexte)],
    ['Besoins', escapeHtml(c.besoins)],
    ['Budget global', c.budgetGlobal === null ? '' : escapeHtml(eurosFr(c.budgetGlobal))],
    ['Co-financements', list(c.coFinancements)],
    ['Périmètre', c.perimetreGeographique ? escapeHtml(c.perimetreGeographique) : ''],
    [
      'Par collège',
      view.colleges
        .filter((college) => (c.parCollege[college] ?? 0) > 0)
        .map((college) => `${escapeHtml(collegeFr(college))} ${c.parCollege[college]}`)
        .join(' · '),
    ],
  ]
  const notes =
    c.notes.length === 0
      ? ''
      : `<p class="notes-title">Notes à l’origine (${c.notes.length})</p>
<ul class="notes">${c.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`
  return `<li class="chantier">
<h3><span class="rank">${c.rang === null ? 'Non classé' : escapeHtml(rankFr(c.rang, c.exAequo))}</span> <span class="name">${escapeHtml(c.nom) || 'Sans titre'}</span>${c.votes === null ? '' : ` <span class="points">${escapeHtml(pointsFr(c.votes))}</span>`}</h3>
<dl class="fields">
${fields
  .filter(([, value]) => value !== '')
  .map(([label, value]) => `<dt>${label}</dt><dd>${value}</dd>`)
  .join('\n')}
</dl>
${notes}
</li>`
}

function enjeu(e: ExportEnjeu, view: ExportView): string {
  const byId = new Map(view.chantiers.map((c) => [c.id, c]))
  const answers = e.chantierIds.flatMap((id) => byId.get(id) ?? [])
  return `<article class="enjeu">
<h3>${escapeHtml(e.titre) || 'Sans titre'}${e.rang === null ? '' : ` <span class="points">${escapeHtml(rankFr(e.rang, false))} · ${escapeHtml(pointsFr(e.votes ?? 0))}</span>`}</h3>
${
  answers.length === 0
    ? ''
    : `<p class="notes-title">Chantiers</p>
<ul>${answers.map((c) => `<li>${c.rang === null ? '' : `${escapeHtml(rankFr(c.rang, c.exAequo))} — `}${escapeHtml(c.nom) || 'Sans titre'}</li>`).join('')}</ul>`
}
<p class="notes-title">Notes (${e.notes.length})</p>
${e.notes.length === 0 ? '' : `<ul class="notes">${e.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`}
</article>`
}

/** Black on white, system fonts; A4 with page breaks between sections and never inside a chantier. */
const STYLE = `
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;color:#1a1a1a;background:#fff;line-height:1.45}
body{margin:0 auto;max-width:50rem;padding:2rem 1.25rem 3rem}
.doc{border-bottom:2px solid #1a1a1a;padding-bottom:.75rem;margin-bottom:1.5rem}
.kicker{text-transform:uppercase;letter-spacing:.06em;font-size:.8rem;color:#4a4a4a;margin:0}
h1{font-size:1.9rem;line-height:1.2;margin:.25rem 0 .6rem}
h2{font-size:1.35rem;border-bottom:1px solid #777;padding-bottom:.2rem;margin:2rem 0 .75rem}
h3{font-size:1.1rem;margin:1.2rem 0 .4rem}
.meta,.fields{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0}
.fields{grid-template-columns:10rem 1fr}
dt{font-weight:600;white-space:nowrap}
dd{margin:0;white-space:pre-line;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #8a8a8a;padding:.3rem .55rem;text-align:left;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:#4a4a4a}
ol.chantiers{list-style:none;margin:0;padding:0}
.chantier{border:1px solid #8a8a8a;border-left:5px solid #1a1a1a;padding:.6rem .9rem .7rem;margin:0 0 .9rem}
.chantier h3{display:flex;flex-wrap:wrap;gap:.2rem .7rem;align-items:baseline;margin:0 0 .45rem}
.rank{white-space:nowrap}
.name{flex:1 1 16rem;overflow-wrap:anywhere}
.points{white-space:nowrap;font-weight:600;font-size:.95rem}
.enjeu h3{display:flex;flex-wrap:wrap;gap:.2rem .7rem;align-items:baseline}
.notes-title{font-weight:600;margin:.6rem 0 .2rem}
ul{margin:.2rem 0;padding-left:1.3rem}
.notes li{white-space:pre-line;overflow-wrap:anywhere}
.fingerprint{font-size:.8rem;color:#4a4a4a}
@page{size:A4;margin:16mm 15mm 18mm}
@media print{
html{font-size:10.5pt}
body{max-width:none;padding:0}
.page{break-before:page}
h2,h3,.notes-title{break-after:avoid}
.chantier,.enjeu h3,tr{break-inside:avoid}
}
`
