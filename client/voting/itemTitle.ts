/**
 * What a votable item is called wherever it is named outside the canvas (the
 * results list, button names): a note's text, an enjeu frame's name, a
 * chantier's titre. Empty when the item has none (the caller words the
 * fallback for its kind).
 */
import { CHANTIER_SHAPE_TYPE } from '../../shared/chantierShape'
import { richTextToPlain } from '../../shared/model/richText'

export type ItemKind = 'note' | 'enjeu' | 'chantier' | 'other' | 'missing'

export interface ItemTitle {
  kind: ItemKind
  text: string
}

/** Longest title kept (button names, list rows): a sticky note can hold a paragraph. */
export const TITLE_MAX = 80

export function itemTitle(shape: { type: string; props: object } | undefined): ItemTitle {
  if (!shape) return { kind: 'missing', text: '' }
  const props = shape.props as { richText?: unknown; name?: unknown; titre?: unknown }
  switch (shape.type) {
    case 'note':
      return { kind: 'note', text: shorten(richTextToPlain(props.richText).replace(/\s+/g, ' ')) }
    case 'frame':
      return { kind: 'enjeu', text: shorten(typeof props.name === 'string' ? props.name : '') }
    case CHANTIER_SHAPE_TYPE:
      return { kind: 'chantier', text: shorten(typeof props.titre === 'string' ? props.titre : '') }
    default:
      return { kind: 'other', text: '' }
  }
}

function shorten(text: string): string {
  const trimmed = text.trim()
  return trimmed.length > TITLE_MAX ? `${trimmed.slice(0, TITLE_MAX - 1).trimEnd()}…` : trimmed
}
