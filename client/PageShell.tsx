/** The frame of the non-board pages: app name, language switch, centred content. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './i18n/LanguageSwitch'

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
    </div>
  )
}
