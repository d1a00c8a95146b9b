/**
 * A list of chantiers as a table (rank, name, votes, porteurs, partenaires,
 * échéance), best ranked first; the name opens the chantier's details. On a
 * phone each row reads as a card (roadmap.css).
 */
import { useTranslation } from 'react-i18next'
import type { RoadmapChantier } from '../../shared/roadmap/roadmapSchema'
import { rankOf, tiedRanks } from './roadmapText'

export interface ChantierTableProps {
  caption: string
  chantiers: readonly RoadmapChantier[]
  /** Every chantier of the roadmap: ties are ties over all of them. */
  all: readonly RoadmapChantier[]
  onOpen(chantier: RoadmapChantier): void
}

export function ChantierTable({ caption, chantiers, all, onOpen }: ChantierTableProps) {
  const { t, i18n } = useTranslation()
  if (chantiers.length === 0) return <p className="muted">{t('roadmap.enjeux.noChantier')}</p>
  const tied = tiedRanks(all)
  const names = (list: readonly { nom: string }[]) => list.map((o) => o.nom).join(', ') || '—'
  return (
    <table className="roadmap-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('roadmap.table.rank')}</th>
          <th scope="col">{t('roadmap.table.chantier')}</th>
          <th scope="col">{t('roadmap.table.votes')}</th>
          <th scope="col">{t('roadmap.table.porteurs')}</th>
          <th scope="col">{t('roadmap.table.partenaires')}</th>
          <th scope="col">{t('roadmap.table.echeance')}</th>
        </tr>
      </thead>
      <tbody>
        {chantiers.map((c) => (
          <tr key={c.id} data-testid="roadmap-chantier" data-chantier={c.id} data-rank={c.rang ?? ''}>
            <td data-label={t('roadmap.table.rank')} data-testid="roadmap-chantier-rank">
              {rankOf(t, i18n.language, c.rang, tied)}
            </td>
            <th scope="row" data-label={t('roadmap.table.chantier')}>
              <button
                type="button"
                className="roadmap-link-button"
                data-testid="roadmap-chantier-open"
                aria-haspopup="dialog"
                onClick={() => onOpen(c)}
              >
                {c.nom || t('roadmap.untitled')}
              </button>
            </th>
            <td data-label={t('roadmap.table.votes')} data-testid="roadmap-chantier-votes">
              {c.votes === null ? '—' : t('voting.pointsLong', { count: c.votes })}
            </td>
            <td data-label={t('roadmap.table.porteurs')}>{names(c.porteurs)}</td>
            <td data-label={t('roadmap.table.partenaires')}>{names(c.partenaires)}</td>
            <td data-label={t('roadmap.table.echeance')}>{c.echeance || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
