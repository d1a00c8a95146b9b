/**
 * The board each template starts with: titled zones with a short French
 * instruction, and a parking area, laid out side by side so that the whole
 * template fits a projected screen (and a laptop, zoomed out) at once.
 *
 * A zone is a locked geo rectangle (its area) with a locked title and a locked
 * instruction (text shapes), all marked in `meta.atelier` (shared/model/
 * templateMeta.ts). Zones are never frames: on this board a frame means an
 * enjeu. The text is the board's content, in French like the workshop itself.
 */
import type { TLDefaultColorStyle, TLDefaultDashStyle, TLRecord } from '@tldraw/tlschema'
import type { Template } from '../../shared/api'
import {
  documentRecord,
  indexKey,
  PAGE_ID,
  pageRecord,
  rectangleRecord,
  textRecord,
} from '../../shared/model/shapeRecords'
import type { ZoneKind } from '../../shared/model/templateMeta'
import { copyEnjeux, type SourceEnjeu } from './enjeuxCopy'

export interface TemplateOptions {
  /** The workshop's title, shown at the top of the board. */
  title: string
  /** Chantiers only: the earlier workshop whose enjeux are copied into « Enjeux retenus ». */
  startFrom?: { workshopId: string; title: string; enjeux: SourceEnjeu[] }
  newShapeId(): string
}

/** French typography: no-break space inside guillemets and before a colon or semicolon. */
const NBSP = '\u00a0'
const quote = (s: string) => `«${NBSP}${s}${NBSP}»`

const ZONE_TOP = 150
const ZONE_HEIGHT = 1150
const ZONE_GAP = 60
const INSET = 40
/** Where the zone's free space starts, below its title and instruction. */
const CONTENT_TOP = 340
/** Width the copied enjeux frames are laid out in, row after row. */
const ENJEUX_ROW_WIDTH = 1200

interface ZoneSpec {
  kind: ZoneKind
  title: string
  instruction: string
  w: number
  color: TLDefaultColorStyle
  dash?: TLDefaultDashStyle
}

const PARKING: Omit<ZoneSpec, 'w'> = {
  kind: 'parking',
  title: 'Parking',
  instruction: `Hors sujet, ou à reprendre plus tard${NBSP}: posez la note ici.`,
  color: 'grey',
  dash: 'dashed',
}

export function templateBoard(template: Template, o: TemplateOptions): TLRecord[] {
  return [documentRecord(), pageRecord(), ...inPageOrder(templateShapes(template, o))]
}

/** Page children stack in the order given: zones first, then what goes on them (the copied frames). */
function inPageOrder(shapes: TLRecord[]): TLRecord[] {
  let n = 0
  return shapes.map((r) => (r.typeName === 'shape' && r.parentId === PAGE_ID ? { ...r, index: indexKey(n++) } : r))
}

function templateShapes(template: Template, o: TemplateOptions): TLRecord[] {
  switch (template) {
    case 'vide':
      return []
    case 'enjeux':
      return layOut(o.title, [
        {
          kind: 'constats',
          title: '1. Écrire les constats',
          instruction: 'Une idée par note. Écrivez ce qui freine ou ce qui marche sur le territoire.',
          w: 900,
          color: 'light-blue',
        },
        {
          kind: 'regroupement',
          title: '2. Regrouper en enjeux',
          instruction: `Rassemblez les notes qui vont ensemble dans un cadre (outil Cadre, touche F). Un cadre = un enjeu${NBSP}: donnez-lui un nom court.`,
          w: 1000,
          color: 'light-green',
        },
        { ...PARKING, w: 440 },
      ])
    case 'chantiers':
      return chantiersBoard(o)
  }
}

function chantiersBoard(o: TemplateOptions): TLRecord[] {
  const source = o.startFrom
  // The frames are laid out first: the « Enjeux retenus » zone grows to hold them.
  const copies = copyEnjeux(source?.enjeux ?? [], {
    x: INSET,
    y: ZONE_TOP + CONTENT_TOP,
    width: ENJEUX_ROW_WIDTH,
    workshopId: source?.workshopId ?? '',
    newShapeId: o.newShapeId,
  })
  const zones: ZoneSpec[] = [
    {
      kind: 'enjeux-retenus',
      title: 'Enjeux retenus',
      instruction: source
        ? `Repris de l’atelier ${quote(source.title)}. Un cadre = un enjeu${NBSP}; reliez-y les chantiers qui y répondent.`
        : 'Un cadre par enjeu retenu (outil Cadre, touche F), avec son nom. Les chantiers s’y relient.',
      w: Math.max(900, copies.width + 2 * INSET),
      color: 'light-green',
    },
    {
      kind: 'chantiers',
      title: 'Chantiers',
      instruction: `Une carte par chantier (outil Chantier, touche C)${NBSP}: titre, porteur, partenaires, échéance, enjeux liés. Sélectionnez une carte pour la compléter.`,
      w: 1000,
      color: 'light-violet',
    },
    { ...PARKING, w: 440 },
  ]
  return [...layOut(o.title, zones, Math.max(ZONE_HEIGHT, CONTENT_TOP + copies.height + INSET)), ...copies.records]
}

/** The board's title, then the zones from left to right, all children of the page. */
function layOut(title: string, zones: ZoneSpec[], height = ZONE_HEIGHT): TLRecord[] {
  const records: TLRecord[] = []
  const mark = (zone: ZoneKind, part: 'area' | 'title' | 'instruction') => ({ atelier: { zone, part } })
  records.push(
    textRecord({
      id: 'shape:atelier-titre',
      text: title,
      bold: true,
      size: 'xl',
      font: 'sans',
      scale: 1.5,
      isLocked: true,
      meta: mark('titre', 'title'),
    }),
  )
  let x = 0
  for (const z of zones) {
    records.push(
      rectangleRecord({
        id: `shape:zone-${z.kind}`,
        x,
        y: ZONE_TOP,
        w: z.w,
        h: height,
        color: z.color,
        fill: 'solid',
        dash: z.dash ?? 'solid',
        size: 's',
        isLocked: true,
        meta: mark(z.kind, 'area'),
      }),
      textRecord({
        id: `shape:zone-${z.kind}-titre`,
        x: x + INSET,
        y: ZONE_TOP + 32,
        text: z.title,
        bold: true,
        size: 'xl',
        font: 'sans',
        isLocked: true,
        meta: mark(z.kind, 'title'),
      }),
      textRecord({
        id: `shape:zone-${z.kind}-consigne`,
        x: x + INSET,
        y: ZONE_TOP + 110,
        w: z.w - 2 * INSET,
        text: z.instruction,
        size: 'l',
        font: 'sans',
        isLocked: true,
        meta: mark(z.kind, 'instruction'),
      }),
    )
    x += z.w + ZONE_GAP
  }
  return records
}
