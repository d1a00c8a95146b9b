/**
 * Turns dots into a ranking: competition ranking (ties share a rank: 1, 1, 3),
 * votes by collège, and participation — the same numbers for the control
 * document, the API and, later, the roadmap snapshot.
 */
import type { Participation, RankedItem, VoteResults } from '../../shared/control'
import type { VoteRow } from '../storage/store'

export function rank(targetIds: string[], votes: VoteRow[], anonymous: boolean): RankedItem[] {
  const items = new Map<string, RankedItem>(
    targetIds.map((id) => [id, { targetId: id, votes: 0, rank: 0, byCollege: {} }]),
  )
  for (const v of votes) {
    const item = items.get(v.targetId)
    if (!item) continue
    item.votes++
    if (!anonymous) {
      const college = v.college ?? 'autre'
      item.byCollege[college] = (item.byCollege[college] ?? 0) + 1
    }
  }
  // Stable: equal votes keep the board order of targetIds.
  const sorted = [...items.values()].sort((a, b) => b.votes - a.votes)
  sorted.forEach((item, i) => {
    const previous = sorted[i - 1]
    item.rank = previous && previous.votes === item.votes ? previous.rank : i + 1
  })
  return sorted
}

export function participation(
  pool: { id: string; college: string | null }[],
  votes: VoteRow[],
  voterOf: (participantId: string) => string,
): Participation {
  const voted = new Set(votes.map((v) => v.voter))
  const byCollege: Participation['byCollege'] = {}
  let voters = 0
  for (const p of pool) {
    const college = p.college ?? 'autre'
    const entry = byCollege[college] ?? { participants: 0, voters: 0 }
    byCollege[college] = entry
    entry.participants++
    if (voted.has(voterOf(p.id))) {
      entry.voters++
      voters++
    }
  }
  return { participants: pool.length, voters, byCollege }
}

export function results(
  sessionId: string,
  targetIds: string[],
  votes: VoteRow[],
  anonymous: boolean,
  part: Participation,
): VoteResults {
  return { sessionId, ranking: rank(targetIds, votes, anonymous), participation: part }
}
