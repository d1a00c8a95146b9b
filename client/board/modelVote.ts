/**
 * The vote a board model carries (shared/model/boardModel.ts): the control
 * state's session and its results, once they may be seen. No tldraw here:
 * the canvas (boardModelSource) and the list view both use it.
 */
import type { ControlState } from '../../shared/control'
import type { ModelVote } from '../../shared/model/boardModel'

export function modelVote(state: ControlState | null): ModelVote | null {
  const session = state?.vote
  const results = state?.results
  if (!session || !results || results.sessionId !== session.id) return null
  return { session, results }
}
