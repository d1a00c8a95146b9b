/**
 * The vote in the list view, through the canvas's own store (useVoting: the
 * same HTTP calls, one at a time, the server's answers only): per item of the
 * session « Voter » and « Retirer un point » (named after the item for screen
 * readers), the dots I placed there and my remaining budget in words. The
 * server's refusals (budget spent, cap on an item, vote closed) and each new
 * budget are announced in the page's live region.
 *
 * Once the results may be seen: the ranking with each item's total, a bar by
 * collège (the results panel's chart, its words included) and the legend.
 */
import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { RankedItem } from '../../shared/control'
import { apiErrorMessage } from '../apiErrorMessage'
import { CollegeBar } from '../charts/CollegeBar'
import { CollegeLegend } from '../charts/CollegeLegend'
import { CollegePatterns } from '../charts/CollegePatterns'
import { collegesInResults, scaleMax } from '../charts/resultsChart'
import { itemTitle } from '../voting/itemTitle'
import { dotsOn } from '../voting/ownDots'
import { rankText, tiedRanks } from '../voting/rankLabels'
import { useItemName } from '../voting/useItemName'
import { useVoting } from '../voting/useVoting'
import { useList } from './listContext'

export function ListVote() {
  const { t } = useTranslation()
  const { records, announce } = useList()
  const voting = useVoting()
  const { session, results, participation, canVote, own, notice } = voting
  const name = useItemName()
  const headingId = useId()
  const titleOf = (id: string) => name(itemTitle(records.byId.get(id) as Parameters<typeof itemTitle>[0]))

  // The server's refusals, politely: the voter keeps their place.
  useEffect(() => {
    if (notice) announce(apiErrorMessage(t, notice.error))
  }, [notice, announce, t])

  // Each new budget the server answered, after the first (the page just opened).
  const lastRemaining = useRef<number | null>(null)
  const remaining = canVote ? own.remaining : null
  const total = session?.votesPerPerson ?? 0
  useEffect(() => {
    const before = lastRemaining.current
    lastRemaining.current = remaining
    if (remaining !== null && before !== null && before !== remaining)
      announce(t('voting.remaining', { count: remaining, total }))
  }, [remaining, total, announce, t])

  if (!session) return null
  const open = session.status === 'open'
  return (
    <section className="list-section list-vote" aria-labelledby={headingId} data-testid="list-vote">
      <h2 id={headingId}>{open ? t('list.vote.open') : t('list.vote.closed')}</h2>
      <p className="list-section__meta">
        {canVote && (
          <span data-testid="list-vote-remaining" data-remaining={own.remaining ?? ''}>
            {own.remaining === null
              ? t('voting.remainingLoading')
              : t('voting.remaining', { count: own.remaining, total })}
          </span>
        )}
        {participation && (
          <span data-testid="list-vote-participation">
            {t('voting.participation', { count: participation.voters, total: participation.participants })}
          </span>
        )}
      </p>

      {canVote && (
        <>
          <h3>{t('list.vote.items')}</h3>
          {session.targetIds.length === 0 ? (
            <p className="list-empty">{t('list.vote.empty')}</p>
          ) : (
            <ul className="list-vote__items">
              {session.targetIds.map((id) => {
                const title = titleOf(id)
                const mine = dotsOn(own, id)
                return (
                  <li key={id} className="list-vote__item" data-testid="list-vote-item" data-id={id}>
                    <span className="list-vote__title">{title}</span>
                    <span className="list-vote__mine" data-testid="list-vote-mine" data-count={mine}>
                      {t('list.vote.mine', { count: mine })}
                    </span>
                    <span className="list-buttons">
                      <button
                        type="button"
                        className="button primary"
                        onClick={() => voting.store.place(id)}
                        data-testid="list-vote-add"
                      >
                        {t('list.vote.vote')}
                        <span className="visually-hidden">{t('list.vote.voteFor', { title })}</span>
                      </button>
                      {/* aria-disabled, not disabled: the button keeps the focus after the last dot is taken back. */}
                      <button
                        type="button"
                        className="button secondary"
                        aria-disabled={mine === 0}
                        onClick={() => {
                          if (mine > 0) voting.store.retract(id)
                        }}
                        data-testid="list-vote-remove"
                      >
                        {t('list.vote.retract')}
                        <span className="visually-hidden">{t('list.vote.retractFrom', { title })}</span>
                      </button>
                    </span>
                  </li>
                )
              })}
            </ul>
          )}
        </>
      )}

      {results ? (
        <Ranking ranking={results.ranking} live={open} anonymous={session.anonymous} titleOf={titleOf} />
      ) : (
        open && session.hideResults && <p className="list-help">{t('list.vote.hidden')}</p>
      )}
    </section>
  )
}

interface RankingProps {
  ranking: RankedItem[]
  live: boolean
  anonymous: boolean
  titleOf(id: string): string
}

function Ranking({ ranking, live, anonymous, titleOf }: RankingProps) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const tied = tiedRanks(ranking)
  const max = scaleMax(ranking)
  const colleges = collegesInResults(ranking)
  return (
    <>
      <CollegePatterns />
      <h3 id={headingId}>{t('list.vote.ranking')}</h3>
      {live && <p className="list-help">{t('list.vote.live')}</p>}
      {ranking.length === 0 ? (
        <p className="list-empty">{t('list.vote.empty')}</p>
      ) : (
        <ol className="list-ranking" aria-labelledby={headingId} data-testid="list-ranking">
          {ranking.map((item) => (
            <li
              key={item.targetId}
              className="list-ranking__item"
              data-testid="list-ranking-item"
              data-id={item.targetId}
              data-rank={item.rank}
              data-votes={item.votes}
            >
              <span className="list-ranking__rank">{rankText(t, i18n.language, item.rank, tied.has(item.rank))}</span>
              <span className="list-ranking__title">{titleOf(item.targetId)}</span>
              <span className="list-ranking__total">{t('voting.pointsLong', { count: item.votes })}</span>
              <CollegeBar item={item} max={max} className="list-ranking__bar" />
            </li>
          ))}
        </ol>
      )}
      {colleges.length > 0 && <CollegeLegend colleges={colleges} />}
      {anonymous && <p className="list-help">{t('voting.panel.anonymous')}</p>}
    </>
  )
}
