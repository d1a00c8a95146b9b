/**
 * The « Privée » marker: a dashed outline and a badge on every shape of the
 * current page that is still in a drafts document (private writing), so its
 * author — and the facilitator, who reads everyone's drafts — know that nobody
 * else sees it yet. Rendered as tldraw's `OnTheCanvas` component (page space:
 * it moves with the camera); outline and badge keep their screen size at any
 * zoom (`--tl-scale`), and let every pointer event through.
 */
import { useTranslation } from 'react-i18next'
import { type TLShapeId, useEditor, useValue } from 'tldraw'
import { privateRecordIds } from './recordView'
import './drafts.css'

interface Mark {
  id: string
  x: number
  y: number
  w: number
  h: number
}

export function PrivateNoteMarkers() {
  const editor = useEditor()
  const { t } = useTranslation()
  // A string, so the overlay re-renders only when a marker actually moves.
  const json = useValue('private note markers', () => {
    const marks: Mark[] = []
    for (const id of privateRecordIds(editor.store)) {
      const shape = editor.getShape(id as TLShapeId)
      if (!shape || editor.getAncestorPageId(shape) !== editor.getCurrentPageId()) continue
      const bounds = editor.getShapePageBounds(shape)
      if (bounds) marks.push({ id, x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h })
    }
    return JSON.stringify(marks)
  }, [editor])
  const marks = JSON.parse(json) as Mark[]
  return marks.map((m) => (
    <div
      key={m.id}
      className="private-mark"
      style={{ transform: `translate(${m.x}px, ${m.y}px)`, width: m.w, height: m.h }}
      data-testid="private-mark"
      data-shape-id={m.id}
    >
      <span className="private-mark__badge">{t('privateWriting.badge')}</span>
    </div>
  ))
}
