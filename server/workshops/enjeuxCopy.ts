/**
 * The enjeux a chantiers workshop starts from: the frames of an earlier
 * workshop's board (named clusters) with the notes inside them (a note belongs
 * to a frame when the frame is its parent), copied with new ids and laid out
 * in rows, each frame's notes in a small grid. Names and note texts stay as
 * they were; each copy says where it came from (`meta.atelier.from`).
 */
import type { TLNoteShape, TLRecord } from '@tldraw/tlschema'
import { type BoardShape, isShape } from '../../shared/model/boardItems'
import { frameRecord, indexKey, NOTE_SIZE, shapeRecord } from '../../shared/model/shapeRecords'
import type { CopiedFrom } from '../../shared/model/templateMeta'

export interface SourceEnjeu {
  frame: BoardShape
  notes: BoardShape[]
}

const byReadingOrder = (a: BoardShape, b: BoardShape) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1)

/** A board's enjeux, top to bottom then left to right, each with its notes in reading order. */
export function readEnjeux(records: Iterable<unknown>): SourceEnjeu[] {
  const shapes = [...records].filter(isShape)
  const frames = shapes.filter((s) => s.type === 'frame').sort(byReadingOrder)
  const notesOf = new Map(frames.map((f) => [f.id, [] as BoardShape[]]))
  for (const s of shapes) {
    if (s.type === 'note') notesOf.get(s.parentId)?.push(s)
  }
  return frames.map((frame) => ({ frame, notes: (notesOf.get(frame.id) ?? []).sort(byReadingOrder) }))
}

export interface CopyOptions {
  /** Top left of the area the frames go in, and its width (a frame wider than it gets a row of its own). */
  x: number
  y: number
  width: number
  /** The workshop the enjeux come from. */
  workshopId: string
  newShapeId(): string
}

export interface CopiedEnjeux {
  records: TLRecord[]
  /** Size of the laid-out frames (0 × 0 when there are none). */
  width: number
  height: number
}

const PAD = 24
const NOTE_GAP = 16
const COLUMN_GAP = 48
/** Room for the frame's name, which tldraw draws above the frame. */
const ROW_GAP = 80
const EMPTY_FRAME = { w: 360, h: 200 }

export function copyEnjeux(enjeux: SourceEnjeu[], o: CopyOptions): CopiedEnjeux {
  const records: TLRecord[] = []
  let cursorX = 0
  let rowY = 0
  let rowHeight = 0
  let width = 0
  for (const { frame, notes } of enjeux) {
    const frameId = o.newShapeId()
    const grid = noteGrid(notes)
    if (cursorX > 0 && cursorX + grid.w > o.width) {
      rowY += rowHeight + ROW_GAP
      cursorX = 0
      rowHeight = 0
    }
    const name = frame.props.name
    records.push(
      frameRecord({
        id: frameId,
        x: o.x + cursorX,
        y: o.y + rowY,
        name: typeof name === 'string' ? name : '',
        w: grid.w,
        h: grid.h,
        meta: { atelier: { from: from(o.workshopId, frame) } },
      }),
    )
    notes.forEach((note, j) => {
      const at = grid.cells[j] as { x: number; y: number }
      records.push(
        shapeRecord<TLNoteShape>(
          {
            id: o.newShapeId(),
            parentId: frameId,
            x: at.x,
            y: at.y,
            index: indexKey(j),
            meta: { atelier: { from: from(o.workshopId, note) } },
          },
          'note',
          // As it was (text, colour, size): the source board's server checked it against this same schema.
          note.props as unknown as TLNoteShape['props'],
        ),
      )
    })
    width = Math.max(width, cursorX + grid.w)
    rowHeight = Math.max(rowHeight, grid.h)
    cursorX += grid.w + COLUMN_GAP
  }
  return { records, width, height: enjeux.length === 0 ? 0 : rowY + rowHeight }
}

function from(workshopId: string, shape: BoardShape): CopiedFrom {
  return { workshopId, shapeId: shape.id }
}

/** tldraw's note size: a square that grows down with long text, times its scale. */
function noteSize(note: BoardShape): { w: number; h: number } {
  const { scale, growY } = note.props as Partial<TLNoteShape['props']>
  const s = typeof scale === 'number' && scale > 0 ? scale : 1
  return { w: NOTE_SIZE * s, h: (NOTE_SIZE + (typeof growY === 'number' ? growY : 0)) * s }
}

/** The notes of one frame in up to three columns, rows as tall as their tallest note; positions are frame-relative. */
function noteGrid(notes: BoardShape[]): { w: number; h: number; cells: { x: number; y: number }[] } {
  if (notes.length === 0) return { ...EMPTY_FRAME, cells: [] }
  const columns = notes.length === 1 ? 1 : notes.length <= 4 ? 2 : 3
  const sizes = notes.map(noteSize)
  const cellWidth = Math.max(...sizes.map((s) => s.w))
  const cells: { x: number; y: number }[] = []
  let y = PAD
  for (let row = 0; row * columns < notes.length; row++) {
    const inRow = sizes.slice(row * columns, (row + 1) * columns)
    inRow.forEach((_, c) => {
      cells.push({ x: PAD + c * (cellWidth + NOTE_GAP), y })
    })
    y += Math.max(...inRow.map((s) => s.h)) + NOTE_GAP
  }
  return { w: 2 * PAD + columns * cellWidth + (columns - 1) * NOTE_GAP, h: y - NOTE_GAP + PAD, cells }
}
