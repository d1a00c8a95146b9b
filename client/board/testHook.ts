/**
 * TEST HOOK — `window.__atelier = { editor, doc, provider }` while a board is
 * open, for end-to-end tests (Playwright reads the editor and the Y.Doc to
 * check convergence). Not an API: nothing in the app reads it.
 */
import type { Editor } from 'tldraw'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'

export interface AtelierTestHook {
  editor: Editor
  doc: Y.Doc
  provider: WebsocketProvider
}

declare global {
  interface Window {
    __atelier?: AtelierTestHook
  }
}

export function exposeTestHook(hook: AtelierTestHook): () => void {
  window.__atelier = hook
  return () => {
    if (window.__atelier === hook) delete window.__atelier
  }
}
