/**
 * Where the frames of applied cluster suggestions go, and where their notes
 * sit in them: pure geometry, in page units.
 *
 * Each group becomes a frame holding its notes in a grid of equal cells
 * (about as many columns as rows), with a margin inside the frame. The frames
 * themselves are laid out in rows to the right of everything already on the
 * page (`occupied`), so they never cover an existing shape, whatever its size;
 * the notes' old places simply become free.
 */

export interface Size {
  w: number
  h: number
}

export interface Rect extends Size {
  x: number
  y: number
}

export interface GroupLayout {
  /** The frame, in page coordinates. */
  frame: Rect
  /** Each note's top-left corner relative to the frame (a child's coordinates), in input order. */
  notes: { x: number; y: number }[]
}

/** Between two notes of a frame. */
export const NOTE_GAP = 24
/** Between a frame's edge and its notes. */
export const FRAME_PADDING = 32
/** Between two frames; also leaves room for tldraw's frame title, drawn above the frame. */
export const FRAME_GAP = 96
/** Between what is on the page and the first frame. */
export const CLEARANCE = 160

/** Frames of groups of notes of these sizes, placed beside `occupied` (the page's content, or null if it is empty). */
export function layoutClusters(groups: readonly (readonly Size[])[], occupied: Rect | null): GroupLayout[] {
  const grids = groups.map(gridOf)
  const perRow = Math.max(1, Math.ceil(Math.sqrt(groups.length)))
  const left = occupied ? occupied.x + occupied.w + CLEARANCE : 0
  let x = left
  let y = occupied ? occupied.y : 0
  let rowHeight = 0
  return grids.map((grid, k) => {
    if (k > 0 && k % perRow === 0) {
      x = left
      y += rowHeight + FRAME_GAP
      rowHeight = 0
    }
    const frame = { x, y, w: grid.w, h: grid.h }
    x += grid.w + FRAME_GAP
    rowHeight = Math.max(rowHeight, grid.h)
    return { frame, notes: grid.notes }
  })
}

function gridOf(notes: readonly Size[]): Size & { notes: { x: number; y: number }[] } {
  const columns = Math.max(1, Math.ceil(Math.sqrt(notes.length)))
  const rows = Math.max(1, Math.ceil(notes.length / columns))
  // Equal cells keep the grid neat when one note grew taller than the others.
  const cellW = Math.max(0, ...notes.map((n) => n.w))
  const cellH = Math.max(0, ...notes.map((n) => n.h))
  return {
    w: 2 * FRAME_PADDING + columns * cellW + (columns - 1) * NOTE_GAP,
    h: 2 * FRAME_PADDING + rows * cellH + (rows - 1) * NOTE_GAP,
    notes: notes.map((_, i) => ({
      x: FRAME_PADDING + (i % columns) * (cellW + NOTE_GAP),
      y: FRAME_PADDING + Math.floor(i / columns) * (cellH + NOTE_GAP),
    })),
  }
}
