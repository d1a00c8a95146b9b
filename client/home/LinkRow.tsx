/**
 * One capability link of a workshop, as the admin shares it: the role, the
 * link itself, a copy button and a QR code. Shown for a new workshop's three
 * links (WorkshopLinks) and for a link just renewed (WorkshopAdmin).
 */
import { useTranslation } from 'react-i18next'
import type { Role } from '../../shared/roles'
import { CopyButton } from './CopyButton'
import { QrCode } from './QrCode'

/** The server may answer absolute or root-relative links: show absolute ones. */
export function absoluteLink(link: string): string {
  return new URL(link, window.location.origin).href
}

/** `withRole`: the role as the row's heading (off where a heading around it says it already). */
export function LinkRow({ role, link, withRole = true }: { role: Role; link: string; withRole?: boolean }) {
  const { t } = useTranslation()
  const url = absoluteLink(link)
  const roleLabel = t(`roles.${role}`)
  return (
    <li className="link-row">
      <div className="link-text">
        {withRole && <h3>{roleLabel}</h3>}
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
}
