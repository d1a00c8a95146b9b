/**
 * The results of a vote, beside the canvas (left side: the chantier panel
 * takes the right): participation, the ranked list — ties share a rank and say
 * so — with one horizontal bar per item on a common scale, stacked by collège
 * (colours and patterns, a legend, counts on the bars), and participation by
 * collège. Clicking an item zooms the canvas to it. « Agrandir » makes the
 * panel large enough for a projected screen.
 *
 * Everything comes from the control document's `results`, the same for every
 * screen; user text (notes, names) is rendered by React, i.e. escaped.
 */
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Editor, type TLShapeId, useValue } from 'tldraw'
import { COLLEGES } from '../../shared/colleges'
import type { Participation, RankedItem, VoteResults } from '../../shared/control'
import { CollegeBar } from '../charts/CollegeBar'
import { CollegeLegend } from '../charts/CollegeLegend'
import { CollegePatterns } from '../charts/CollegePatterns'
import { collegesInResults, scaleMax } from '../charts/resultsChart'
import { type ItemTitle, itemTitle } from './itemTitle'
import { rankText, tiedRanks } from './rankLabels'
import { useItemName } from './useItemName'
import { useVoting } from './useVoting'
import './voting.css'

export function ResultsPanel({ editor }: { editor: Editor }) {
  const { results, resultsShown, session, store } = useVoting()
  if (!results || !resultsShown) return null
  return (
    <ResultsView
      editor={editor}
      results={results}
      live={session?.status === 'open'}
      anonymous={session?.anonymous ?? false}
      onHide={() => store.setPanel(results.sessionId, false)}
    />
  )
}

interface ResultsViewProps {
  editor: Editor
  results: VoteResults
  live: boolean
  anonymous: boolean
  onHide(): void
}

function ResultsView({ editor, results, live, anonymous, onHide }: ResultsViewProps) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const rankingId = useId()
  const [expanded, setExpanded] = useState(false)
  const titles = useTitles(editor, results.ranking)
  const name = useItemName()
  const tied = tiedRanks(results.ranking)
  const max = scaleMax(results.ranking)
  const colleges = collegesInResults(results.ranking)
  const { participation } = results

  const zoomTo = (id: string) => {
    const bounds = editor.getShapePageBounds(id as TLShapeId)
    if (!bounds) return
    // The large panel would hide the item: back to the side.
    setExpanded(false)
    editor.zoomToBounds(bounds, { targetZoom: 1, animation: { duration: 320 } })
  }

  return (
    <aside
      className={`side-panel side-panel--docked results-panel${expanded ? ' is-expanded' : ''}`}
      aria-labelledby={headingId}
      data-testid="results-panel"
      data-session={results.sessionId}
    >
      <CollegePatterns />
      <header className="side-panel__header">
        <h2 id={headingId}>{t('voting.panel.title')}</h2>
        <button
          type="button"
          className="results-panel__tool"
          aria-pressed={expanded}
          data-testid="results-expand"
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('voting.panel.shrink') : t('voting.panel.expand')}
        </button>
        <button
          type="button"
          className="side-panel__close"
          aria-label={t('voting.panel.close')}
          title={t('voting.panel.close')}
          data-testid="results-close"
          onClick={onHide}
        >
          ×
        </button>
      </header>

      <p className="results-panel__summary">
        <span className={`results-panel__state${live ? ' is-live' : ''}`}>
          {live ? t('voting.panel.live') : t('voting.panel.final')}
        </span>
        <span data-testid="results-participation">
          {t('voting.participation', { count: participation.voters, total: participation.participants })}
        </span>
      </p>

      <h3 id={rankingId}>{t('voting.panel.ranking')}</h3>
      {results.ranking.length === 0 ? (
        <p className="muted">{t('voting.panel.empty')}</p>
      ) : (
        <ol className="results-list" aria-labelledby={rankingId} data-testid="results-list">
          {results.ranking.map((item) => {
            const title = titles[item.targetId] ?? { kind: 'missing', text: '' }
            return (
              <li
                key={item.targetId}
                className={`results-item${item.rank === 1 ? ' is-first' : ''}`}
                data-testid="results-item"
                data-target={item.targetId}
                data-rank={item.rank}
                data-votes={item.votes}
              >
                <span className="results-item__rank" data-testid="results-rank">
                  {rankText(t, i18n.language, item.rank, tied.has(item.rank))}
                </span>
                <button
                  type="button"
                  className="results-item__title"
                  title={t('voting.panel.zoomTo')}
                  disabled={title.kind === 'missing'}
                  data-testid="results-title"
                  onClick={() => zoomTo(item.targetId)}
                >
                  {name(title)}
                </button>
                <span className="results-item__total" data-testid="results-total">
                  {t('voting.points', { count: item.votes })}
                </span>
                <CollegeBar item={item} max={max} className="results-item__bar" testId="results-bar" />
              </li>
            )
          })}
        </ol>
      )}

      {colleges.length > 0 && (
        <>
          <h3>{t('voting.panel.legend')}</h3>
          <CollegeLegend colleges={colleges} testId="results-legend" />
        </>
      )}
      {anonymous && <p className="muted">{t('voting.panel.anonymous')}</p>}

      <ParticipationTable participation={participation} />
    </aside>
  )
}

function ParticipationTable({ participation }: { participation: Participation }) {
  const { t, i18n } = useTranslation()
  const rows = COLLEGES.map((c) => c.id as string)
    .concat(Object.keys(participation.byCollege).filter((id) => !COLLEGES.some((c) => c.id === id)))
    .filter((id) => participation.byCollege[id]?.participants)
  if (rows.length === 0) return null
  return (
    <table className="results-participation" data-testid="results-participation-table">
      <caption>{t('voting.panel.participation')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('voting.panel.college')}</th>
          <th scope="col">{t('voting.panel.voters')}</th>
          <th scope="col">{t('voting.panel.participants')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((id) => (
          <tr key={id}>
            <th scope="row">{collegeLabel(id, i18n.language)}</th>
            <td>{participation.byCollege[id]!.voters}</td>
            <td>{participation.byCollege[id]!.participants}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function collegeLabel(id: string, language: string): string {
  const college = COLLEGES.find((c) => c.id === id)
  if (!college) return id
  return language.startsWith('en') ? college.en : college.fr
}

/** The ranked items' titles as the board has them now (renamed notes show their new text). */
function useTitles(editor: Editor, ranking: readonly RankedItem[]): Record<string, ItemTitle> {
  const ids = ranking.map((r) => r.targetId).join(' ')
  const json = useValue('ranked titles', () => {
    const titles: Record<string, ItemTitle> = {}
    for (const id of ids.split(' ')) if (id) titles[id] = itemTitle(editor.getShape(id as TLShapeId))
    return JSON.stringify(titles)
  }, [editor, ids])
  return JSON.parse(json) as Record<string, ItemTitle>
}
