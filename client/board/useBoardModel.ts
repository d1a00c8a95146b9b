/**
 * The board model for a component of the board page: derived from the
 * editor's store (boardModelSource: once per change of the shapes, shared by
 * every reader) with the vote results the control document publishes, when
 * they may be seen. Re-renders the component whenever the model changes.
 *
 * Each caller also hands the published vote to the store's source; the
 * Synthèse toggle, always in the workshop bar, is one, so the model read
 * elsewhere (the test hook) carries the votes too.
 */
import { useLayoutEffect } from 'react'
import { type Editor, useValue } from 'tldraw'
import type { BoardModel } from '../../shared/model/boardModel'
import { boardModelSource } from './boardModelSource'
import { modelVote } from './modelVote'
import { useWorkshop } from './workshopContext'

export function useBoardModel(editor: Editor): BoardModel {
  const { control } = useWorkshop()
  const source = boardModelSource(editor.store)
  const state = control.state
  // The source compares votes by content: a control change elsewhere (timer, phase) derives nothing.
  useLayoutEffect(() => {
    source.setVote(modelVote(state))
  }, [source, state])
  return useValue(source.model)
}
