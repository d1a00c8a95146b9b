import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CSV_CORPUS, csvSafe, XSS_CORPUS } from '../../../tests/support/hostileTexts'
import { parseCsv } from '../../../tests/support/parseCsv'
import { hostileSnapshot, sampleSnapshot } from '../../../tests/support/sampleSnapshot'
import { csvCell, exportCsv } from './csvExport'
import { snapshotView } from './exportView'

const view = (snapshot = sampleSnapshot()) => snapshotView(snapshot, { demarche: 'Feuille de route — Aisne' })

test('UTF-8 with a BOM, « ; » between fields, CRLF after every row, one row per chantier in rank order', () => {
  const csv = exportCsv(view())
  assert.ok(csv.startsWith('\uFEFFRang;Ex æquo;Votes;Chantier;Enjeux liés;Porteurs;'))
  assert.ok(csv.endsWith('\r\n'))
  assert.equal(csv.split('\r\n').length, 1 + 4 + 1, 'header, four chantiers, nothing after the last CRLF')
  const rows = parseCsv(csv.slice(1))
  const header = rows[0] as string[]
  const col = (name: string) => rows.slice(1).map((r) => r[header.indexOf(name)])
  assert.deepEqual(col('Chantier'), ['Former 40 aidants', 'Fibre partout', 'Tiers-lieux', 'Idée sans vote'])
  assert.deepEqual(col('Rang'), ['1', '2', '2', ''], 'ranks as plain numbers; unvoted: empty')
  assert.deepEqual(col('Ex æquo'), ['', 'oui', 'oui', ''])
  assert.deepEqual(col('Votes'), ['5', '3', '3', ''])
  assert.deepEqual(col('Enjeux liés'), [
    'Inclusion numérique',
    'Couverture réseau',
    'Inclusion numérique\nCouverture réseau',
    '',
  ])
  assert.deepEqual(col('Partenaires')[0], 'CAF\nFrance Services')
  assert.deepEqual(col('Budget global (€)')[0], '12000,5', 'a decimal comma, for French spreadsheets')
  assert.deepEqual(col('Date de fin')[0], '2026-06-30')
  // One column per collège with points, in the usual order; 0 where a voted chantier got none.
  assert.deepEqual(header.slice(-3), [
    'Points État / Préfecture',
    'Points Conseil départemental',
    'Points Associations',
  ])
  assert.deepEqual(
    rows.slice(1).map((r) => r.slice(-3)),
    [
      ['2', '0', '3'],
      ['0', '3', '0'],
      ['3', '0', '0'],
      ['', '', ''],
    ],
  )
})

test('numbers are written as numbers: unquoted, never neutralised', () => {
  assert.equal(csvCell(12), '12')
  assert.equal(csvCell(0), '0')
  assert.equal(csvCell(null), '')
  assert.equal(csvCell('-2'), "'-2", 'the same characters as user text are neutralised')
})

test("every cell starting with = + - @ tab or CR gets a « ' »; quotes, « ; », « , » and line breaks are quoted", () => {
  assert.equal(csvCell('=1+1'), "'=1+1")
  assert.equal(csvCell('+33'), "'+33")
  assert.equal(csvCell('-2'), "'-2")
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)")
  assert.equal(csvCell('\tx'), `"'\tx"`)
  assert.equal(csvCell('\rx'), `"'\rx"`)
  assert.equal(csvCell(' =1+1'), ' =1+1', 'on the raw first character: a leading space is not a formula')
  assert.equal(csvCell('a=1'), 'a=1')
  assert.equal(csvCell('Dit "oui" ; fait'), '"Dit ""oui"" ; fait"')
  assert.equal(csvCell('un, deux'), '"un, deux"')
  assert.equal(csvCell('été « œuvre »'), 'été « œuvre »')
})

test("hostile texts in every field read back as written, only dangerous cells behind a « ' »", () => {
  const texts = [...CSV_CORPUS, ...XSS_CORPUS]
  const csv = exportCsv(view(hostileSnapshot(texts)))
  const rows = parseCsv(csv.slice(1))
  const header = rows[0] as string[]
  const cell = (r: string[], name: string) => r[header.indexOf(name)]
  assert.equal(rows.length, 1 + texts.length)
  for (const [i, t] of texts.entries()) {
    const row = rows[i + 1] as string[]
    for (const name of [
      'Enjeux liés',
      'Porteurs',
      'Partenaires',
      'Description',
      'Contexte',
      'Besoins',
      'Co-financements',
    ]) {
      assert.equal(cell(row, name), csvSafe(t), `${name} of ${JSON.stringify(t)}`)
    }
    assert.equal(cell(row, 'Chantier'), csvSafe(t.slice(0, 200)))
    assert.equal(cell(row, 'Échéance'), csvSafe(t.slice(0, 40)))
    assert.equal(cell(row, 'Périmètre géographique'), csvSafe(t))
  }
  // No cell of the whole file, header included, may start a formula.
  for (const row of rows) for (const c of row) assert.doesNotMatch(c, /^[=+\-@\t\r]/)
})
