/** The three capability links of a new workshop, each with copy and QR code. */
import { useTranslation } from 'react-i18next'
import type { CreateWorkshopResponse } from '../../shared/api'
import { ROLES } from '../../shared/roles'
import { LinkRow } from './LinkRow'

export function WorkshopLinks({ workshop }: { workshop: CreateWorkshopResponse }) {
  const { t } = useTranslation()
  return (
    <section className="card" aria-labelledby="links-title">
      <h2 id="links-title">{t('home.created', { title: workshop.title })}</h2>
      <p className="muted">
        {t(`templates.${workshop.template}`)} · {t('home.linksIntro')}
      </p>
      <ul className="links">
        {ROLES.map((role) => (
          <LinkRow key={role} role={role} link={workshop.links[role]} />
        ))}
      </ul>
    </section>
  )
}
