/**
 * Real tldraw 3.15 records for tests that write the board without a browser.
 */
import type { TLRecord } from '@tldraw/tlschema'

export const PAGE_ID = 'page:page'

export function documentRecords(): TLRecord[] {
  return [
    { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} },
    { id: PAGE_ID, typeName: 'page', name: 'Page 1', index: 'a1', meta: {} },
  ] as unknown as TLRecord[]
}

export function noteRecord(id: string, text: string, x = 0, y = 0, index = 'a1'): TLRecord {
  return {
    id: id.startsWith('shape:') ? id : `shape:${id}`,
    typeName: 'shape',
    type: 'note',
    x,
    y,
    rotation: 0,
    index,
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    },
  } as unknown as TLRecord
}
