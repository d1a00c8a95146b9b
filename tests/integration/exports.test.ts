/**
 * Exports against the real server (issue 4 §4, §6): a workshop whose notes,
 * enjeux, chantier fields and organisations are XSS and CSV-injection
 * payloads, written with the stock y-websocket client, voted on and
 * snapshotted through the API, downloads in every format with every hostile
 * text as text — and with the read access, headers and errors of the API.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Snapshot } from '../../shared/roadmap/snapshotSchema'
import { createWorkshop, join } from '../support/api'
import { CSV_CORPUS, csvSafe, XSS_CORPUS } from '../support/hostileTexts'
import { type HostileWorkshop, hostileWorkshop } from '../support/hostileWorkshop'
import { parseCsv } from '../support/parseCsv'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

/** Texts go through the board, where tldraw's text props and the board model trim them. */
const TEXTS = [...XSS_CORPUS, ...CSV_CORPUS]
const ORGANISATIONS = XSS_CORPUS.filter((t) => t.length <= 120).slice(0, 12)

let server: ServerProcess
let w: HostileWorkshop
let snapshot: Snapshot
before(async () => {
  server = await startServerProcess({ env: { ATELIER_MAX_MESSAGES_PER_SECOND: '10000' } })
  w = await hostileWorkshop(server, TEXTS, ORGANISATIONS)
  snapshot = JSON.parse(await (await get(`/api/snapshots/${w.snapshotId}`, w.facilitator.token)).text())
})
after(async () => {
  await server.stop()
})

function get(path: string, token?: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
}

const exportOf = (format: string, token = w.facilitator.token) =>
  get(`/api/snapshots/${w.snapshotId}/export?format=${format}`, token)

test('the snapshot holds the hostile texts as written (trimmed by the board), ranked by the vote', () => {
  const trimmed = TEXTS.map((t) => t.trim())
  assert.deepEqual(snapshot.enjeux.map((e) => e.titre).sort(), [...trimmed].sort())
  assert.deepEqual(snapshot.notes.map((n) => n.texte).sort(), [...trimmed].sort())
  assert.ok(
    snapshot.chantiers.slice(0, 3).every((c) => c.votes === 3),
    'three chantiers got 3 dots',
  )
  for (const org of ORGANISATIONS)
    assert.ok(
      snapshot.membres.some((m) => m.nom === org),
      org,
    )
})

test('JSON: the stored snapshot byte for byte, as an attachment named after the workshop and its day', async () => {
  const res = await exportOf('json')
  assert.equal(res.status, 200)
  assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8')
  const day = snapshot.createdAt.slice(0, 10)
  const disposition = res.headers.get('content-disposition') ?? ''
  assert.match(
    disposition,
    /^attachment; filename="atelier-img-src-x-onerror-alert-1-chantiers-\d{4}-\d{2}-\d{2}\.json"; filename\*=UTF-8''/,
  )
  assert.ok(disposition.includes(day.slice(0, 7)), 'the date in the name')
  assert.match(disposition.split("''")[1] as string, /^[A-Za-z0-9%!#$&+.^_`|~-]+$/, 'the UTF-8 name percent-encoded')
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff')
  const stored = await get(`/api/snapshots/${w.snapshotId}`, w.facilitator.token)
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), Buffer.from(await stored.arrayBuffer()))
})

test("CSV: BOM, « ; », CRLF, one row per chantier in rank order, every text back with only the « ' » on formulas", async () => {
  const res = await exportOf('csv')
  assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8; header=present')
  const bytes = Buffer.from(await res.arrayBuffer())
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM')
  const rows = parseCsv(bytes.toString('utf8').slice(1))
  const header = rows[0] as string[]
  const col = (row: string[], name: string) => row[header.indexOf(name)]
  assert.equal(rows.length, 1 + snapshot.chantiers.length)
  const ranked = [...snapshot.chantiers].sort((a, b) => (a.rang ?? Infinity) - (b.rang ?? Infinity))
  for (const [i, c] of ranked.entries()) {
    const row = rows[i + 1] as string[]
    assert.equal(col(row, 'Chantier'), csvSafe(c.nom))
    assert.equal(col(row, 'Rang'), c.rang === null ? '' : String(c.rang))
    assert.equal(col(row, 'Votes'), c.votes === null ? '' : String(c.votes))
    for (const name of [
      'Description',
      'Contexte',
      'Besoins',
      'Porteurs',
      'Partenaires',
      'Co-financements',
      'Enjeux liés',
    ]) {
      // Each chantier carries one text in all its fields.
      assert.equal(col(row, name), csvSafe(c.description), `${name} of ${JSON.stringify(c.description)}`)
    }
  }
  for (const t of CSV_CORPUS.map((x) => x.trim())) {
    assert.ok(
      rows.some((r) => col(r, 'Description') === csvSafe(t)),
      `row of ${JSON.stringify(t)}`,
    )
  }
  for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/)
})

test('Markdown and HTML: hostile texts stay text', async () => {
  const md = await (await exportOf('md')).text()
  assert.doesNotMatch(md, /(?<!\\)[<[]/, 'no « < » or « [ » left unescaped')
  const res = await exportOf('html')
  assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8')
  assert.equal(
    res.headers.get('content-security-policy'),
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  )
  const html = await res.text()
  assert.ok(html.includes('<dd>Démarche &lt;script&gt;window.__xss=1&lt;/script&gt; « Aisne »</dd>'), 'the démarche')
  assert.doesNotMatch(html, /<(script|img|svg|iframe|a|base|math|details|b|meta http-equiv="refresh")\b/i)
  for (const t of XSS_CORPUS) {
    assert.ok(
      html.includes(
        t
          .trim()
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;')
          .replace(/'/g, '&#39;'),
      ),
    )
  }
})

test('the latest snapshot of a workshop; 404 no_snapshot before the first', async () => {
  const latest = await get(`/api/workshops/${w.workshop.id}/export?format=json`, w.facilitator.token)
  assert.equal(latest.status, 200)
  assert.equal(JSON.parse(await latest.text()).id, w.snapshotId)
  const empty = await createWorkshop(server.url, server.adminToken, 'Sans instantané')
  const res = await get(`/api/workshops/${empty.id}/export?format=csv`, server.adminToken)
  assert.equal(res.status, 404)
  assert.equal((await res.json()).error.code, 'no_snapshot')
})

test('read access is the JSON’s: any role of the workshop and the admin; 401 without, 403 from another workshop', async () => {
  assert.equal((await exportOf('csv', w.observer.token)).status, 200)
  assert.equal((await exportOf('html', server.adminToken)).status, 200)
  assert.equal((await exportOf('csv', '')).status, 401)
  const other = await createWorkshop(server.url, server.adminToken, 'Autre atelier')
  const stranger = await join(server.url, other, 'facilitator', 'Intrus')
  assert.equal((await exportOf('csv', stranger.token)).status, 403)
  assert.equal((await get(`/api/workshops/${w.workshop.id}/export?format=csv`, stranger.token)).status, 403)
})

test('a format other than json, csv, md or html is a 400; an unknown snapshot a 404', async () => {
  for (const query of ['format=pdf', '', 'format=csv&format=md', 'format=csv&x=1', 'format=CSV']) {
    const res = await get(`/api/snapshots/${w.snapshotId}/export?${query}`, w.facilitator.token)
    assert.equal(res.status, 400, query)
    assert.equal((await res.json()).error.code, 'invalid_format')
  }
  const inline = await get(`/api/snapshots/${w.snapshotId}/export?format=html&disposition=inline`, w.facilitator.token)
  assert.match(inline.headers.get('content-disposition') ?? '', /^inline; filename="/)
  assert.equal((await get('/api/snapshots/AAAAAAAAAAAAAAAAAAAAAA/export?format=csv', server.adminToken)).status, 404)
  assert.equal((await get('/api/snapshots/nope/export?format=csv', server.adminToken)).status, 404)
})

test('the démarche’s roadmap version (made by the snapshot) exports too, with the workshop of each chantier', async () => {
  const versions = (await (await get(`/api/processes/${w.process.id}/roadmap-versions`, server.adminToken)).json()) as {
    id: string
  }[]
  assert.equal(versions.length, 1)
  const vid = (versions[0] as { id: string }).id
  const json = await get(`/api/roadmap-versions/${vid}/export?format=json`, w.observer.token)
  assert.equal(json.status, 200)
  const stored = await get(`/api/roadmap-versions/${vid}`, w.observer.token)
  assert.deepEqual(Buffer.from(await json.arrayBuffer()), Buffer.from(await stored.arrayBuffer()))
  assert.match(
    json.headers.get('content-disposition') ?? '',
    /^attachment; filename="demarche-script-window-xss-1-script-aisne-\d{4}-\d{2}-\d{2}\.json"/,
  )

  const res = await get(`/api/processes/${w.process.id}/roadmap/export?format=csv`, w.facilitator.token)
  // Read as bytes: fetch's text() would drop the BOM.
  const csv = Buffer.from(await res.arrayBuffer()).toString('utf8')
  assert.ok(csv.startsWith('\uFEFF'))
  const rows = parseCsv(csv.slice(1))
  const header = rows[0] as string[]
  assert.deepEqual(header.slice(0, 5), ['Atelier', 'Rang', 'Ex æquo', 'Votes', 'Chantier'])
  assert.equal(rows.length, 1 + snapshot.chantiers.length)
  for (const row of rows.slice(1)) assert.equal(row[0], csvSafe(snapshot.workshop.title))
  for (const t of CSV_CORPUS.map((x) => x.trim())) {
    assert.ok(
      rows.some((r) => r[header.indexOf('Description')] === csvSafe(t)),
      `row of ${JSON.stringify(t)}`,
    )
  }
  for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/)

  const html = await get(`/api/roadmap-versions/${vid}/export?format=html`, server.adminToken)
  assert.match(html.headers.get('content-security-policy') ?? '', /^default-src 'none'; style-src 'unsafe-inline'/)
  assert.doesNotMatch(await html.text(), /<(script|img|svg|iframe|a|base|math|details|b)\b/i)
  const md = await (await get(`/api/roadmap-versions/${vid}/export?format=md`, server.adminToken)).text()
  assert.doesNotMatch(md, /(?<!\\)[<[]/)
})

test('roadmap exports: the roadmap’s read access; 404 no_roadmap before a first version, 400 for another format', async () => {
  const versions = (await (await get(`/api/processes/${w.process.id}/roadmap-versions`, server.adminToken)).json()) as {
    id: string
  }[]
  const path = `/api/roadmap-versions/${(versions[0] as { id: string }).id}/export?format=csv`
  assert.equal((await get(path)).status, 401)
  const other = await createWorkshop(server.url, server.adminToken, 'Hors démarche')
  const stranger = await join(server.url, other, 'participant', 'Intrus')
  assert.equal((await get(path, stranger.token)).status, 403)
  assert.equal((await get(path.replace('format=csv', 'format=xlsx'), server.adminToken)).status, 400)
  const res = await fetch(`${server.url}/api/processes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ nom: 'Démarche sans feuille de route' }),
  })
  const empty = (await res.json()) as { id: string }
  const none = await get(`/api/processes/${empty.id}/roadmap/export?format=md`, server.adminToken)
  assert.equal(none.status, 404)
  assert.equal((await none.json()).error.code, 'no_roadmap')
  assert.equal(
    (await get('/api/roadmap-versions/AAAAAAAAAAAAAAAAAAAAAA/export?format=md', server.adminToken)).status,
    404,
  )
})
