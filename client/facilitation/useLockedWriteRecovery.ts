/**
 * What the person sees when a write raced the board lock: the server refused
 * it (4423) and useBoardConnection starts again from the server's state with
 * a fresh store, hence a fresh editor. This keeps their viewport across that
 * swap and tells when it happened (for a notice saying the edit was not kept).
 */
import { useEffect, useRef, useState } from 'react'
import type { Editor, TLCamera } from 'tldraw'
import { CloseCodes } from '../../shared/protocol'
import type { BoardConnection } from '../sync/boardConnection'

export function useLockedWriteRecovery(connection: BoardConnection | null, editor: Editor | null): number | null {
  const [refusedAt, setRefusedAt] = useState<number | null>(null)
  const camera = useRef<TLCamera | null>(null)
  const editorNow = useRef(editor)
  editorNow.current = editor

  useEffect(() => {
    if (!connection) return
    const onClose = (event: CloseEvent | null) => {
      if (event?.code !== CloseCodes.boardLocked.code) return
      camera.current = editorNow.current?.getCamera() ?? null
      setRefusedAt(Date.now())
    }
    connection.provider.on('connection-close', onClose)
    return () => connection.provider.off('connection-close', onClose)
  }, [connection])

  // The next editor is the fresh one: put the viewport back where it was.
  useEffect(() => {
    if (!editor || !camera.current) return
    editor.setCamera(camera.current)
    camera.current = null
  }, [editor])

  return refusedAt
}
