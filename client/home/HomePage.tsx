/**
 * `/` — the instance admin creates a workshop and gets its three links.
 * Needs the admin token (from `#token=…` or typed in). A workshop may belong to
 * a démarche (picked or created here); a chantiers workshop of a démarche may
 * start from the enjeux of an earlier one.
 */
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CreateWorkshopResponse } from '../../shared/api'
import { RETENTION_DAYS, TEMPLATES, type Template } from '../../shared/workshop'
import { api } from '../api'
import { apiErrorMessage } from '../apiErrorMessage'
import { useClientConfig } from '../board/useClientConfig'
import { PageShell } from '../PageShell'
import { rememberAdminToken, takeAdminToken } from './adminToken'
import { ProcessFields } from './ProcessFields'
import { ProcessRoadmaps } from './ProcessRoadmaps'
import { retentionOptions } from './retention'
import { useProcesses } from './useProcesses'
import { WorkshopLinks } from './WorkshopLinks'

export function HomePage() {
  const { t } = useTranslation()
  // Read once: takeAdminToken also strips `#token=` from the address bar.
  const [token, setToken] = useState(takeAdminToken)
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState<Template>('enjeux')
  const [processId, setProcessId] = useState('')
  const [startFrom, setStartFrom] = useState('')
  // Null until the admin picks one: the form then shows the instance's default (GET /api/config).
  const [chosenRetention, setChosenRetention] = useState<number | null>(null)
  const config = useClientConfig()
  const defaultRetention = config?.defaultRetentionDays ?? RETENTION_DAYS.default
  const retentionDays = chosenRetention ?? defaultRetention
  const processes = useProcesses(token)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<CreateWorkshopResponse | null>(null)
  const [readerLinks, setReaderLinks] = useState<Record<string, string>>({})

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const cleanToken = token.trim()
    const cleanTitle = title.trim()
    if (!cleanToken) return setError(t('home.errors.tokenMissing'))
    if (!cleanTitle) return setError(t('home.errors.titleMissing'))
    setBusy(true)
    setError(null)
    try {
      const workshop = await api.createWorkshop(cleanToken, {
        title: cleanTitle,
        template,
        // Sent once known: the period stored is the one the admin saw selected. Before the
        // configuration arrives (an instant), nothing is sent and the server applies its default.
        ...(chosenRetention !== null || config ? { retentionDays } : {}),
        ...(processId ? { processId } : {}),
        ...(processId && template === 'chantiers' && startFrom ? { startFrom } : {}),
      })
      rememberAdminToken(cleanToken)
      setCreated(workshop)
      setTitle('')
      setStartFrom('')
      // The new workshop is now one of its démarche's: a later chantiers workshop may start from it.
      processes.reload()
    } catch (e) {
      setError(apiErrorMessage(t, e, { 401: t('home.errors.badToken') }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <section className="card">
        <h1>{t('home.title')}</h1>
        <p className="muted">{t('home.intro')}</p>
        <form onSubmit={submit} className="form" noValidate>
          <div className="field">
            <label htmlFor="home-token">{t('home.tokenLabel')}</label>
            <input
              id="home-token"
              data-testid="home-token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={token}
              onChange={(e) => setToken(e.target.value)}
              aria-describedby="home-token-help"
            />
            <small id="home-token-help" className="muted">
              {t('home.tokenHelp')}
            </small>
          </div>
          <div className="field">
            <label htmlFor="home-title">{t('home.titleLabel')}</label>
            <input
              id="home-title"
              data-testid="home-title"
              type="text"
              maxLength={200}
              required
              placeholder={t('home.titlePlaceholder')}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="home-template">{t('home.templateLabel')}</label>
            <select
              id="home-template"
              data-testid="home-template"
              value={template}
              onChange={(e) => setTemplate(e.target.value as Template)}
            >
              {TEMPLATES.map((id) => (
                <option key={id} value={id}>
                  {t(`templates.${id}`)}
                </option>
              ))}
            </select>
          </div>
          <ProcessFields
            token={token}
            template={template}
            processes={processes.state}
            processId={processId}
            onProcessId={setProcessId}
            startFrom={startFrom}
            onStartFrom={setStartFrom}
            onProcessCreated={(p) => {
              processes.add(p)
              setProcessId(p.id)
              setReaderLinks((links) => ({ ...links, [p.id]: new URL(p.links.reader, window.location.origin).href }))
            }}
          />
          <div className="field">
            <label htmlFor="home-retention">{t('home.retentionLabel')}</label>
            <select
              id="home-retention"
              data-testid="home-retention"
              value={retentionDays}
              onChange={(e) => setChosenRetention(Number(e.target.value))}
              aria-describedby="home-retention-help"
            >
              {retentionOptions(defaultRetention).map(({ days, months, isDefault }) => {
                const period =
                  months === null
                    ? t('home.retentionDays', { count: days })
                    : t('home.retentionMonths', { count: months })
                return (
                  <option key={days} value={days}>
                    {isDefault ? t('home.retentionDefault', { period }) : period}
                  </option>
                )
              })}
            </select>
            <small id="home-retention-help" className="muted">
              {t('home.retentionHelp')}
            </small>
          </div>
          {error && (
            <p className="error" role="alert" data-testid="home-error">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button primary" data-testid="home-create" disabled={busy}>
              {busy ? t('home.creating') : t('home.create')}
            </button>
          </div>
        </form>
      </section>
      {created && <WorkshopLinks workshop={created} />}
      <ProcessRoadmaps
        token={token}
        processes={processes.state}
        created={readerLinks}
        onLinkRotated={(workshopId, role, link) =>
          // The card of the workshop created here must not keep showing the link that no longer works.
          setCreated((c) => (c?.id === workshopId ? { ...c, links: { ...c.links, [role]: link } } : c))
        }
        onWorkshopDeleted={(workshopId) => {
          processes.removeWorkshop(workshopId)
          setCreated((c) => (c?.id === workshopId ? null : c))
        }}
      />
    </PageShell>
  )
}
