/**
 * Real tldraw 3.15 records for tests that write the board without a browser:
 * short positional wrappers over the shared builders (shared/model/shapeRecords.ts).
 */
import type { TLRecord } from '@tldraw/tlschema'
import { CHANTIER_SHAPE_TYPE, type ChantierProps, defaultChantierProps } from '../../shared/chantierShape'
import * as build from '../../shared/model/shapeRecords'

export const PAGE_ID = build.PAGE_ID

export function documentRecords(): TLRecord[] {
  return [build.documentRecord(), build.pageRecord()]
}

const shapeId = (id: string) => (id.startsWith('shape:') ? id : `shape:${id}`)

/** A shape record on the page: tldraw's common fields around `type` and `props`. */
export function shapeRecord(
  id: string,
  type: string,
  props: Record<string, unknown>,
  x = 0,
  y = 0,
  index = 'a1',
): TLRecord {
  return build.shapeRecord({ id: shapeId(id), x, y, index }, type as never, props as never)
}

export function noteRecord(id: string, text: string, x = 0, y = 0, index = 'a1'): TLRecord {
  return build.noteRecord({ id: shapeId(id), text, x, y, index })
}

/** A frame (a cluster: one enjeu) named `name`. */
export function frameRecord(id: string, name: string, x = 0, y = 0, index = 'a2'): TLRecord {
  return build.frameRecord({ id: shapeId(id), name, x, y, index })
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
