/**
 * The démarches on the admin's home page, each with its roadmap: « Voir la
 * feuille de route », and its reader link to share — shown once when the
 * démarche is created here, or anew by « Nouveau lien de lecture » (which
 * revokes the previous one: the server keeps only hashes, so an old link can
 * never be shown again) — and its workshops, each with its own links and
 * deletion (WorkshopAdmin).
 */
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { roadmapPath } from '../../shared/roadmap/roadmapApi'
import { api } from '../api'
import { apiErrorMessage } from '../apiErrorMessage'
import { CopyButton } from './CopyButton'
import type { ProcessesState } from './useProcesses'
import { WorkshopAdmin, type WorkshopAdminProps } from './WorkshopAdmin'
import './processes.css'

export interface ProcessRoadmapsProps {
  token: string
  processes: ProcessesState
  /** Reader links answered when démarches were created on this page, by démarche id. */
  created: Record<string, string>
  onLinkRotated: WorkshopAdminProps['onRotated']
  /** A workshop was deleted here (it is already gone on the server). */
  onWorkshopDeleted(workshopId: string): void
}

export function ProcessRoadmaps({ token, processes, created, onLinkRotated, onWorkshopDeleted }: ProcessRoadmapsProps) {
  const { t } = useTranslation()
  const [rotated, setRotated] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  /** The last deletion, said where the workshop was; the focus goes to its démarche's heading (its own button is gone). */
  const [deleted, setDeleted] = useState<{ processId: string; title: string } | null>(null)
  const headings = useRef(new Map<string, HTMLHeadingElement>())
  if (processes.status !== 'loaded' || processes.processes.length === 0) return null
  const links = { ...created, ...rotated }

  const rotate = async (processId: string) => {
    setBusy(processId)
    setError(null)
    try {
      const { links } = await api.rotateReaderLink(token.trim(), processId)
      setRotated((r) => ({ ...r, [processId]: new URL(links.reader, window.location.origin).href }))
    } catch (e) {
      setError(apiErrorMessage(t, e, { 401: t('home.errors.badToken') }))
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="card" aria-labelledby="roadmaps-title" data-testid="process-roadmaps">
      <h2 id="roadmaps-title">{t('roadmap.home.title')}</h2>
      <p className="muted">{t('roadmap.home.intro')}</p>
      <ul className="process-roadmaps">
        {processes.processes.map((p) => {
          const link = links[p.id]
          return (
            <li key={p.id} className="process-roadmap" data-testid="process-roadmap" data-process={p.id}>
              <div className="process-roadmap__head">
                <h3
                  tabIndex={-1}
                  ref={(el) => {
                    if (el) headings.current.set(p.id, el)
                    else headings.current.delete(p.id)
                  }}
                >
                  {p.nom}
                </h3>
                <span className="muted">
                  {p.codeDepartement ? `${p.codeDepartement} · ` : ''}
                  {t('roadmap.home.workshops', { count: p.workshops.length })}
                </span>
              </div>
              <div className="process-roadmap__actions">
                <a href={roadmapPath(p.id)} data-testid="process-roadmap-open">
                  {t('roadmap.home.open')}
                </a>
                <button
                  type="button"
                  className="button secondary"
                  data-testid="process-roadmap-rotate"
                  aria-describedby={`rotate-help-${p.id}`}
                  disabled={busy === p.id}
                  onClick={() => void rotate(p.id)}
                >
                  {busy === p.id ? t('roadmap.home.rotating') : t('roadmap.home.rotate')}
                </button>
                <small id={`rotate-help-${p.id}`} className="muted">
                  {t('roadmap.home.rotateHelp')}
                </small>
              </div>
              {link && (
                <div className="process-roadmap__link">
                  <span className="visually-hidden">{t('roadmap.home.readerLink', { nom: p.nom })}</span>
                  <a href={link} className="link-url" data-testid="process-reader-link">
                    {link}
                  </a>
                  <CopyButton text={link} label={t('roadmap.home.copy')} testId="process-reader-copy" />
                </div>
              )}
              {p.workshops.length > 0 && (
                <ul className="process-workshops" aria-label={t('workshopAdmin.listLabel', { nom: p.nom })}>
                  {p.workshops.map((w) => (
                    <WorkshopAdmin
                      key={w.id}
                      token={token}
                      workshop={w}
                      onRotated={onLinkRotated}
                      onDeleted={(gone) => {
                        setDeleted({ processId: p.id, title: gone.title })
                        onWorkshopDeleted(gone.id)
                        headings.current.get(p.id)?.focus()
                      }}
                    />
                  ))}
                </ul>
              )}
              {/* Always there, so that screen readers know the live region before it speaks. */}
              <p
                className={deleted?.processId === p.id ? 'process-notice' : 'visually-hidden'}
                role="status"
                data-testid="workshop-deleted"
              >
                {deleted?.processId === p.id ? t('workshopAdmin.deleted', { title: deleted.title }) : ''}
              </p>
            </li>
          )
        })}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
