/**
 * The links between chantiers and the enjeux (frames) they answer, drawn on
 * the canvas: one dashed line per `enjeuIds` entry, from the edge of the card
 * to the edge of the frame, ending on a dot.
 *
 * Rendered as tldraw's `OnTheCanvas` component, i.e. inside the page-space
 * layer: coordinates are page coordinates, the camera moves the lines with
 * the shapes, and only geometry changes re-render them. Stroke widths are
 * divided by the zoom (`--tl-scale`) so the lines stay visible when zoomed
 * out. The links themselves live in the chantier's props (`enjeuIds`): a
 * link to a frame that no longer exists is simply not drawn.
 */
import { type TLShapeId, useEditor, useValue } from 'tldraw'
import { CHANTIER_SHAPE_TYPE, type ChantierShape } from '../../../shared/chantierShape'
import { linkSegment, type Segment } from './chantierEdits'

interface Link extends Segment {
  key: string
  chantierId: string
  enjeuId: string
  selected: boolean
}

export function ChantierLinks() {
  const editor = useEditor()
  // A string, so the overlay re-renders only when a line actually moves.
  const json = useValue('chantier links', () => {
    const selected = new Set<string>(editor.getSelectedShapeIds())
    const links: Link[] = []
    for (const shape of editor.getCurrentPageShapes()) {
      if (shape.type !== CHANTIER_SHAPE_TYPE) continue
      const chantier = shape as unknown as ChantierShape
      const from = editor.getShapePageBounds(chantier.id)
      if (!from) continue
      for (const enjeuId of chantier.props.enjeuIds) {
        const frame = editor.getShape(enjeuId as TLShapeId)
        if (frame?.type !== 'frame' || editor.getAncestorPageId(frame) !== editor.getCurrentPageId()) continue
        const to = editor.getShapePageBounds(frame.id)
        const segment = to && linkSegment(from, to)
        if (!segment) continue
        links.push({
          key: `${chantier.id}>${enjeuId}`,
          chantierId: chantier.id,
          enjeuId,
          selected: selected.has(chantier.id) || selected.has(enjeuId),
          ...segment,
        })
      }
    }
    return JSON.stringify(links)
  }, [editor])
  const links = JSON.parse(json) as Link[]
  if (links.length === 0) return null
  return (
    <svg className="canvas-layer" aria-hidden="true" data-testid="chantier-links">
      {links.map((l) => (
        <g
          key={l.key}
          className={`chantier-link${l.selected ? ' is-selected' : ''}`}
          data-testid={`chantier-link-${l.chantierId}-${l.enjeuId}`}
        >
          <line x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} />
          <circle cx={l.x2} cy={l.y2} />
          <circle cx={l.x1} cy={l.y1} />
        </g>
      ))}
    </svg>
  )
}
