/**
 * `?focus=<shapeId>` (« Voir sur le tableau » on the roadmap page): once the
 * board shows that shape, the camera zooms to it and it is selected. Once
 * only: moving around afterwards is the user's. The camera moving also ends
 * the template's framing (templateView.ts), which would otherwise take over.
 */
import { useEffect } from 'react'
import { type Editor, react, type TLShapeId } from 'tldraw'

function focusedShapeId(search = window.location.search): TLShapeId | null {
  const id = new URLSearchParams(search).get('focus')
  return id?.startsWith('shape:') ? (id as TLShapeId) : null
}

export function useFocusFromUrl(editor: Editor | null): void {
  useEffect(() => {
    const id = focusedShapeId()
    if (!editor || !id) return
    let done = false
    const focus = () => {
      const bounds = editor.getShapePageBounds(id)
      if (done || !bounds) return
      done = true
      stop()
      editor.setSelectedShapes([id])
      editor.zoomToBounds(bounds, { targetZoom: 1, inset: 96 })
    }
    // The shape may arrive after the editor (a slow sync): watch for it, and
    // act outside the reaction (moving the camera inside one breaks tldraw's scheduler).
    const stop = react('wait for the focused shape', () => {
      if (editor.getShapePageBounds(id)) queueMicrotask(focus)
    })
    return () => {
      done = true
      stop()
    }
  }, [editor])
}
