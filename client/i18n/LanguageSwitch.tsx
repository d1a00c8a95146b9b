/** A compact FR / EN switch, usable on every page (home, join, board top bar). */
import { useTranslation } from 'react-i18next'
import { changeLanguage } from './i18n'
import { isLanguage, LANGUAGES } from './language'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        data-testid="language-switch"
        value={i18n.language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) changeLanguage(e.target.value)
        }}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
