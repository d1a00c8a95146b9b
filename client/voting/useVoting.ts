/**
 * The voting state for a component of the board page: the published session
 * and results (control document), my dots and budget, and the actions.
 */
import { useEffect, useSyncExternalStore } from 'react'
import type { Participation, VoteResults, VoteSessionState } from '../../shared/control'
import { canWriteBoard } from '../../shared/roles'
import { useWorkshop } from '../board/workshopContext'
import { noDots } from './ownDots'
import { type VotingSnapshot, type VotingStore, votingStoreFor } from './votingStore'

export interface Voting extends VotingSnapshot {
  session: VoteSessionState | null
  results: VoteResults | null
  /** Counts only (who voted, never what), published for everyone. */
  participation: Participation | null
  /** Whether the results panel is shown: as the person left it, else open once the vote is closed. */
  resultsShown: boolean
  /** Whether I may place dots now (a writing role, and a session open). */
  canVote: boolean
  store: VotingStore
}

export function useVoting(): Voting {
  const { session: me, control } = useWorkshop()
  const store = votingStoreFor(me.workshop.id)
  const snapshot = useSyncExternalStore(store.subscribe, store.snapshot)
  const session = control.state?.vote ?? null
  const mayVote = canWriteBoard(me.role)
  useEffect(() => store.follow(session, mayVote), [store, session, mayVote])
  const results = control.state?.results ?? null
  const { panel } = snapshot
  const resultsShown =
    results !== null && (panel?.sessionId === results.sessionId ? panel.open : session?.status === 'closed')
  return {
    ...snapshot,
    // Until the store follows a new session, the dots it holds are the previous one's.
    own: snapshot.own.sessionId === (session?.id ?? null) ? snapshot.own : noDots(session?.id ?? null),
    session,
    results,
    resultsShown,
    participation: control.state?.participation ?? null,
    canVote: mayVote && session?.status === 'open',
    store,
  }
}
