/**
 * Real tldraw 3.15 records for tests that write the board without a browser.
 */
import type { TLRecord } from '@tldraw/tlschema'
import { CHANTIER_SHAPE_TYPE, type ChantierProps, defaultChantierProps } from '../../shared/chantierShape'

export const PAGE_ID = 'page:page'

export function documentRecords(): TLRecord[] {
  return [
    { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} },
    { id: PAGE_ID, typeName: 'page', name: 'Page 1', index: 'a1', meta: {} },
  ] as unknown as TLRecord[]
}

/** A shape record on the page: tldraw's common fields around `type` and `props`. */
export function shapeRecord(
  id: string,
  type: string,
  props: Record<string, unknown>,
  x = 0,
  y = 0,
  index = 'a1',
): TLRecord {
  return {
    id: id.startsWith('shape:') ? id : `shape:${id}`,
    typeName: 'shape',
    type,
    x,
    y,
    rotation: 0,
    index,
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: {},
    props,
  } as unknown as TLRecord
}

export function noteRecord(id: string, text: string, x = 0, y = 0, index = 'a1'): TLRecord {
  return shapeRecord(
    id,
    'note',
    {
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
    x,
    y,
    index,
  )
}

/** A frame (a cluster: one enjeu) named `name`. */
export function frameRecord(id: string, name: string, x = 0, y = 0, index = 'a2'): TLRecord {
  return shapeRecord(id, 'frame', { w: 400, h: 300, name, color: 'black' }, x, y, index)
}

/** A chantier card; `props` overrides the defaults (any value, to build invalid records too). */
export function chantierRecord(
  id: string,
  props: Partial<Record<keyof ChantierProps, unknown>> & Record<string, unknown> = {},
  x = 0,
  y = 0,
  index = 'a3',
): TLRecord {
  return shapeRecord(id, CHANTIER_SHAPE_TYPE, { ...defaultChantierProps(), ...props }, x, y, index)
}
