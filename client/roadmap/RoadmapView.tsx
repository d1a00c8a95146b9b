/**
 * One version of a démarche's roadmap, as the plenary reads it: the démarche,
 * its territory and the version's date (with a picker of the other versions),
 * the charts (chantiers ranked by votes, stacked by collège; participation by
 * collège), the enjeux each with its ranked chantiers, a chantier's details
 * (the notes and votes behind it, « Voir sur le tableau »), the comparison
 * with another version, and the exports.
 *
 * Everything is read from the stored version as it is (shared/roadmap/roadmapSchema.ts);
 * user text is rendered by React, i.e. escaped.
 */
import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RoadmapVersionSummary } from '../../shared/roadmap/roadmapApi'
import type { RoadmapChantier, RoadmapVersion } from '../../shared/roadmap/roadmapSchema'
import { apiErrorMessage } from '../apiErrorMessage'
import { CollegePatterns } from '../charts/CollegePatterns'
import { ChantierDetails } from './ChantierDetails'
import { ChantierTable } from './ChantierTable'
import { ExportLinks } from './ExportLinks'
import { ChantiersChart, ParticipationChart } from './RoadmapCharts'
import { RoadmapCompare } from './RoadmapCompare'
import type { RoadmapClient } from './roadmapClient'
import { formatDateTime, territory } from './roadmapText'

export interface RoadmapViewProps {
  roadmap: RoadmapVersion
  versions: RoadmapVersionSummary[]
  client: RoadmapClient
  /** The admin token the page reads with, when it does (downloads then send it too). */
  token: string | null
  onPick(versionId: string): Promise<void>
}

export function RoadmapView({ roadmap, versions, client, token, onPick }: RoadmapViewProps) {
  const { t, i18n } = useTranslation()
  const pickerId = useId()
  const [open, setOpen] = useState<RoadmapChantier | null>(null)
  const [pickError, setPickError] = useState<string | null>(null)
  const chantiers = useMemo(() => new Map(roadmap.chantiers.map((c) => [c.id, c])), [roadmap])
  const loose = roadmap.chantiers.filter((c) => c.enjeuIds.length === 0)
  const where = territory(t, roadmap.demarche)

  const pick = async (id: string) => {
    setPickError(null)
    setOpen(null)
    try {
      await onPick(id)
    } catch (e) {
      setPickError(apiErrorMessage(t, e))
    }
  }

  return (
    <article className="roadmap" data-testid="roadmap" data-version={roadmap.version}>
      <CollegePatterns />
      <header className="roadmap-header">
        <p className="roadmap-kicker">{t('roadmap.title')}</p>
        <h1 data-testid="roadmap-title">{roadmap.demarche.nom}</h1>
        {where && (
          <p className="roadmap-territory" data-testid="roadmap-territory">
            {where}
          </p>
        )}
        <p className="roadmap-meta" data-testid="roadmap-meta">
          {t('roadmap.versionOf', {
            version: roadmap.version,
            date: formatDateTime(roadmap.createdAt, i18n.language),
          })}{' '}
          · {t('roadmap.ateliers', { count: roadmap.ateliers.length })}
        </p>
        <div className="roadmap-tools">
          <div className="field roadmap-picker">
            <label htmlFor={pickerId}>{t('roadmap.pickVersion')}</label>
            <select
              id={pickerId}
              data-testid="roadmap-version-picker"
              value={roadmap.id}
              onChange={(e) => void pick(e.target.value)}
            >
              {[...versions].reverse().map((v) => (
                <option key={v.id} value={v.id}>
                  {t('roadmap.versionOption', { version: v.version, date: formatDateTime(v.createdAt, i18n.language) })}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button secondary" data-testid="roadmap-print" onClick={() => window.print()}>
            {t('roadmap.print')}
          </button>
        </div>
        {pickError && (
          <p className="error" role="alert">
            {pickError}
          </p>
        )}
      </header>

      {roadmap.chantiers.length === 0 && roadmap.enjeux.length === 0 ? (
        <p className="muted" data-testid="roadmap-nothing">
          {t('roadmap.nothingYet')}
        </p>
      ) : (
        <>
          <ChantiersChart roadmap={roadmap} onOpen={setOpen} />
          <ParticipationChart roadmap={roadmap} />

          <section className="roadmap-section" aria-labelledby="roadmap-enjeux">
            <h2 id="roadmap-enjeux">{t('roadmap.enjeux.title')}</h2>
            {roadmap.enjeux.map((enjeu) => (
              <section
                key={enjeu.id}
                className="roadmap-enjeu"
                aria-labelledby={`enjeu-${enjeu.id}`}
                data-testid="roadmap-enjeu"
                data-enjeu={enjeu.id}
              >
                <h3 id={`enjeu-${enjeu.id}`}>{enjeu.titre || t('roadmap.untitled')}</h3>
                <p className="muted">
                  {t('roadmap.enjeux.notes', { count: enjeu.notes.length })}
                  {enjeu.rang !== null &&
                    ` · ${t('roadmap.enjeux.votes', { count: enjeu.votes ?? 0, rank: enjeu.rang })}`}
                </p>
                <ChantierTable
                  caption={t('roadmap.enjeux.caption', { titre: enjeu.titre || t('roadmap.untitled') })}
                  chantiers={enjeu.chantierIds.flatMap((id) => chantiers.get(id) ?? [])}
                  all={roadmap.chantiers}
                  onOpen={setOpen}
                />
              </section>
            ))}
            {loose.length > 0 && (
              <section className="roadmap-enjeu" aria-labelledby="enjeu-none" data-testid="roadmap-loose">
                <h3 id="enjeu-none">{t('roadmap.enjeux.none')}</h3>
                <ChantierTable
                  caption={t('roadmap.enjeux.none')}
                  chantiers={loose}
                  all={roadmap.chantiers}
                  onOpen={setOpen}
                />
              </section>
            )}
          </section>
        </>
      )}

      <RoadmapCompare roadmap={roadmap} versions={versions} client={client} />
      <ExportLinks roadmap={roadmap} token={token} />

      {open && <ChantierDetails roadmap={roadmap} chantier={open} onClose={() => setOpen(null)} />}
    </article>
  )
}
