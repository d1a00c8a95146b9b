/**
 * The frame of the non-board pages: app name, language switch, centred content,
 * and the footer with the accessibility status linking to the déclaration
 * (the RGAA asks for it on every page).
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './i18n/LanguageSwitch'
import { ACCESSIBILITY_PATH } from './routes'

export function PageShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="page">
      <header className="page-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="page-main">{children}</main>
      <footer className="page-footer">
        <a href={ACCESSIBILITY_PATH} data-testid="footer-accessibility">
          {t('accessibility.footer')}
        </a>
      </footer>
    </div>
  )
}
