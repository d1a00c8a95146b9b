/**
 * i18next set-up. Translations are bundled (no HTTP back-end: nothing to fetch,
 * nothing to fail), so initialisation is synchronous and the first render is
 * already in the right language.
 */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { fr } from './fr'
import { DEFAULT_LANGUAGE, LANGUAGES, type Language, loadLanguage, saveLanguage } from './language'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof fr }
  }
}

export const i18n = i18next.createInstance()

export function initI18n(): typeof i18n {
  const lng = loadLanguage()
  void i18n.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    // React already escapes what it renders.
    interpolation: { escapeValue: false },
  })
  document.documentElement.lang = lng
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language
  })
  return i18n
}

export function changeLanguage(language: Language): void {
  saveLanguage(language)
  void i18n.changeLanguage(language)
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'fr'
}
