/**
 * French typography in every string the French interface shows: a non-breaking
 * space before « : », « ; », « ? », « ! » and « », and after « — so that a line
 * never starts with a colon or a closing guillemet on a phone's narrow screen.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fr } from './fr'

function* strings(node: unknown, path: string): Generator<[string, string]> {
  if (typeof node === 'string') yield [path, node]
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) yield* strings(value, path ? `${path}.${key}` : key)
}

test('French strings put a non-breaking space before : ; ? ! » and after «', () => {
  const breakable = [...strings(fr, '')].filter(([, text]) => / [:;?!»]|« /.test(text))
  assert.deepEqual(
    breakable.map(([path]) => path),
    [],
    breakable.map(([path, text]) => `${path}: ${JSON.stringify(text)}`).join('\n'),
  )
  // Not vacuous: the dictionary does use them.
  assert.ok([...strings(fr, '')].filter(([, text]) => /\u00a0[:;?!»]/.test(text)).length > 50)
})
