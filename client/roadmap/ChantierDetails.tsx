/**
 * A chantier's details: what it is (porteurs, partenaires, échéance, the
 * ANCT's fields when filled in), the votes behind it by collège, the enjeux it
 * answers and their notes — its provenance — and « Voir sur le tableau », the
 * workshop's board zoomed to the card. A modal <dialog>: the browser keeps
 * focus inside and Escape closes it.
 */
import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { collegeLabel } from '../../shared/colleges'
import type { RoadmapChantier, RoadmapVersion } from '../../shared/roadmap/roadmapSchema'
import { CollegeBar } from '../charts/CollegeBar'
import { collegesInResults, scaleMax } from '../charts/resultsChart'
import { boardFocusUrl } from './roadmapClient'
import { rankOf, tiedRanks } from './roadmapText'

export interface ChantierDetailsProps {
  roadmap: RoadmapVersion
  chantier: RoadmapChantier
  onClose(): void
}

export function ChantierDetails({ roadmap, chantier: c, onClose }: ChantierDetailsProps) {
  const { t, i18n } = useTranslation()
  const titleId = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = dialog.current
    if (d && !d.open) d.showModal()
    return () => d?.close()
  }, [])

  const refKey = (r: { workshopId: string; shapeId: string }) => `${r.workshopId}/${r.shapeId}`
  const noteText = new Map(
    roadmap.enjeux.flatMap((e) => e.notes.flatMap((n) => n.refs.map((r) => [refKey(r), n.texte]))),
  )
  const notes = c.provenance.notes.flatMap((r) => noteText.get(refKey(r)) ?? [])
  const enjeux = roadmap.enjeux.filter((e) => c.enjeuIds.includes(e.id))
  const atelier = roadmap.ateliers.find((a) => a.workshop.id === c.workshopId)
  // In the bar's order.
  const colleges = collegesInResults([{ targetId: c.id, votes: c.votes ?? 0, rank: 0, byCollege: c.parCollege }]).map(
    (college) => [college, c.parCollege[college] ?? 0] as const,
  )
  const max = scaleMax(roadmap.chantiers.map((x) => ({ targetId: x.id, votes: x.votes ?? 0, rank: 0, byCollege: {} })))
  const fields: [string, string][] = (
    [
      [t('roadmap.table.porteurs'), c.porteurs.map((o) => o.nom).join(', ')],
      [t('roadmap.table.partenaires'), c.partenaires.map((o) => o.nom).join(', ')],
      [t('roadmap.table.echeance'), c.echeance],
      [t('roadmap.details.contexte'), c.contexte],
      [t('roadmap.details.besoins'), c.besoins],
      [t('roadmap.details.budget'), c.budgetGlobal === null ? '' : formatEuros(c.budgetGlobal, i18n.language)],
      [t('roadmap.details.cofinancements'), c.coFinancements.map((o) => o.nom).join(', ')],
      [t('roadmap.details.perimetre'), c.perimetreGeographique ?? ''],
    ] as [string, string][]
  ).filter(([, value]) => value)

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes; Escape is the dialog's own
    <dialog
      ref={dialog}
      className="roadmap-dialog"
      aria-labelledby={titleId}
      data-testid="chantier-details"
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose()
      }}
    >
      <div className="roadmap-dialog__body">
        <header className="roadmap-dialog__header">
          <h2 id={titleId}>{c.nom || t('roadmap.untitled')}</h2>
          <button type="button" className="button secondary" data-testid="chantier-details-close" onClick={onClose}>
            {t('roadmap.details.close')}
          </button>
        </header>
        <p data-testid="chantier-details-rank">
          {c.votes === null
            ? t('roadmap.details.notVoted')
            : t('roadmap.details.rank', {
                rank: rankOf(t, i18n.language, c.rang, tiedRanks(roadmap.chantiers)),
                points: t('voting.pointsLong', { count: c.votes }),
              })}
        </p>
        {c.description && <p className="roadmap-dialog__description">{c.description}</p>}
        {fields.length > 0 && (
          <dl className="roadmap-fields">
            {fields.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}

        {c.votes !== null && (
          <section aria-labelledby={`${titleId}-votes`}>
            <h3 id={`${titleId}-votes`}>{t('roadmap.details.votes')}</h3>
            <CollegeBar
              item={{ targetId: c.id, votes: c.votes, rank: c.rang ?? 0, byCollege: c.parCollege }}
              max={max}
            />
            {colleges.length > 0 ? (
              <ul className="roadmap-dialog__list" data-testid="chantier-details-votes">
                {colleges.map(([college, n]) => (
                  <li key={college}>
                    {collegeLabel(college, i18n.language)} : {t('voting.pointsLong', { count: n })}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('roadmap.details.anonymous')}</p>
            )}
          </section>
        )}

        <section aria-labelledby={`${titleId}-enjeux`}>
          <h3 id={`${titleId}-enjeux`}>{t('roadmap.details.enjeux')}</h3>
          {enjeux.length === 0 ? (
            <p className="muted">{t('roadmap.details.noEnjeu')}</p>
          ) : (
            <ul className="roadmap-dialog__list">
              {enjeux.map((e) => (
                <li key={e.id}>{e.titre || t('roadmap.untitled')}</li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby={`${titleId}-notes`}>
          <h3 id={`${titleId}-notes`}>{t('roadmap.details.notes', { count: notes.length })}</h3>
          {notes.length === 0 ? (
            <p className="muted">{t('roadmap.details.noNote')}</p>
          ) : (
            <ul className="roadmap-notes" data-testid="chantier-details-notes">
              {notes.map((texte, i) => (
                // Two notes may say the same thing: the position tells them apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed while the dialog is open
                <li key={i}>{texte}</li>
              ))}
            </ul>
          )}
        </section>

        <footer className="roadmap-dialog__footer">
          <p className="muted">{t('roadmap.details.from', { title: atelier?.workshop.title ?? c.workshopId })}</p>
          <a
            className="button primary"
            href={boardFocusUrl(c.workshopId, c.shapeId)}
            data-testid="chantier-details-board"
          >
            {t('roadmap.details.board')}
          </a>
        </footer>
      </div>
    </dialog>
  )
}

function formatEuros(amount: number, language: string): string {
  return new Intl.NumberFormat(language.startsWith('en') ? 'en-GB' : 'fr-FR', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(amount)
}
