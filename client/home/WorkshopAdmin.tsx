/**
 * One workshop of a démarche on the admin's home page: when its names are
 * erased, « Renouveler un lien » until then (one role at a time, after saying
 * that the link's holders will be disconnected; the new link is then shown
 * with its copy button and QR code — the server keeps only hashes, so it is
 * shown once) and « Supprimer l'atelier » (after naming it and saying what is
 * erased). Each confirmation opens in place of the buttons (ConfirmStep);
 * cancelling gives the focus back to the button that opened it.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProcessWorkshop } from '../../shared/api'
import { ROLES, type Role } from '../../shared/roles'
import { api } from '../api'
import { apiErrorMessage } from '../apiErrorMessage'
import { ConfirmStep } from '../ConfirmStep'
import { LinkRow } from './LinkRow'
import { formatDay } from './retention'

export interface WorkshopAdminProps {
  token: string
  workshop: ProcessWorkshop
  onRotated(workshopId: string, role: Role, link: string): void
  onDeleted(workshop: ProcessWorkshop): void
}

type Mode = 'buttons' | 'rotate' | 'delete'

export function WorkshopAdmin({ token, workshop, onRotated, onDeleted }: WorkshopAdminProps) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [mode, setMode] = useState<Mode>('buttons')
  const [role, setRole] = useState<Role>('participant')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [rotated, setRotated] = useState<{ role: Role; link: string } | null>(null)
  const namesErased = workshop.erasesAt <= Date.now()
  const rotateButton = useRef<HTMLButtonElement>(null)
  const deleteButton = useRef<HTMLButtonElement>(null)
  const rotatedHeading = useRef<HTMLHeadingElement>(null)
  // Where the focus goes once the next render is on screen (the element it names appears with it).
  const [focusNext, setFocusNext] = useState<'rotate' | 'delete' | 'rotated' | null>(null)
  useEffect(() => {
    if (!focusNext) return
    const target = {
      rotate: rotateButton.current,
      delete: deleteButton.current,
      rotated: rotatedHeading.current,
    }[focusNext]
    target?.focus()
    setFocusNext(null)
  }, [focusNext])

  const open = (next: Mode) => {
    setError(null)
    setMode(next)
  }
  const cancel = () => {
    const from = mode === 'delete' ? 'delete' : 'rotate'
    setMode('buttons')
    setError(null)
    setFocusNext(from)
  }
  const call = async (request: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await request()
    } catch (e) {
      setError(apiErrorMessage(t, e, { 401: t('home.errors.badToken') }))
    } finally {
      setBusy(false)
    }
  }
  const rotate = () =>
    call(async () => {
      const { links } = await api.rotateWorkshopLink(token.trim(), workshop.id, role)
      const link = links[role]
      if (!link) throw new Error(`no ${role} link in the answer`)
      setRotated({ role, link })
      setMode('buttons')
      setFocusNext('rotated')
      onRotated(workshop.id, role, link)
    })
  const remove = () =>
    call(async () => {
      await api.deleteWorkshop(token.trim(), workshop.id)
      onDeleted(workshop)
    })

  return (
    <li className="process-workshop" data-testid="process-workshop" data-workshop={workshop.id}>
      <h4>{workshop.title}</h4>
      <p className="process-workshop__meta">
        <span>
          {t(`templates.${workshop.template}`)} ·{' '}
          {t('workshopAdmin.createdOn', { date: formatDay(workshop.createdAt, i18n.language) })}
        </span>
        <span data-testid="workshop-erases-at">
          {t('workshopAdmin.erasesAt', { date: formatDay(workshop.erasesAt, i18n.language) })}
        </span>
      </p>

      {mode === 'buttons' && (
        <div className="actions">
          {/* Past its retention a workshop has no links (the server erases them; it refuses new ones). */}
          {!namesErased && (
            <button
              ref={rotateButton}
              type="button"
              className="button secondary"
              onClick={() => open('rotate')}
              data-testid="workshop-rotate"
            >
              {t('workshopAdmin.rotate')}
            </button>
          )}
          <button
            ref={deleteButton}
            type="button"
            className="button secondary"
            onClick={() => open('delete')}
            data-testid="workshop-delete"
          >
            {t('workshopAdmin.delete')}
          </button>
        </div>
      )}

      {mode === 'rotate' && (
        <ConfirmStep
          question={t('workshopAdmin.rotateLegend', { title: workshop.title })}
          what={t('workshopAdmin.rotateWarning')}
          confirmLabel={t('workshopAdmin.rotateConfirm', { role: t(`roles.${role}`) })}
          busyLabel={t('workshopAdmin.rotating')}
          busy={busy}
          onConfirm={() => void rotate()}
          onCancel={cancel}
          testId="workshop-rotate-step"
          confirmTestId="workshop-rotate-confirm"
        >
          <div className="confirm-step__choices">
            {ROLES.map((r) => (
              <label key={r}>
                <input
                  type="radio"
                  name={`${id}-role`}
                  value={r}
                  checked={r === role}
                  onChange={() => setRole(r)}
                  data-testid={`workshop-rotate-${r}`}
                />
                {t(`roles.${r}`)}
              </label>
            ))}
          </div>
        </ConfirmStep>
      )}

      {mode === 'delete' && (
        <ConfirmStep
          question={t('workshopAdmin.deleteQuestion', { title: workshop.title })}
          what={t('workshopAdmin.deleteWhat')}
          confirmLabel={t('workshopAdmin.deleteConfirm')}
          busyLabel={t('workshopAdmin.deleting')}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={cancel}
          danger
          testId="workshop-delete-step"
          confirmTestId="workshop-delete-confirm"
        />
      )}

      {error && (
        <p className="error" role="alert" data-testid="workshop-admin-error">
          {error}
        </p>
      )}

      {rotated && (
        <section className="rotated-link" aria-labelledby={`${id}-rotated`} data-testid="workshop-rotated">
          <h5 id={`${id}-rotated`} ref={rotatedHeading} tabIndex={-1}>
            {t('workshopAdmin.rotated', { role: t(`roles.${rotated.role}`), title: workshop.title })}
          </h5>
          <p className="muted">{t('workshopAdmin.rotatedIntro')}</p>
          <ul className="links">
            <LinkRow role={rotated.role} link={rotated.link} withRole={false} />
          </ul>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setRotated(null)
              setFocusNext('rotate')
            }}
          >
            {t('workshopAdmin.hideLink')}
          </button>
        </section>
      )}
    </li>
  )
}
