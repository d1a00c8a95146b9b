/**
 * « Appliquer »: each previewed group becomes a frame (an enjeu) named by its
 * label, holding its notes in a grid, placed beside everything on the page.
 *
 * The whole change is one entry in the facilitator's undo history: a stopping
 * point first, then every creation and move inside one `editor.run`, so one
 * Ctrl+Z puts the board back exactly as it was (frames gone, each note back
 * at its place) and one Ctrl+Shift+Z applies it again. It is an ordinary board
 * edit: it reaches the others through the Yjs binding like any other, and
 * the undo does too.
 *
 * The preview may be old: a note someone deleted, put in a frame, or locked
 * since then is skipped, and a group left without notes makes no frame.
 */
import { Box, createShapeId, type Editor, type TLFrameShape, type TLNoteShape, type TLShapeId } from 'tldraw'
import { layoutClusters } from './clusterLayout'

export interface GroupToApply {
  label: string
  noteIds: readonly TLShapeId[]
}

export interface AppliedClusters {
  frameIds: TLShapeId[]
  moved: number
  /** Notes of the preview that were no longer free to move. */
  skipped: number
  /** Where the new frames are, on the page. */
  bounds: Box | null
}

/** The notes among `ids` that can still be moved into a new frame: loose on the current page and unlocked. */
export function movableNotes(editor: Editor, ids: readonly TLShapeId[]): TLNoteShape[] {
  const pageId = editor.getCurrentPageId()
  return ids
    .map((id) => editor.getShape(id))
    .filter((s): s is TLNoteShape => s?.type === 'note' && s.parentId === pageId && !s.isLocked)
}

export function applyClusters(editor: Editor, groups: readonly GroupToApply[]): AppliedClusters {
  const requested = groups.reduce((n, g) => n + g.noteIds.length, 0)
  const live = groups
    .map((g) => ({ label: g.label, notes: movableNotes(editor, g.noteIds) }))
    .filter((g) => g.notes.length > 0)
  const moved = live.reduce((n, g) => n + g.notes.length, 0)
  if (live.length === 0) return { frameIds: [], moved: 0, skipped: requested, bounds: null }

  const layouts = layoutClusters(
    live.map((g) => g.notes.map((n) => editor.getShapeGeometry(n).bounds)),
    editor.getCurrentPageBounds() ?? null,
  )
  const frameIds = live.map(() => createShapeId())

  editor.markHistoryStoppingPoint('apply cluster suggestions')
  editor.run(() => {
    live.forEach((group, k) => {
      const { frame, notes } = layouts[k]!
      const frameId = frameIds[k]!
      editor.createShape<TLFrameShape>({
        id: frameId,
        type: 'frame',
        x: frame.x,
        y: frame.y,
        props: { w: frame.w, h: frame.h, name: group.label },
      })
      // Parented to the frame: the notes belong to that enjeu (shared/model/boardItems.ts).
      editor.reparentShapes(
        group.notes.map((n) => n.id),
        frameId,
      )
      editor.updateShapes(
        group.notes.map((n, i) => ({ id: n.id, type: 'note', x: notes[i]!.x, y: notes[i]!.y, rotation: 0 })),
      )
    })
  })

  const frames = frameIds.map((id) => editor.getShapePageBounds(id)).filter((b): b is Box => b !== undefined)
  return { frameIds, moved, skipped: requested - moved, bounds: frames.length > 0 ? Box.Common(frames) : null }
}
