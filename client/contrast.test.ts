/**
 * Colour contrast at the source (issue 5 §3): the palette of client/styles.css
 * and the collèges' looks of the results chart reach WCAG AA. axe checks the
 * pages it is shown; these pairs are checked whether or not a test happens to
 * render them (a countdown running out, an error, a chart segment's digits).
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { test } from 'node:test'
import { COLLEGES } from '../shared/colleges'
import { contrastRatio } from '../tests/support/contrast'
import { collegeLook, PLAIN_LOOK } from './charts/resultsChart'

test('the contrast ratio is the WCAG one', () => {
  assert.equal(contrastRatio('#000000', '#ffffff'), 21)
  assert.equal(contrastRatio('#777777', '#777777'), 1)
  assert.equal(contrastRatio('#767676', '#ffffff').toFixed(2), '4.54')
})

/** The custom properties of the stylesheet's `:root`. */
function palette(): Record<string, string> {
  const css = fs.readFileSync(new URL('./styles.css', import.meta.url), 'utf8')
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? ''
  return Object.fromEntries([...root.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2]]))
}

test('text colours of the stylesheet reach 4.5:1 on the backgrounds they are written on', () => {
  const p = palette()
  const pairs: [string, string][] = [
    ['text', 'surface'],
    ['text', 'bg'],
    ['muted', 'surface'],
    ['muted', 'bg'],
    ['accent', 'surface'],
    ['accent', 'bg'],
    ['accent-text', 'accent'],
    ['error', 'error-bg'],
    ['error', 'surface'],
    ['warning', 'warning-bg'],
    ['ok', 'surface'],
  ]
  for (const [fg, bg] of pairs) {
    assert.ok(p[fg] && p[bg], `--${fg} and --${bg} are in :root`)
    const ratio = contrastRatio(p[fg], p[bg])
    assert.ok(ratio >= 4.5, `--${fg} on --${bg}: ${ratio.toFixed(2)}:1`)
  }
})

test('the edge of a field stands out of the surface at 3:1 (WCAG 1.4.11)', () => {
  const p = palette()
  for (const bg of ['surface', 'bg']) {
    const ratio = contrastRatio(p['control-border'] ?? '', p[bg] ?? '')
    assert.ok(ratio >= 3, `--control-border on --${bg}: ${ratio.toFixed(2)}:1`)
  }
})

test('each collège’s digits and pattern read at 4.5:1 on its colour in the results chart', () => {
  for (const look of [...COLLEGES.map((c) => collegeLook(c.id)), PLAIN_LOOK]) {
    const ratio = contrastRatio(look.ink, look.fill)
    assert.ok(ratio >= 4.5, `${look.ink} on ${look.fill}: ${ratio.toFixed(2)}:1`)
  }
})
