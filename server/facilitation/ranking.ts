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

/**
 * Who could vote and who did, by collège. Voters are counted from the dots
 * themselves (each carries its voter's collège), not by matching people to
 * voters: once an anonymous session closes its voter key is gone and nobody can
 * be matched any more, but the counts must stay what they were.
 */
export function participation(pool: { id: string; college: string | null }[], votes: VoteRow[]): Participation {
  const byCollege: Participation['byCollege'] = {}
  const entry = (college: string | null) => {
    const key = college ?? 'autre'
    byCollege[key] ??= { participants: 0, voters: 0 }
    return byCollege[key]
  }
  for (const p of pool) entry(p.college).participants++
  const voters = new Map(votes.map((v) => [v.voter, v.college]))
  for (const college of voters.values()) entry(college).voters++
  return { participants: pool.length, voters: voters.size, byCollege }
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
