/**
 * TEST HOOK — `window.__atelier = { editor, doc, provider, model }` while a
 * board is open, for end-to-end tests (Playwright reads the editor and the
 * Y.Doc to check convergence, and the live board model to compare it with
 * the server's). Not an API: nothing in the app reads it.
 */
import type { Editor } from 'tldraw'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { BoardModel } from '../../shared/model/boardModel'
import { boardModelSource } from './boardModelSource'

export interface AtelierTestHook {
  editor: Editor
  doc: Y.Doc
  provider: WebsocketProvider
  /** The board model this screen derives now (the Synthèse's), votes included once they may be seen. */
  model(): BoardModel
}

declare global {
  interface Window {
    __atelier?: AtelierTestHook
  }
}

export function exposeTestHook(parts: Omit<AtelierTestHook, 'model'>): () => void {
  const hook: AtelierTestHook = { ...parts, model: () => boardModelSource(parts.editor.store).model.get() }
  window.__atelier = hook
  return () => {
    if (window.__atelier === hook) delete window.__atelier
  }
}
