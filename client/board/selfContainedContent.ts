/**
 * Pasting content must not reach out to other sites, nor create records the
 * server refuses:
 *
 * - tldraw turns a pasted URL into a bookmark: it fetches the page (a request
 *   to a third-party origin, from every participant who later sees its
 *   preview image) and stores a bookmark asset whose `src` is that URL — which
 *   the server rejects (asset sources must be inline `data:`), closing the
 *   connection. We paste URLs as plain text instead.
 * - embeds (YouTube, Figma…) load third-party frames: disabled by passing no
 *   embed definitions to <Tldraw> and removing the "insert embed" action.
 */
import { defaultHandleExternalTextContent, type Editor, type TLUiOverrides } from 'tldraw'

export function registerSelfContainedContent(editor: Editor): void {
  editor.registerExternalContentHandler('url', ({ point, url }) =>
    defaultHandleExternalTextContent(editor, { point, text: url }),
  )
}

export const selfContainedUiOverrides: TLUiOverrides = {
  actions(_editor, actions) {
    const { 'insert-embed': _embed, ...rest } = actions
    return rest
  },
}

/** Images are inlined as data URLs in the record; keep them under the server's record limit (512 KB of JSON). */
export const MAX_IMAGE_BYTES = 300 * 1024
export const MAX_IMAGE_DIMENSION = 1600
