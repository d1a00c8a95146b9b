/** An item's result once it may be seen: « 1er · 12 points », ties said as such (« 2e ex æquo »). */
import { useTranslation } from 'react-i18next'
import type { ItemVotes } from '../../shared/model/boardModel'
import { rankText, tiedRanks } from '../voting/rankLabels'
import { useList } from './listContext'

export function VotesLine({ votes }: { votes: ItemVotes | null }) {
  const { t, i18n } = useTranslation()
  const { model } = useList()
  if (!votes) return null
  const tied = tiedRanks(model.vote?.results.ranking ?? []).has(votes.rang)
  return (
    <span className="list-votes" data-testid="list-votes" data-rank={votes.rang} data-votes={votes.votes}>
      {t('voting.badge', {
        rank: rankText(t, i18n.language, votes.rang, tied),
        points: t('voting.pointsLong', { count: votes.votes }),
      })}
    </span>
  )
}
