/**
 * The preview on the canvas: each proposed group's notes outlined in the
 * group's colour, tagged with its number and label. Only on the screen of the
 * facilitator who asked; nothing is written to the board.
 *
 * Rendered in tldraw's `OnTheCanvas` layer (page coordinates, moved by the
 * camera); borders and tags are sized with `--tl-scale` so they keep the same
 * size on screen at any zoom. Decorative for assistive technologies: the
 * panel lists the same groups in text.
 */
import type { CSSProperties } from 'react'
import { useEditor, useValue } from 'tldraw'
import { movableNotes } from './applyClusters'
import { clusterPreviewOf } from './clusterPreview'

interface Outline {
  key: string
  number: number
  colour: string
  label: string
  x: number
  y: number
  w: number
  h: number
}

export function ClusterPreviewOverlay() {
  const editor = useEditor()
  // A string, so the overlay re-renders only when an outline actually changes.
  const json = useValue('cluster preview outlines', () => {
    const preview = clusterPreviewOf(editor).get()
    if (!preview) return '[]'
    const outlines: Outline[] = []
    for (const group of preview.groups) {
      for (const note of movableNotes(editor, group.noteIds)) {
        const b = editor.getShapePageBounds(note)
        if (!b) continue
        const label = group.label.trim() || group.suggestedLabel
        outlines.push({
          key: note.id,
          number: group.number,
          colour: group.colour,
          label,
          x: b.x,
          y: b.y,
          w: b.w,
          h: b.h,
        })
      }
    }
    return JSON.stringify(outlines)
  }, [editor])
  const outlines = JSON.parse(json) as Outline[]
  if (outlines.length === 0) return null
  return (
    <div className="canvas-layer" aria-hidden="true" data-testid="cluster-outlines">
      {outlines.map((o) => (
        <div
          key={o.key}
          className="cluster-outline"
          data-testid={`cluster-outline-${o.key}`}
          data-group={o.number}
          style={
            {
              '--group-colour': o.colour,
              transform: `translate(${o.x}px, ${o.y}px)`,
              width: o.w,
              height: o.h,
            } as CSSProperties
          }
        >
          <span className="cluster-outline__tag">
            <span className="cluster-outline__number">{o.number}</span>
            {o.label}
          </span>
        </div>
      ))}
    </div>
  )
}
