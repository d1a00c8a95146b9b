import assert from 'node:assert/strict'
import { test } from 'node:test'
import { itemTitle, TITLE_MAX } from './itemTitle'

const richText = (...lines: string[]) => ({
  type: 'doc',
  content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
})

test('notes, enjeux and chantiers are named by their text, name and titre', () => {
  assert.deepEqual(itemTitle({ type: 'note', props: { richText: richText('Fibre', 'partout') } }), {
    kind: 'note',
    text: 'Fibre partout',
  })
  assert.deepEqual(itemTitle({ type: 'frame', props: { name: ' Inclusion ' } }), { kind: 'enjeu', text: 'Inclusion' })
  assert.deepEqual(itemTitle({ type: 'chantier', props: { titre: 'Former les aidants' } }), {
    kind: 'chantier',
    text: 'Former les aidants',
  })
})

test('missing or empty items have no text; long ones are shortened', () => {
  assert.deepEqual(itemTitle(undefined), { kind: 'missing', text: '' })
  assert.deepEqual(itemTitle({ type: 'frame', props: { name: '' } }), { kind: 'enjeu', text: '' })
  const long = itemTitle({ type: 'note', props: { richText: richText('mot '.repeat(60)) } })
  assert.ok(long.text.length <= TITLE_MAX)
  assert.ok(long.text.endsWith('…'))
})
