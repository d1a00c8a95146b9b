/**
 * The thin bar above the canvas: workshop, who I am, my role, the connection,
 * the switch to the list view, and erasing my own name.
 */
import { useTranslation } from 'react-i18next'
import type { SessionResponse } from '../../shared/api'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { listPath, rememberView } from '../list/viewChoice'
import { ACCESSIBILITY_PATH } from '../routes'
import type { ConnectionState } from '../sync/connectionState'
import { SelfErasure } from '../workshop/SelfErasure'
import { userColor } from './userColor'

export interface BoardTopBarProps {
  session: SessionResponse
  connection: ConnectionState
  onErased(): void
}

export function BoardTopBar({ session, connection, onErased }: BoardTopBarProps) {
  const { t } = useTranslation()
  return (
    <header className="board-topbar">
      <h1 className="board-title" title={session.workshop.title} data-testid="board-title">
        {session.workshop.title}
      </h1>
      <div className="board-topbar-right">
        <span className="board-user" data-testid="board-user">
          <span className="user-dot" style={{ background: userColor(session.participantId) }} aria-hidden="true" />
          {t('board.you', { name: session.name })}
        </span>
        <span className={`role-badge role-${session.role}`} data-testid="role-badge" data-role={session.role}>
          {t(`roles.${session.role}`)}
        </span>
        <ConnectionBadge state={connection} />
        <a
          href={listPath(session.workshop.id)}
          className="board-view-switch"
          data-testid="view-list"
          onClick={() => rememberView('list')}
        >
          {t('list.toList')}
        </a>
        <a href={ACCESSIBILITY_PATH} className="board-accessibility" data-testid="board-accessibility">
          {t('accessibility.topBarLink')}
        </a>
        <LanguageSwitch />
        <SelfErasure session={session} onErased={onErased} />
      </div>
    </header>
  )
}

/** The connection as people read it (also in the list view's status strip). */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { t } = useTranslation()
  const label =
    state.phase === 'connected'
      ? t('connection.connected')
      : state.phase === 'offline'
        ? t('connection.offline')
        : state.phase === 'refused'
          ? t('connection.refused')
          : state.everConnected
            ? t('connection.connecting')
            : t('connection.firstConnecting')
  return (
    <span
      className={`connection-state connection-${state.phase}`}
      data-testid="connection-state"
      data-state={state.phase}
      role="status"
      aria-live="polite"
    >
      <span className="connection-dot" aria-hidden="true" />
      {label}
      {state.phase !== 'connected' && state.unsent > 0 && (
        // While connected, changes wait a round trip at most: counting them would only flicker.
        <span className="connection-unsent" data-testid="connection-unsent">
          {' · '}
          {t('connection.unsent', { count: state.unsent })}
        </span>
      )}
    </span>
  )
}
