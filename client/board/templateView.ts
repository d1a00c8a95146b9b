/**
 * Opens a board on its template: the camera frames the template's zones
 * (shared/model/templateMeta.ts), so the whole canvas laid out for the workshop
 * fits the screen — projected or on a laptop — rather than tldraw's default view
 * of the page’s top left corner at 100 %. Never zooms in past 100 %.
 *
 * The canvas may still change size just after it opens (the facilitation bar
 * appears once the control document arrives, a window is resized): until the
 * camera moves for another reason (the user, « Tout le monde ici »), the
 * template is framed again for the new size.
 */
import { Box, type Editor, react, type TLCamera } from 'tldraw'
import { zoneOf } from '../../shared/model/templateMeta'

/** Starts framing the template; returns the function that stops following size changes. */
export function frameTemplate(editor: Editor): () => void {
  const bounds = editor
    .getCurrentPageShapes()
    .filter((shape) => zoneOf(shape) !== null)
    .map((shape) => editor.getShapePageBounds(shape))
    .filter((b): b is Box => b !== undefined)
  if (bounds.length === 0) return () => {}
  const template = Box.Common(bounds)

  let framed: TLCamera | null = null
  let size = ''
  let done = false
  let stop = () => {}
  stop = react('frame the template', () => {
    const screen = editor.getViewportScreenBounds()
    const camera = editor.getCamera()
    if (done) return
    if (framed && !sameView(camera, framed)) {
      done = true
      stop()
      return
    }
    const next = `${screen.w}×${screen.h}`
    if (next === size) return
    size = next
    framed = fit(editor, template)
  })
  return stop
}

/** tldraw's style panel floats over the canvas's right edge for those who can edit: keep the template clear of it. */
const STYLE_PANEL_PX = 160
const MARGIN_PX = 32

/** The camera that shows `box` whole and centred in the free part of the canvas, at 100 % at most. */
function fit(editor: Editor, box: Box): TLCamera {
  const screen = editor.getViewportScreenBounds()
  const width = screen.w - 2 * MARGIN_PX - (editor.getIsReadonly() ? 0 : STYLE_PANEL_PX)
  const height = screen.h - 2 * MARGIN_PX
  const z = Math.max(0.05, Math.min(1, width / box.w, height / box.h))
  editor.setCamera({
    x: -box.x + (MARGIN_PX + (width - box.w * z) / 2) / z,
    y: -box.y + (MARGIN_PX + (height - box.h * z) / 2) / z,
    z,
  })
  return editor.getCamera()
}

function sameView(a: TLCamera, b: TLCamera): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.z - b.z) < 0.001
}
