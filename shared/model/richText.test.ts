import assert from 'node:assert/strict'
import { test } from 'node:test'
import { richTextToPlain } from './richText'

test('paragraphs become lines; marks and empty paragraphs disappear', () => {
  const doc = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Fibre ' },
          { type: 'text', text: 'absente', marks: [{ type: 'bold' }] },
        ],
      },
      { type: 'paragraph' },
      { type: 'paragraph', content: [{ type: 'text', text: 'en zone rurale' }] },
    ],
  }
  assert.equal(richTextToPlain(doc), 'Fibre absente\nen zone rurale')
})

test('lists and odd values are read without throwing', () => {
  const list = {
    type: 'doc',
    content: [
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'un' }] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'deux' }] }] },
        ],
      },
    ],
  }
  assert.equal(richTextToPlain(list), 'un\ndeux')
  assert.equal(richTextToPlain(null), '')
  assert.equal(richTextToPlain('texte'), '')
  assert.equal(richTextToPlain({ type: 'doc', content: 'oops' }), '')
})
