/**
 * The voter's side of a dot vote, for one workshop in this tab: my dots and
 * remaining budget (from the server's answers only), the last refusal to show,
 * and whether the results panel is shown.
 *
 * Votes and take-backs are sent one at a time, in click order, so every answer
 * applies to the state the previous one left (a double click cannot mix up the
 * remaining budget). After a refusal or a lost answer the store asks the
 * server again (`GET …/me`, retried while the server cannot be reached), as it
 * does when the session changes, when the browser comes back online and when
 * the tab becomes visible again: whatever happened meanwhile, it ends showing
 * the server's state.
 */
import type { VoteSessionState } from '../../shared/control'
import { ApiRequestError, type WorkshopApi, workshopApi } from '../api'
import { afterPlace, afterRetract, fromMine, noDots, type OwnDots } from './ownDots'

export interface VotingSnapshot {
  own: OwnDots
  /** The last refusal or failure of a vote action; `seq` tells two identical ones apart. */
  notice: { error: unknown; seq: number } | null
  /** The results panel as the person left it, for one session (null: that session's default). */
  panel: { sessionId: string; open: boolean } | null
}

export interface VotingStore {
  snapshot(): VotingSnapshot
  subscribe(listener: () => void): () => void
  /** Follows the published session; loads my dots when one opens or changes. Idempotent. */
  follow(session: VoteSessionState | null, canVote: boolean): void
  place(targetId: string): void
  retract(targetId: string): void
  dismissNotice(): void
  setPanel(sessionId: string, open: boolean): void
}

/** Attempts to reach the server again after a failed `GET …/me` (1 s, 2 s, 4 s… up to 15 s apart). */
const RELOAD_RETRIES = 8

export function createVotingStore(api: WorkshopApi): VotingStore {
  let state: VotingSnapshot = { own: noDots(), notice: null, panel: null }
  /** The open session I may vote in, or null. */
  let current: string | null = null
  let queue: Promise<void> = Promise.resolve()
  let seq = 0
  const listeners = new Set<() => void>()

  const set = (next: Partial<VotingSnapshot>) => {
    state = { ...state, ...next }
    for (const l of listeners) l()
  }

  /** Runs `op` after every action queued before it. */
  const enqueue = (op: () => Promise<void>) => {
    queue = queue.then(op, op)
  }

  let retry: ReturnType<typeof setTimeout> | undefined
  /** Asks the server for my dots; when it cannot be reached (a restart…), again a little later. */
  const reload = (attempt = 0) => {
    clearTimeout(retry)
    enqueue(async () => {
      const sid = current
      if (!sid) return
      try {
        const mine = await api.myVotes(sid)
        if (current === sid) set({ own: fromMine(sid, mine) })
      } catch (error) {
        const unreachable = error instanceof ApiRequestError && (error.status === 0 || error.status >= 500)
        if (unreachable && attempt < RELOAD_RETRIES && current === sid)
          retry = setTimeout(() => reload(attempt + 1), Math.min(1000 * 2 ** attempt, 15_000))
      }
    })
  }

  const act = (targetId: string, kind: 'place' | 'retract') =>
    enqueue(async () => {
      const sid = current
      if (!sid) return
      try {
        const { remaining } = kind === 'place' ? await api.vote(sid, targetId) : await api.retract(sid, targetId)
        if (current !== sid) return
        const own =
          kind === 'place' ? afterPlace(state.own, targetId, remaining) : afterRetract(state.own, targetId, remaining)
        set({ own, notice: null })
      } catch (error) {
        set({ notice: { error, seq: ++seq } })
        // Refused (budget, cap, closed) or answer lost: my dots may differ from what we show.
        if (!(error instanceof ApiRequestError) || error.status !== 403) reload()
      }
    })

  const onVisible = () => {
    if (document.visibilityState === 'visible') reload()
  }
  const onOnline = () => reload()

  return {
    snapshot: () => state,
    subscribe(listener) {
      if (listeners.size === 0) {
        window.addEventListener('online', onOnline)
        document.addEventListener('visibilitychange', onVisible)
      }
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size > 0) return
        window.removeEventListener('online', onOnline)
        document.removeEventListener('visibilitychange', onVisible)
      }
    },
    follow(session, canVote) {
      const next = canVote && session?.status === 'open' ? session.id : null
      if (next === current) return
      current = next
      set({ own: noDots(next), notice: null })
      reload()
    },
    place: (targetId) => act(targetId, 'place'),
    retract: (targetId) => act(targetId, 'retract'),
    dismissNotice: () => set({ notice: null }),
    setPanel: (sessionId, open) => set({ panel: { sessionId, open } }),
  }
}

/**
 * One store per workshop for the whole page: the canvas overlay (rendered by
 * tldraw) and the workshop bar are separate React trees under the board page,
 * and must show the same dots and budget.
 */
const stores = new Map<string, VotingStore>()

export function votingStoreFor(workshopId: string): VotingStore {
  let store = stores.get(workshopId)
  if (!store) {
    store = createVotingStore(workshopApi(workshopId))
    stores.set(workshopId, store)
  }
  return store
}
