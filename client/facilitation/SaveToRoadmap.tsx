/**
 * The facilitator's « Enregistrer dans la feuille de route »: the server takes
 * a snapshot of the workshop as it is now (board and visible vote) and, when
 * the workshop belongs to a démarche, a new version of the démarche's roadmap.
 * After it, « Voir la feuille de route » leads there (the snapshot names the
 * démarche; the facilitator's session reads its roadmap).
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { roadmapPath } from '../../shared/roadmap/roadmapApi'
import type { Snapshot } from '../../shared/roadmap/snapshotSchema'
import { apiRequest } from '../api'
import { apiErrorMessage } from '../apiErrorMessage'
import { useWorkshop } from '../board/workshopContext'
import './saveToRoadmap.css'

type Saved =
  | { status: 'idle' | 'saving' }
  | { status: 'saved'; processId: string | null }
  | { status: 'failed'; error: string }

export function SaveToRoadmap() {
  const { t } = useTranslation()
  const { session } = useWorkshop()
  const [saved, setSaved] = useState<Saved>({ status: 'idle' })
  if (session.role !== 'facilitator') return null

  const save = async () => {
    setSaved({ status: 'saving' })
    try {
      const snapshot = await apiRequest<Snapshot>(
        `/api/workshops/${encodeURIComponent(session.workshop.id)}/snapshots`,
        { method: 'POST' },
      )
      setSaved({ status: 'saved', processId: snapshot.workshop.processId })
    } catch (e) {
      setSaved({ status: 'failed', error: apiErrorMessage(t, e) })
    }
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: a button and what it did, not a form fieldset
    <div className="save-to-roadmap" role="group" aria-label={t('roadmap.save.button')}>
      <button
        type="button"
        className="bar-button"
        data-testid="save-to-roadmap"
        disabled={saved.status === 'saving'}
        onClick={() => void save()}
      >
        {saved.status === 'saving' ? t('roadmap.save.saving') : t('roadmap.save.button')}
      </button>
      <span role="status" className="save-to-roadmap__status">
        {saved.status === 'saved' && (
          <>
            <span data-testid="save-to-roadmap-done">{t('roadmap.save.saved')}</span>
            {saved.processId && (
              <a href={roadmapPath(saved.processId)} data-testid="save-to-roadmap-view">
                {t('roadmap.save.view')}
              </a>
            )}
          </>
        )}
      </span>
      {saved.status === 'failed' && (
        <span className="bar-error" role="alert" data-testid="save-to-roadmap-error">
          {saved.error}
        </span>
      )}
    </div>
  )
}
