/**
 * Who joined the workshop and who is on the board now: a toggle in the bar
 * opens a list with name, organisation, collège and role, and an online dot
 * from the board's presence; the facilitator may « Retirer » anyone but
 * themself. Names are people's own text: rendered as text.
 */
import { type KeyboardEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkshopParticipant } from '../../shared/api'
import { collegeLabel } from '../../shared/colleges'
import { ROLES } from '../../shared/roles'
import { ParticipantRemoval } from './ParticipantRemoval'
import type { Participants } from './useParticipants'

export function ParticipantsPanel({
  participants,
  online,
  removableBy,
}: {
  participants: Participants
  online: ReadonlySet<string>
  /** The facilitator's own participant id: they may remove everyone else. Null for the other roles. */
  removableBy: string | null
}) {
  const { t, i18n } = useTranslation()
  const [open, setOpen] = useState(false)
  const [removed, setRemoved] = useState<string | null>(null)
  const panelId = useId()
  const toggle = useRef<HTMLButtonElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const list = participants.list ?? []
  const onlineCount = list.filter((p) => online.has(p.participantId)).length

  const close = () => {
    setOpen(false)
    toggle.current?.focus()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      close()
    }
  }

  return (
    <div className="participants">
      <button
        ref={toggle}
        type="button"
        className="bar-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="participants-toggle"
      >
        {t('facilitation.participants.toggle', { online: onlineCount })}
      </button>
      {open && (
        <section
          id={panelId}
          className="participants-panel"
          aria-label={t('facilitation.participants.title')}
          onKeyDown={onKeyDown}
          data-testid="participants-panel"
        >
          <header>
            <h2 ref={heading} tabIndex={-1}>
              {t('facilitation.participants.title')}
            </h2>
            <button type="button" className="bar-button" onClick={close} data-testid="participants-close">
              {t('facilitation.participants.close')}
            </button>
          </header>
          <p
            className={removed ? 'participants-notice' : 'visually-hidden'}
            role="status"
            data-testid="participant-removed"
          >
            {removed ? t('facilitation.participants.removed', { name: removed }) : ''}
          </p>
          {participants.failed && (
            <p className="bar-error" role="alert">
              {t('facilitation.participants.failed')}
            </p>
          )}
          {participants.list === null ? (
            <p className="muted">{t('facilitation.participants.loading')}</p>
          ) : (
            <ul>
              {sortForList(list, online).map((p) => {
                const isOnline = online.has(p.participantId)
                const details = [p.organisation, p.college ? collegeLabel(p.college, i18n.language) : null]
                  .filter(Boolean)
                  .join(' · ')
                return (
                  <li
                    key={p.participantId}
                    data-testid="participant"
                    data-participant-id={p.participantId}
                    data-online={isOnline}
                  >
                    <span className={`presence-dot${isOnline ? ' is-online' : ''}`} aria-hidden="true" />
                    <span className="participant-text">
                      <span className="participant-name">{p.name}</span>
                      <span className="visually-hidden">
                        {isOnline ? t('facilitation.participants.online') : t('facilitation.participants.offline')}
                      </span>
                      {details && <span className="participant-details">{details}</span>}
                    </span>
                    <span className={`role-badge role-${p.role}`}>{t(`roles.${p.role}`)}</span>
                    {removableBy !== null && p.participantId !== removableBy && (
                      <ParticipantRemoval
                        participant={p}
                        remove={async () => {
                          await participants.remove(p.participantId)
                          setRemoved(p.name)
                          // Their row, and the focus in it, is gone: the panel's heading takes it.
                          heading.current?.focus()
                        }}
                      />
                    )}
                  </li>
                )
              })}
            </ul>
          )}
        </section>
      )}
    </div>
  )
}

/** Who is here first, then by role (facilitators, participants, observers), then by name. */
function sortForList(list: WorkshopParticipant[], online: ReadonlySet<string>): WorkshopParticipant[] {
  return [...list].sort(
    (a, b) =>
      Number(online.has(b.participantId)) - Number(online.has(a.participantId)) ||
      ROLES.indexOf(a.role) - ROLES.indexOf(b.role) ||
      a.name.localeCompare(b.name, 'fr'),
  )
}
