/**
 * `/accessibilite`: the déclaration d'accessibilité, laid out as the RGAA's
 * model statement (état de conformité, résultats des tests, contenus non
 * accessibles, établissement, retour d'information et contact, voies de
 * recours), and what the board and its list view support.
 *
 * Loaded on its own (main.tsx), without tldraw. The contact is the deployer's
 * (ATELIER_ACCESSIBILITY_CONTACT, through GET /api/config).
 */
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useClientConfig } from '../board/useClientConfig'
import { PageShell } from '../PageShell'
import './accessibility.css'
import { TESTED_WITH } from './testedWith'

/** The day this statement was last reviewed against the tests it describes. */
const STATEMENT_DATE = new Date('2026-12-02T12:00:00Z')

/** The Défenseur des droits: proper names, a postal address and addresses of its site, the same in every language. */
const DEFENSEUR = {
  form: 'https://formulaire.defenseurdesdroits.fr/',
  delegates: 'https://www.defenseurdesdroits.fr/saisir/delegues',
  address: ['Défenseur des droits', 'Libre réponse 71120', '75342 Paris CEDEX 07'],
}

const AXE_PAGES = ['home', 'join', 'board', 'personalData', 'roadmap', 'statement'] as const

export function AccessibilityPage() {
  const { t, i18n } = useTranslation()
  const config = useClientConfig()
  useEffect(() => {
    document.title = `${t('accessibility.title')} — ${t('app.name')}`
  }, [t])
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(
    STATEMENT_DATE,
  )

  return (
    <PageShell>
      <article className="card statement" data-testid="statement">
        <h1>{t('accessibility.title')}</h1>
        <p>{t('accessibility.commitment')}</p>
        <p>{t('accessibility.scope')}</p>

        <section aria-labelledby="statement-status">
          <h2 id="statement-status">{t('accessibility.status.title')}</h2>
          <p className="statement__status" data-testid="statement-status">
            {t('accessibility.status.text')}
          </p>
          <p>{t('accessibility.status.why')}</p>
          <p>{t('accessibility.status.selfAssessed')}</p>
        </section>

        <section aria-labelledby="statement-support">
          <h2 id="statement-support">{t('accessibility.support.title')}</h2>
          <p>{t('accessibility.support.canvas')}</p>
          <p>{t('accessibility.support.list')}</p>
        </section>

        <section aria-labelledby="statement-results">
          <h2 id="statement-results">{t('accessibility.results.title')}</h2>
          <p>{t('accessibility.results.checked')}</p>
          <ul>
            <li>
              {t('accessibility.results.axe', { date })}
              {/* What the browser tests measured that day (their `figure: axe …` lines): accessibility.spec.ts, and erasure.spec.ts and linkRotation.spec.ts for personal data. */}
              <ul data-testid="statement-axe">
                {AXE_PAGES.map((page) => (
                  <li key={page}>{t(`accessibility.results.axePages.${page}`)}</li>
                ))}
              </ul>
            </li>
            <li>{t('accessibility.results.keyboard')}</li>
            <li>{t('accessibility.results.zoom')}</li>
            <li>{t('accessibility.results.contrast')}</li>
          </ul>
          <p>{t('accessibility.results.notChecked')}</p>
          <ul>
            <li>{t('accessibility.results.noAudit')}</li>
            <li>{t('accessibility.results.noAssistiveTech')}</li>
            <li>{t('accessibility.results.exports')}</li>
            <li>{t('accessibility.results.limits')}</li>
          </ul>
        </section>

        <section aria-labelledby="statement-content">
          <h2 id="statement-content">{t('accessibility.content.title')}</h2>
          <h3>{t('accessibility.content.nonCompliant')}</h3>
          <ul>
            <li>{t('accessibility.content.canvas')}</li>
            <li>{t('accessibility.content.presence')}</li>
            <li>{t('accessibility.content.dots')}</li>
            <li>{t('accessibility.content.chart')}</li>
            <li>{t('accessibility.content.canvasOnly')}</li>
          </ul>
          <h3>{t('accessibility.content.derogations')}</h3>
          <p>{t('accessibility.content.derogationsNone')}</p>
          <h3>{t('accessibility.content.exempt')}</h3>
          <p>{t('accessibility.content.exemptText')}</p>
        </section>

        <section aria-labelledby="statement-establishment">
          <h2 id="statement-establishment">{t('accessibility.establishment.title')}</h2>
          <p data-testid="statement-date">{t('accessibility.establishment.date', { date })}</p>
          <h3>{t('accessibility.establishment.technologies')}</h3>
          <p>{t('accessibility.establishment.technologiesText')}</p>
          <h3>{t('accessibility.establishment.environment')}</h3>
          <p data-testid="statement-environment">{t('accessibility.establishment.environmentText', TESTED_WITH)}</p>
          <h3>{t('accessibility.establishment.tools')}</h3>
          <p>{t('accessibility.establishment.toolsText')}</p>
          <h3>{t('accessibility.establishment.pages')}</h3>
          <p>{t('accessibility.establishment.pagesText')}</p>
        </section>

        <section aria-labelledby="statement-feedback">
          <h2 id="statement-feedback">{t('accessibility.feedback.title')}</h2>
          <p>{t('accessibility.feedback.text')}</p>
          <p data-testid="statement-contact">
            {config === undefined ? (
              t('accessibility.feedback.loading')
            ) : config.accessibilityContact ? (
              <>
                {t('accessibility.feedback.contact')} <Contact value={config.accessibilityContact} />
              </>
            ) : (
              t('accessibility.feedback.noContact')
            )}
          </p>
        </section>

        <section aria-labelledby="statement-remedies">
          <h2 id="statement-remedies">{t('accessibility.remedies.title')}</h2>
          <p>{t('accessibility.remedies.text')}</p>
          <ul>
            <li>
              <a href={DEFENSEUR.form}>{t('accessibility.remedies.form')}</a>
            </li>
            <li>
              <a href={DEFENSEUR.delegates}>{t('accessibility.remedies.delegate')}</a>
            </li>
            <li>
              {t('accessibility.remedies.mail')}
              <address className="statement__address" data-testid="statement-address">
                {DEFENSEUR.address.map((line) => (
                  <span key={line}>{line}</span>
                ))}
              </address>
            </li>
          </ul>
        </section>
      </article>
    </PageShell>
  )
}

/** The deployer's contact as written: an e-mail address or a web address becomes a link, anything else stays text. */
function Contact({ value }: { value: string }) {
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return <a href={`mailto:${value}`}>{value}</a>
  if (/^https?:\/\/\S+$/.test(value)) return <a href={value}>{value}</a>
  return <span>{value}</span>
}
