/**
 * Pure builders of valid tldraw 3.15 records — the document and its page, and
 * the shapes Atelier lays out itself: sticky notes, frames (enjeux), text and
 * labelled geo rectangles (template zones). The server builds template boards
 * with them, tests build boards without a browser; every builder's output
 * passes `checkBoardRecord` (shapeRecords.test.ts).
 *
 * Defaults are tldraw's own, so a built record reads exactly like one the
 * editor created.
 */
import {
  type TLDefaultColorStyle,
  type TLDefaultDashStyle,
  type TLDefaultFillStyle,
  type TLDefaultFontStyle,
  type TLDefaultSizeStyle,
  type TLDocument,
  type TLFrameShape,
  type TLGeoShape,
  type TLNoteShape,
  type TLPage,
  type TLRichText,
  type TLShape,
  type TLShapeId,
  type TLTextShape,
  toRichText,
} from '@tldraw/tlschema'

/** Fixed ids, the ones tldraw's default store uses (two clients opening an empty board write the same records). */
export const DOCUMENT_ID = 'document:document'
export const PAGE_ID = 'page:page'

/** tldraw's sticky note side, in page units at scale 1. */
export const NOTE_SIZE = 200

type IndexKey = TLShape['index']
type Meta = TLShape['meta']

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * The n-th (from 0) of a sequence of increasing fractional-index keys, as
 * tldraw orders siblings: `a1`…`az`, then `b00`…`bzz`, then `c000`… (integer keys of
 * the fractional-indexing scheme, whose head letter gives the digit count).
 */
export function indexKey(n: number): IndexKey {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`index ${n}`)
  // `a` keys start at `a1`, as tldraw's own: `a0` is its zero key, below every sibling.
  if (n < 61) return `a${BASE62[n + 1]}` as IndexKey
  let rest = n - 61
  for (const [head, digits] of [
    ['b', 2],
    ['c', 3],
  ] as const) {
    const size = 62 ** digits
    if (rest < size) {
      let key = ''
      for (let d = 0; d < digits; d++, rest = Math.floor(rest / 62)) key = BASE62[rest % 62] + key
      return `${head}${key}` as IndexKey
    }
    rest -= size
  }
  throw new RangeError(`index ${n}: too many siblings`)
}

/** Rich text for a note, a label or a text shape: one paragraph per line, optionally bold. */
export function richText(text: string, options: { bold?: boolean } = {}): TLRichText {
  const plain = toRichText(text)
  if (!options.bold) return plain
  return {
    ...plain,
    content: plain.content.map((p) => {
      const paragraph = p as { type: string; content?: { type: string; text: string }[] }
      return paragraph.content
        ? { ...paragraph, content: paragraph.content.map((t) => ({ ...t, marks: [{ type: 'bold' }] })) }
        : paragraph
    }),
  }
}

export function documentRecord(): TLDocument {
  return { id: DOCUMENT_ID as TLDocument['id'], typeName: 'document', gridSize: 10, name: '', meta: {} }
}

export function pageRecord(options: { id?: string; name?: string; index?: string } = {}): TLPage {
  return {
    id: (options.id ?? PAGE_ID) as TLPage['id'],
    typeName: 'page',
    name: options.name ?? 'Page 1',
    index: (options.index ?? 'a1') as IndexKey,
    meta: {},
  }
}

/** What every shape has besides its type and props. */
export interface ShapePlacement {
  /** `shape:…` */
  id: string
  x?: number
  y?: number
  /** Order among siblings (see indexKey). */
  index?: string
  /** The page, or a frame for a note inside an enjeu. */
  parentId?: string
  isLocked?: boolean
  meta?: Record<string, unknown>
}

export function shapeRecord<S extends TLShape>(placement: ShapePlacement, type: S['type'], props: S['props']): S {
  return {
    id: placement.id as TLShapeId,
    typeName: 'shape',
    type,
    x: placement.x ?? 0,
    y: placement.y ?? 0,
    rotation: 0,
    index: (placement.index ?? 'a1') as IndexKey,
    parentId: (placement.parentId ?? PAGE_ID) as S['parentId'],
    isLocked: placement.isLocked ?? false,
    opacity: 1,
    meta: (placement.meta ?? {}) as Meta,
    props,
  } as S
}

export interface NoteOptions extends ShapePlacement {
  /** Plain text, or the rich text itself (e.g. copied from another note). */
  text: string | TLRichText
  color?: TLDefaultColorStyle
  size?: TLDefaultSizeStyle
  font?: TLDefaultFontStyle
  /** Extra height tldraw added for long text (page units at scale 1). */
  growY?: number
  scale?: number
}

export function noteRecord(o: NoteOptions): TLNoteShape {
  return shapeRecord<TLNoteShape>(o, 'note', {
    color: o.color ?? 'yellow',
    labelColor: 'black',
    size: o.size ?? 'm',
    font: o.font ?? 'draw',
    fontSizeAdjustment: 0,
    align: 'middle',
    verticalAlign: 'middle',
    growY: o.growY ?? 0,
    url: '',
    scale: o.scale ?? 1,
    richText: typeof o.text === 'string' ? richText(o.text) : o.text,
  })
}

export interface FrameOptions extends ShapePlacement {
  name: string
  w?: number
  h?: number
}

/** A frame: on an Atelier board, one enjeu (a named cluster of notes). */
export function frameRecord(o: FrameOptions): TLFrameShape {
  return shapeRecord<TLFrameShape>(o, 'frame', { w: o.w ?? 400, h: o.h ?? 300, name: o.name, color: 'black' })
}

export interface TextOptions extends ShapePlacement {
  text: string
  bold?: boolean
  size?: TLDefaultSizeStyle
  font?: TLDefaultFontStyle
  color?: TLDefaultColorStyle
  /** Fixed width (the text wraps in it); without it the shape grows with its text. */
  w?: number
  scale?: number
}

export function textRecord(o: TextOptions): TLTextShape {
  return shapeRecord<TLTextShape>(o, 'text', {
    color: o.color ?? 'black',
    size: o.size ?? 'm',
    font: o.font ?? 'draw',
    textAlign: 'start',
    w: o.w ?? 8,
    richText: richText(o.text, { bold: o.bold }),
    scale: o.scale ?? 1,
    autoSize: o.w === undefined,
  })
}

export interface RectangleOptions extends ShapePlacement {
  w: number
  h: number
  label?: string
  color?: TLDefaultColorStyle
  fill?: TLDefaultFillStyle
  dash?: TLDefaultDashStyle
  size?: TLDefaultSizeStyle
  font?: TLDefaultFontStyle
}

/** A geo rectangle, with an optional label at its top left. */
export function rectangleRecord(o: RectangleOptions): TLGeoShape {
  return shapeRecord<TLGeoShape>(o, 'geo', {
    geo: 'rectangle',
    dash: o.dash ?? 'draw',
    url: '',
    w: o.w,
    h: o.h,
    growY: 0,
    scale: 1,
    labelColor: 'black',
    color: o.color ?? 'black',
    fill: o.fill ?? 'none',
    size: o.size ?? 'm',
    font: o.font ?? 'draw',
    align: 'start',
    verticalAlign: 'start',
    richText: richText(o.label ?? ''),
  })
}
