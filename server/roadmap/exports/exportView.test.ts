import assert from 'node:assert/strict'
import { test } from 'node:test'
import { RoadmapVersion } from '../../../shared/roadmap/roadmapSchema'
import { CSV_CORPUS, csvSafe, XSS_CORPUS } from '../../../tests/support/hostileTexts'
import { parseCsv } from '../../../tests/support/parseCsv'
import { hostileSnapshot, sampleSnapshot } from '../../../tests/support/sampleSnapshot'
import { buildRoadmap, type Demarche } from '../roadmapBuilder'
import { CHANTIERS_BOARD, ENJEUX_BOARD, fixtureSnapshot } from '../snapshots.fixture'
import { exportCsv } from './csvExport'
import { roadmapView, snapshotView } from './exportView'
import { escapeHtml, exportHtml } from './htmlExport'
import { exportMarkdown } from './markdownExport'

const AISNE: Demarche = {
  id: 'proc-aisne',
  nom: 'Feuille de route France Numérique Ensemble — Aisne',
  codeDepartement: '02',
  perimetre: 'Département de l’Aisne',
}
const envelope = {
  id: 'v3',
  version: 3,
  createdAt: '2026-03-20T10:00:00.000Z',
  previousId: 'v2',
  sha256: 'f'.repeat(64),
}

function version(snapshots = [fixtureSnapshot(ENJEUX_BOARD), fixtureSnapshot(CHANTIERS_BOARD)]): RoadmapVersion {
  return RoadmapVersion.parse({ ...buildRoadmap(AISNE, snapshots), ...envelope })
}

test('a snapshot: chantiers ranked with ties marked, the notes behind each, enjeux with their chantiers in rank order', () => {
  const view = snapshotView(sampleSnapshot(), { demarche: 'Feuille de route — Aisne' })
  assert.deepEqual(
    view.chantiers.map((c) => [c.nom, c.rang, c.exAequo]),
    [
      ['Former 40 aidants', 1, false],
      ['Fibre partout', 2, true],
      ['Tiers-lieux', 2, true],
      ['Idée sans vote', null, false],
    ],
  )
  assert.deepEqual(view.chantiers[1]?.notes, ['Pas de fibre', 'Débit trop faible'])
  assert.deepEqual(view.chantiers[2]?.enjeux, ['Inclusion numérique', 'Couverture réseau'])
  assert.deepEqual(
    view.enjeux.map((e) => [e.titre, e.chantierIds]),
    [
      ['Couverture réseau', ['shape:c-fibre', 'shape:c-tiers']],
      ['Inclusion numérique', ['shape:c-aidants', 'shape:c-tiers']],
    ],
  )
  assert.deepEqual(view.colleges, ['etat', 'departement', 'associations'])
  assert.deepEqual(
    view.participation?.parCollege.map((c) => c.college),
    ['etat', 'departement', 'associations'],
  )
})

test('a roadmap version: the démarche and its territory, chantiers ranked over every workshop with the workshop they come from', () => {
  const view = roadmapView(version())
  assert.equal(view.kind, 'roadmap')
  assert.equal(view.title, 'Feuille de route France Numérique Ensemble — Aisne')
  assert.equal(view.context, 'Département de l’Aisne, département 02')
  assert.equal(view.reference, 'version 3')
  assert.deepEqual(
    view.chantiers.map((c) => [c.nom, c.rang, c.exAequo, c.atelier]),
    [
      ['Former 40 aidants', 1, false, 'Atelier chantiers'],
      ['Fibre partout', 2, true, 'Atelier chantiers'],
      ['Tiers-lieux', 2, true, 'Atelier chantiers'],
      ['Idée sans vote', null, false, 'Atelier chantiers'],
    ],
  )
  // The copied enjeu is one, named as the latest board names it, with the notes of both boards joined.
  assert.deepEqual(view.chantiers[0]?.enjeux, ['Inclusion et médiation'])
  assert.deepEqual(
    view.enjeux.map((e) => [e.titre, e.notes]),
    [
      ['Couverture réseau', ['Pas de fibre', 'Débit faible']],
      ['Inclusion et médiation', ['Former les aidants', 'Médiation en mairie', 'Bus numérique']],
    ],
  )
  assert.deepEqual(
    view.participation?.parAtelier.map((a) => [a.atelier, a.inscrits, a.votants]),
    [
      ['Atelier enjeux', 3, 0],
      ['Atelier chantiers', 4, 3],
    ],
  )
  const rows = parseCsv(exportCsv(view).slice(1))
  assert.deepEqual(rows[0]?.slice(0, 5), ['Atelier', 'Rang', 'Ex æquo', 'Votes', 'Chantier'])
  assert.deepEqual(rows[1]?.slice(0, 5), ['Atelier chantiers', '1', '', '5', 'Former 40 aidants'])
  const md = exportMarkdown(view)
  assert.ok(
    md.startsWith('# Feuille de route France Numérique Ensemble — Aisne\n\nTerritoire : Département de l’Aisne'),
  )
  assert.ok(md.includes('| Atelier chantiers | 4 | 3 |'))
  assert.ok(exportHtml(view).includes('<dt>Atelier</dt><dd>Atelier chantiers</dd>'))
})

test('a roadmap of hostile texts: every format keeps them as text', () => {
  const texts = [...XSS_CORPUS, ...CSV_CORPUS]
  const view = roadmapView(version([hostileSnapshot(texts)]))
  const rows = parseCsv(exportCsv(view).slice(1))
  const header = rows[0] as string[]
  for (const [i, t] of texts.entries()) {
    assert.equal(rows[i + 1]?.[header.indexOf('Description')], csvSafe(t))
    assert.equal(rows[i + 1]?.[header.indexOf('Enjeux liés')], csvSafe(t))
  }
  const html = exportHtml(view)
  assert.doesNotMatch(html, /<(script|img|svg|iframe|a|base|math|details)\b/i)
  for (const t of texts) assert.ok(html.includes(`<li>${escapeHtml(t)}</li>`), `note ${JSON.stringify(t)}`)
  assert.doesNotMatch(exportMarkdown(view), /(?<!\\)[<[]/)
})
