import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CSV_CORPUS, XSS_CORPUS } from '../../../tests/support/hostileTexts'
import { hostileSnapshot, sampleSnapshot } from '../../../tests/support/sampleSnapshot'
import { snapshotView } from './exportView'
import { escapeHtml, exportHtml } from './htmlExport'

const view = (snapshot = sampleSnapshot()) => snapshotView(snapshot, { demarche: 'Feuille de route — Aisne' })

test('a standalone French page for A4 print: no script, nothing loaded from anywhere, its own CSP', () => {
  const html = exportHtml(view())
  assert.ok(html.startsWith('<!doctype html>\n<html lang="fr">'))
  assert.ok(
    html.includes(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    ),
  )
  assert.match(html, /@page\{size:A4;margin:[^}]+\}/)
  assert.match(html, /@media print\{[\s\S]*\.page\{break-before:page\}/, 'sections start on a new page')
  assert.doesNotMatch(html, /<script|\bsrc=|\bhref=|url\(|@import|@font-face/i)
  assert.doesNotMatch(html, /background(-color)?:\s*#(?!fff)/i, 'no dark backgrounds')
  assert.ok(html.includes('<title>Atelier chantiers — Aisne</title>'))
  assert.ok(html.includes('<dt>Démarche</dt><dd>Feuille de route — Aisne</dd>'))
  assert.ok(html.includes('12 mars 2026 à 14:05'))
  // Chantiers in rank order, ties marked, with their enjeux, porteurs, échéance and notes.
  const order = ['Former 40 aidants', 'Fibre partout', 'Tiers-lieux', 'Idée sans vote'].map((n) =>
    html.indexOf(`<span class="name">${n}</span>`),
  )
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  )
  assert.ok(order.every((i) => i > 0))
  assert.ok(html.includes('<span class="rank">2e ex æquo</span>'))
  assert.ok(html.includes('<dt>Porteurs</dt><dd>Conseil départemental</dd>'))
  assert.ok(html.includes('<dt>Échéance</dt><dd>2026-06</dd>'))
  assert.ok(html.includes('<li>Pas de fibre</li><li>Débit trop faible</li>'))
  assert.ok(html.includes('<th scope="row">Conseil départemental</th><td class="num">2</td><td class="num">1</td>'))
})

test('escapeHtml leaves no character that can open a tag, an attribute or an entity', () => {
  assert.equal(
    escapeHtml(`<a href="x" title='y'>&amp;</a>`),
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
  )
})

test('hostile texts everywhere make no element and no attribute; each is in the page, escaped', () => {
  const texts = [...XSS_CORPUS, ...CSV_CORPUS]
  const html = exportHtml(view(hostileSnapshot(texts)))
  const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)/gi)].map((m) => (m[1] as string).toLowerCase()))
  const layout = ['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'p', 'h1', 'h2', 'h3', 'dl', 'dt', 'dd']
  const more = ['main', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'ol', 'li', 'span', 'article']
  assert.deepEqual([...tags].sort(), [...layout, ...more, 'code'].sort())
  const attributes = new Set(
    [...html.matchAll(/<[a-z][^>]*>/gi)].flatMap((m) =>
      [...m[0].replace(/"[^"]*"/g, '""').matchAll(/\s([a-z-]+)=/gi)].map((a) => a[1]),
    ),
  )
  assert.deepEqual([...attributes].sort(), [
    'aria-labelledby',
    'charset',
    'class',
    'content',
    'http-equiv',
    'id',
    'lang',
    'name',
    'scope',
  ])
  for (const t of texts) assert.ok(html.includes(escapeHtml(t)), `escaped: ${JSON.stringify(t)}`)
})
