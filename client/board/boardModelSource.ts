/**
 * The board model (shared/model/boardModel.ts) of a tldraw store, kept live:
 * one tldraw `computed` per store, so every reader (the Synthèse counts and
 * panel, the test hook) shares one derivation, and it runs again only when a
 * shape record changes or the visible vote does — never for the camera, the
 * selection, presence or any other record.
 *
 * It derives from what the server derives from: every shape of the board
 * document (all pages, as the snapshot reads them), not what the viewport
 * shows. Records that are only in a drafts document (private writing: the own
 * notes not revealed yet, and for a facilitator everyone's) are left out —
 * they are not on the shared board, and the snapshot does not have them.
 */
import { atom, type Computed, computed, type TLStore } from 'tldraw'
import { type BoardModel, deriveBoardModel, type ModelVote } from '../../shared/model/boardModel'
import { privateRecordIds } from './drafts/recordView'

export interface BoardModelSource {
  /** The model now; a tracked read (in tldraw's useValue or computed it follows changes). */
  model: Computed<BoardModel>
  /** The vote whose results may be seen, as the control document publishes it (modelVote). */
  setVote(vote: ModelVote | null): void
}

const sources = new WeakMap<TLStore, BoardModelSource>()

/** The store's model source (one per store: a rebuilt store after a refused write gets its own). */
export function boardModelSource(store: TLStore): BoardModelSource {
  let source = sources.get(store)
  if (!source) {
    source = createBoardModelSource(store)
    sources.set(store, source)
  }
  return source
}

function createBoardModelSource(store: TLStore): BoardModelSource {
  // The control document is read anew on every change (a new object each time):
  // compare by content, so a timer tick does not derive the board again.
  const vote = atom<ModelVote | null>('board model vote', null, { isEqual: sameJson })
  const shapes = store.query.records('shape')
  const model = computed('board model', () => {
    const hidden = privateRecordIds(store)
    const all = shapes.get()
    return deriveBoardModel(hidden.size === 0 ? all : all.filter((s) => !hidden.has(s.id)), vote.get())
  })
  return {
    model,
    setVote(next) {
      vote.set(next)
    },
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}
