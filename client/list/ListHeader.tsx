/** The list view's top: the workshop, who I am, the language, the way back to the canvas, and erasing my own name. */
import { useTranslation } from 'react-i18next'
import type { SessionResponse } from '../../shared/api'
import { userColor } from '../board/userColor'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { SelfErasure } from '../workshop/SelfErasure'
import { canvasPath, rememberView } from './viewChoice'

export function ListHeader({ session, onErased }: { session: SessionResponse; onErased(): void }) {
  const { t } = useTranslation()
  return (
    <header className="list-header">
      <h1 className="list-header__title" data-testid="board-title">
        {session.workshop.title}
      </h1>
      <p className="list-header__who">
        <span className="user-dot" style={{ background: userColor(session.participantId) }} aria-hidden="true" />
        <span data-testid="board-user">{t('list.you', { name: session.name })}</span>
        <span className={`role-badge role-${session.role}`} data-testid="role-badge" data-role={session.role}>
          {t(`roles.${session.role}`)}
        </span>
      </p>
      <div className="list-header__links">
        <a
          href={canvasPath(session.workshop.id)}
          className="list-switch"
          data-testid="view-canvas"
          onClick={() => rememberView('canvas')}
        >
          {t('list.toCanvas')}
        </a>
        <LanguageSwitch />
        <SelfErasure session={session} onErased={onErased} />
      </div>
    </header>
  )
}
