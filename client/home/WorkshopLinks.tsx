/** The three capability links of a new workshop, each with copy and QR code. */
import { useTranslation } from 'react-i18next'
import type { CreateWorkshopResponse } from '../../shared/api'
import { ROLES } from '../../shared/roles'
import { CopyButton } from './CopyButton'
import { QrCode } from './QrCode'

/** The server may answer absolute or root-relative links: show absolute ones. */
function absolute(link: string): string {
  return new URL(link, window.location.origin).href
}

export function WorkshopLinks({ workshop }: { workshop: CreateWorkshopResponse }) {
  const { t } = useTranslation()
  return (
    <section className="card" aria-labelledby="links-title">
      <h2 id="links-title">{t('home.created', { title: workshop.title })}</h2>
      <p className="muted">
        {t(`templates.${workshop.template}`)} · {t('home.linksIntro')}
      </p>
      <ul className="links">
        {ROLES.map((role) => {
          const url = absolute(workshop.links[role])
          const roleLabel = t(`roles.${role}`)
          return (
            <li key={role} className="link-row">
              <div className="link-text">
                <h3>{roleLabel}</h3>
                <a href={url} data-testid={`link-${role}`} className="link-url" target="_blank" rel="noreferrer">
                  {url}
                </a>
                <div className="link-actions">
                  <CopyButton text={url} label={t('home.copyLink', { role: roleLabel })} testId={`copy-${role}`} />
                </div>
              </div>
              <QrCode value={url} alt={t('home.qrAlt', { role: roleLabel })} />
            </li>
          )
        })}
      </ul>
    </section>
  )
}
