/**
 * The roadmap's two charts, where people would rather look than read: the
 * chantiers ranked by votes, each bar stacked by collège (the board's results
 * chart: same geometry, colours and patterns), and participation by collège.
 * Each bar says itself in words (aria-label), and participation also comes as
 * a table with a caption.
 */
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { COLLEGES, collegeLabel } from '../../shared/colleges'
import type { RankedItem } from '../../shared/control'
import type { RoadmapChantier, RoadmapVersion } from '../../shared/roadmap/roadmapSchema'
import { CollegeBar } from '../charts/CollegeBar'
import { CollegeLegend } from '../charts/CollegeLegend'
import { collegeFill } from '../charts/CollegePatterns'
import { collegesInResults, scaleMax } from '../charts/resultsChart'
import { rankOf, tiedRanks } from './roadmapText'

const asRanked = (c: RoadmapChantier): RankedItem => ({
  targetId: c.id,
  votes: c.votes ?? 0,
  rank: c.rang ?? 0,
  byCollege: c.parCollege,
})

export function ChantiersChart({
  roadmap,
  onOpen,
}: {
  roadmap: RoadmapVersion
  onOpen(chantier: RoadmapChantier): void
}) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const voted = roadmap.chantiers.filter((c) => c.rang !== null)
  const ranking = voted.map(asRanked)
  const max = scaleMax(ranking)
  const tied = tiedRanks(roadmap.chantiers)
  const colleges = collegesInResults(ranking)
  return (
    <section className="roadmap-section roadmap-chart" aria-labelledby={headingId} data-testid="roadmap-ranking-chart">
      <h2 id={headingId}>{t('roadmap.charts.ranking')}</h2>
      {voted.length === 0 ? (
        <p className="muted">{t('roadmap.charts.noVotes')}</p>
      ) : (
        <>
          <p className="muted">{t('roadmap.charts.rankingHelp')}</p>
          <ol className="roadmap-bars">
            {voted.map((c, i) => (
              <li key={c.id} className="roadmap-bar" data-testid="roadmap-bar" data-chantier={c.id}>
                <span className="roadmap-bar__rank">{rankOf(t, i18n.language, c.rang, tied)}</span>
                <button
                  type="button"
                  className="roadmap-link-button roadmap-bar__name"
                  aria-haspopup="dialog"
                  onClick={() => onOpen(c)}
                >
                  {c.nom || t('roadmap.untitled')}
                </button>
                <span className="roadmap-bar__total">{t('voting.points', { count: c.votes ?? 0 })}</span>
                <CollegeBar item={ranking[i] as RankedItem} max={max} className="roadmap-bar__svg" />
              </li>
            ))}
          </ol>
          {colleges.length > 0 && <CollegeLegend colleges={colleges} testId="roadmap-legend" />}
        </>
      )}
    </section>
  )
}

export function ParticipationChart({ roadmap }: { roadmap: RoadmapVersion }) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const { parCollege, ateliers } = roadmap.participation
  const known: string[] = COLLEGES.map((c) => c.id)
  const rows = [...known, ...Object.keys(parCollege).filter((id) => !known.includes(id))].filter(
    (id) => (parCollege[id]?.inscrits ?? 0) > 0,
  )
  if (rows.length === 0) return null
  const max = Math.max(1, ...rows.map((id) => parCollege[id]?.inscrits ?? 0))
  const titleOf = new Map(roadmap.ateliers.map((a) => [a.workshop.id, a.workshop.title]))
  return (
    <section
      className="roadmap-section roadmap-chart"
      aria-labelledby={headingId}
      data-testid="roadmap-participation-chart"
    >
      <h2 id={headingId}>{t('roadmap.charts.participation')}</h2>
      <ul className="roadmap-participation">
        {ateliers.map((a) => (
          <li key={a.workshopId}>
            {t(a.voteSessionId ? 'roadmap.charts.atelierVoted' : 'roadmap.charts.atelierPresent', {
              title: titleOf.get(a.workshopId) ?? a.workshopId,
              votants: a.votants,
              count: a.inscrits,
            })}
          </li>
        ))}
      </ul>
      <ul className="roadmap-bars">
        {rows.map((id) => {
          const { inscrits, votants } = parCollege[id] as { inscrits: number; votants: number }
          const label = collegeLabel(id, i18n.language)
          return (
            <li key={id} className="roadmap-bar roadmap-bar--participation" data-testid="roadmap-participation-bar">
              <span className="roadmap-bar__name">{label}</span>
              <span className="roadmap-bar__total">{t('roadmap.charts.ofInscrits', { votants, count: inscrits })}</span>
              <svg
                className="college-bar roadmap-bar__svg"
                role="img"
                aria-label={`${label} : ${t('roadmap.charts.ofInscrits', { votants, count: inscrits })}`}
              >
                <rect className="college-bar__track" width="100%" height="100%" rx="3" />
                <rect
                  width={`${(inscrits / max) * 100}%`}
                  height="100%"
                  rx="3"
                  fill="#ffffff"
                  stroke="#59636e"
                  strokeDasharray="4 3"
                />
                <rect
                  width={`${(votants / max) * 100}%`}
                  height="100%"
                  rx="3"
                  fill={collegeFill(id)}
                  stroke="#ffffff"
                />
              </svg>
            </li>
          )
        })}
      </ul>
      <p className="muted roadmap-chart__key">{t('roadmap.charts.participationKey')}</p>
      <table className="roadmap-table roadmap-table--compact" data-testid="roadmap-participation-table">
        <caption>{t('roadmap.charts.participationTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roadmap.charts.college')}</th>
            <th scope="col">{t('roadmap.charts.inscrits')}</th>
            <th scope="col">{t('roadmap.charts.votants')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((id) => (
            <tr key={id}>
              <th scope="row" data-label={t('roadmap.charts.college')}>
                {collegeLabel(id, i18n.language)}
              </th>
              <td data-label={t('roadmap.charts.inscrits')}>{parCollege[id]?.inscrits}</td>
              <td data-label={t('roadmap.charts.votants')}>{parCollege[id]?.votants}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
