/**
 * The records the list view writes for what people do there — add a note
 * (optionally straight into an enjeu), change its text, move it, draft or
 * edit a chantier — built with the shared builders (shared/model/
 * shapeRecords.ts), so each is a tldraw 3.15 record exactly like one the
 * canvas makes, placed where canvas users will look for it (placement.ts).
 * The writer validates every record before it is written (listWriter.ts).
 *
 * Pure module (no Yjs, no DOM): unit-tested in listEdits.test.ts.
 */
import { createShapeId, type TLRecord } from '@tldraw/tlschema'
import { CHANTIER_SHAPE_TYPE, type ChantierProps, defaultChantierProps } from '../../shared/chantierShape'
import { looseNotes } from '../../shared/model/boardItems'
import type { BoardShape } from '../../shared/model/boardShape'
import { withAuthor } from '../../shared/model/noteAuthor'
import { noteRecord, richText, shapeRecord } from '../../shared/model/shapeRecords'
import { indexAbove, placeChantier, placeInFrame, placeInParking, placeLooseNote, type Spot } from './placement'

/** Where a note goes: into an enjeu (a frame), back among the notes to cluster, or into the parking. */
export type NoteDestination = { kind: 'enjeu'; enjeuId: string } | { kind: 'loose' } | { kind: 'parking' }

/** What an edit reads of the board: the page new shapes go on, and every shape (as the list shows them). */
export interface BoardShapes {
  pageId: string
  shapes: readonly BoardShape[]
}

/** A chantier's fields as the list's form edits them (the ANCT's fields are left as they are). */
export type ChantierFields = Pick<
  ChantierProps,
  'titre' | 'description' | 'porteur' | 'partenaires' | 'echeance' | 'enjeuIds'
>

interface Placed {
  spot: Spot & { index: string }
  /** The enjeu's frame, grown to hold the note, when it was full. */
  grownFrame: TLRecord | null
}

function place(board: BoardShapes, destination: NoteDestination, movingId: string | null, scale: number): Placed {
  const others = board.shapes.filter((s) => s.id !== movingId)
  const childrenOf = (parentId: string) => others.filter((s) => s.parentId === parentId)
  const onPage = childrenOf(board.pageId)
  const frame = destination.kind === 'enjeu' ? others.find((s) => s.id === destination.enjeuId) : undefined
  if (frame?.type === 'frame') {
    const children = childrenOf(frame.id)
    const placed = placeInFrame(frame, children, scale)
    const { w, h } = frame.props as { w: number; h: number }
    const grown = placed.frame.w !== w || placed.frame.h !== h
    return {
      spot: { parentId: placed.parentId, x: placed.x, y: placed.y, index: indexAbove(children) },
      grownFrame: grown ? ({ ...frame, props: { ...frame.props, ...placed.frame } } as unknown as TLRecord) : null,
    }
  }
  const spot =
    (destination.kind === 'parking' ? placeInParking(board.pageId, onPage, scale) : null) ??
    placeLooseNote(
      board.pageId,
      onPage,
      looseNotes(others).filter((n) => n.parentId === board.pageId),
      scale,
    )
  return { spot: { ...spot, index: indexAbove(onPage) }, grownFrame: null }
}

/** A new note by `author` (their participant id: the stamp the server checks), with the frame it grew. */
export function newNote(board: BoardShapes, text: string, author: string, destination: NoteDestination): TLRecord[] {
  const { spot, grownFrame } = place(board, destination, null, 1)
  const note = withAuthor(noteRecord({ id: createShapeId(), text: text.trim(), ...spot }), author)
  return grownFrame ? [note, grownFrame] : [note]
}

/** The note at `destination`, in a free place there (its text, author and style unchanged). */
export function movedNote(board: BoardShapes, note: BoardShape, destination: NoteDestination): TLRecord[] {
  const scale = typeof note.props.scale === 'number' ? note.props.scale : 1
  const { spot, grownFrame } = place(board, destination, note.id, scale)
  const moved = { ...note, ...spot } as unknown as TLRecord
  return grownFrame ? [moved, grownFrame] : [moved]
}

/** The note with a new text. */
export function noteWithText(note: BoardShape, text: string): TLRecord {
  return { ...note, props: { ...note.props, richText: richText(text.trim()) } } as unknown as TLRecord
}

function cleanFields(fields: ChantierFields): ChantierFields {
  return {
    titre: fields.titre.trim(),
    description: fields.description.trim(),
    porteur: fields.porteur.trim(),
    partenaires: fields.partenaires,
    echeance: fields.echeance.trim(),
    enjeuIds: fields.enjeuIds,
  }
}

/** A new chantier card next to the others. */
export function newChantier(board: BoardShapes, fields: ChantierFields): TLRecord {
  const onPage = board.shapes.filter((s) => s.parentId === board.pageId)
  const spot = placeChantier(board.pageId, onPage)
  const props: ChantierProps = { ...defaultChantierProps(), ...cleanFields(fields) }
  return shapeRecord(
    { id: createShapeId(), ...spot, index: indexAbove(onPage) },
    CHANTIER_SHAPE_TYPE as never,
    props as never,
  ) as TLRecord
}

/** The card with the form's fields (its other props, the ANCT's included, unchanged). */
export function chantierWithFields(chantier: BoardShape, fields: ChantierFields): TLRecord {
  return { ...chantier, props: { ...chantier.props, ...cleanFields(fields) } } as unknown as TLRecord
}
