import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { test } from 'node:test'
import { CSV_CORPUS, XSS_CORPUS } from '../../../tests/support/hostileTexts'
import { hostileSnapshot, sampleSnapshot } from '../../../tests/support/sampleSnapshot'
import { snapshotView } from './exportView'
import { exportMarkdown } from './markdownExport'

/**
 * An independent CommonMark renderer to read the export as a Markdown viewer
 * would: markdown-it, the copy tldraw's editor already brings (not a
 * dependency of ours), with raw HTML and bare-URL autolinks on, so any text
 * left unescaped shows up as markup or a link.
 */
const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new (
  options: object,
) => {
  render(markdown: string): string
}
const renderer = new MarkdownIt({ html: true, linkify: true })

const view = (snapshot = sampleSnapshot()) => snapshotView(snapshot, { demarche: 'Feuille de route — Aisne' })

test('title, démarche, date, participation, chantiers in rank order, then enjeux with their chantiers and notes', () => {
  // Intl writes French amounts with no-break spaces.
  const md = exportMarkdown(view()).replace(/[\u00a0\u202f]/g, ' ')
  const lines = md.split('\n')
  assert.equal(lines[0], '# Atelier chantiers — Aisne')
  assert.ok(md.includes('Démarche : Feuille de route — Aisne'))
  assert.ok(md.includes('Date : 12 mars 2026 à 14:05'), 'in Paris time')
  assert.ok(md.includes('3 votants sur 4 inscrits.  \nVote : 5 points par personne, au plus 2 points par élément.'))
  assert.ok(md.includes('| Conseil départemental | 2 | 1 |'))
  const headings = lines.filter((l) => l.startsWith('### '))
  assert.deepEqual(headings, [
    '### 1er — Former 40 aidants',
    '### 2e ex æquo — Fibre partout',
    '### 2e ex æquo — Tiers-lieux',
    '### Idée sans vote',
    '### Couverture réseau',
    '### Inclusion numérique',
  ])
  assert.ok(md.includes('- **Budget global :** 12 000,5 €'))
  assert.ok(md.includes('- **Fin :** 30 juin 2026'))
  assert.ok(md.includes('- **Par collège :** État / Préfecture 2, Associations 3'))
  const inclusion = md.slice(md.indexOf('### Inclusion numérique'))
  assert.ok(inclusion.indexOf('Former 40 aidants') < inclusion.indexOf('Tiers-lieux'), 'its chantiers, ranked')
  assert.ok(inclusion.includes('- Former les aidants'), 'its notes')
})

test('no hostile text becomes markup or a link; each reads back literally', () => {
  const texts = [...XSS_CORPUS, ...CSV_CORPUS, 'Voir http://evil.example/x, www.aisne.fr ou contact@aisne.fr']
  const md = exportMarkdown(view(hostileSnapshot(texts)))
  const html = renderer.render(md)
  // The only elements in the rendering are those of the export's own layout.
  const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)/gi)].map((m) => (m[1] as string).toLowerCase()))
  assert.deepEqual([...tags].sort(), [
    'br',
    'code',
    'h1',
    'h2',
    'h3',
    'hr',
    'li',
    'p',
    'strong',
    'table',
    'tbody',
    'td',
    'th',
    'thead',
    'tr',
    'ul',
  ])
  assert.doesNotMatch(html, /<a\b|<img|<script|<svg|<iframe|javascript:[^<]*<\/a>/i)
  // Each text is in the rendered text as written (line breaks as <br>).
  const plain = html
    .replace(/<br>\n/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
  for (const t of texts) {
    const expected = t
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n')
    assert.ok(plain.includes(expected), `literal: ${JSON.stringify(t)}`)
  }
})
