/**
 * The canvas's side of the author rule (shared/model/noteAuthor.ts): every
 * note this screen creates is stamped with our participant id — one drawn
 * with the note tool, and a pasted or duplicated copy, which would otherwise
 * carry the original's author (a stamp the server refuses). A note coming
 * back keeps the stamp it had (undo of its deletion, redo of its creation):
 * the server remembers its author, whoever brings it back.
 */
import type { TLStore } from 'tldraw'
import { withAuthor } from '../../shared/model/noteAuthor'

export function stampNewNotes(store: TLStore, participantId: string): () => void {
  /** Notes that left this store (by anyone): if one comes back, it is that same note. */
  const gone = new Set<string>()
  const stopWatching = store.sideEffects.registerAfterDeleteHandler('shape', (shape) => {
    if (shape.type === 'note') gone.add(shape.id)
  })
  const stopStamping = store.sideEffects.registerBeforeCreateHandler('shape', (shape, source) =>
    source === 'user' && shape.type === 'note' && !gone.has(shape.id) ? withAuthor(shape, participantId) : shape,
  )
  return () => {
    stopWatching()
    stopStamping()
  }
}
