/**
 * A vote on the chantiers as the server leaves it once closed — the session
 * and its results, what deriveBoardModel and the snapshot builder read — for
 * the unit tests: `vote-1`, 3 dots each, at most 2 on one item, results hidden
 * until the close.
 */
import type { VoteResults, VoteSessionState } from '../../shared/control'
import type { ModelVote } from '../../shared/model/boardModel'

export function closedVote(
  targetIds: string[],
  results: Omit<VoteResults, 'sessionId'>,
  session: Partial<VoteSessionState> = {},
): ModelVote {
  return {
    session: {
      id: 'vote-1',
      status: 'closed',
      targets: 'chantiers',
      targetIds,
      votesPerPerson: 3,
      maxPerItem: 2,
      hideResults: true,
      anonymous: false,
      openedAt: 1,
      closedAt: 2,
      ...session,
    },
    results: { sessionId: session.id ?? 'vote-1', ...results },
  }
}
