import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sampleSnapshot } from '../../../tests/support/sampleSnapshot'
import { asciiSlug, contentDisposition, renderExport } from './exportFormats'
import { snapshotView } from './exportView'

const snapshot = sampleSnapshot()
const view = snapshotView(snapshot, { demarche: null })

test('the JSON export is the stored text itself, byte for byte', () => {
  const stored = `${JSON.stringify(snapshot, null, 1)}\n`
  assert.equal(renderExport('json', stored, view).body, stored)
})

test('each format has its media type with a charset, and a file name of the title and the day', () => {
  const types = Object.fromEntries(
    (['json', 'csv', 'md', 'html'] as const).map((f) => [f, renderExport(f, '{}', view).contentType]),
  )
  assert.deepEqual(types, {
    json: 'application/json; charset=utf-8',
    csv: 'text/csv; charset=utf-8; header=present',
    md: 'text/markdown; charset=utf-8',
    html: 'text/html; charset=utf-8',
  })
  const file = renderExport('csv', '{}', view)
  assert.equal(file.fileName, 'atelier-chantiers-aisne-2026-03-12.csv')
  assert.equal(
    contentDisposition(file),
    `attachment; filename="atelier-chantiers-aisne-2026-03-12.csv"; filename*=UTF-8''Atelier%20chantiers%20%E2%80%94%20Aisne-2026-03-12.csv`,
  )
})

test('no user text reaches the header unencoded: quotes, line breaks, slashes, emoji', () => {
  const hostile = snapshotView(
    sampleSnapshot({ ...snapshot, workshop: { ...snapshot.workshop, title: 'a"; x=\r\nSet-Cookie: y/../(é)*🙂' } }),
    {
      demarche: null,
    },
  )
  const header = contentDisposition(renderExport('html', '{}', hostile))
  assert.match(header, /^attachment; filename="[a-z0-9-]+\.html"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/)
  assert.equal(decodeURIComponent(header.split("''")[1] as string), 'a ; x= Set-Cookie y .. (é) 🙂-2026-03-12.html')
  assert.equal(asciiSlug('Œuvre « commune » à Saint-Quentin'), 'oeuvre-commune-a-saint-quentin')
  assert.equal(asciiSlug('🙂 ?'), 'export')
})
