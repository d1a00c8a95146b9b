/**
 * The join form of a workshop: trades the link secret (`#k=…`) and a display
 * name for a session cookie (set by the server, HttpOnly).
 */
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { JoinBody, SessionResponse } from '../../shared/api'
import { COLLEGES, type CollegeId } from '../../shared/colleges'
import { api } from '../api'
import { apiErrorMessage } from '../apiErrorMessage'
import { currentLanguage } from '../i18n/i18n'
import { PageShell } from '../PageShell'
import { loadJoinProfile, saveJoinProfile } from './joinProfile'
import { forgetLinkKey } from './linkKey'

interface JoinPageProps {
  workshopId: string
  /** The link secret, or null when the page was opened without one. */
  linkKey: string | null
  onJoined(session: SessionResponse): void
}

export function JoinPage({ workshopId, linkKey, onJoined }: JoinPageProps) {
  const { t } = useTranslation()
  const [profile, setProfile] = useState(loadJoinProfile)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  if (!linkKey) {
    return (
      <PageShell>
        <section className="card" data-testid="join-no-key">
          <h1>{t('join.noKeyTitle')}</h1>
          <p>{t('join.noKey')}</p>
        </section>
      </PageShell>
    )
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const name = profile.name.trim()
    const organisation = profile.organisation.trim()
    if (!name) return setError(t('join.errors.nameMissing'))
    const body: JoinBody = { key: linkKey, name }
    if (organisation) body.organisation = organisation
    if (profile.college) body.college = profile.college
    setBusy(true)
    setError(null)
    try {
      const joined = await api.join(workshopId, body)
      saveJoinProfile({ name, organisation, college: profile.college })
      forgetLinkKey(workshopId)
      onJoined({
        participantId: joined.participantId,
        role: joined.role,
        name,
        organisation: organisation || null,
        college: profile.college || null,
        workshop: joined.workshop,
      })
    } catch (e) {
      const invalid = t('join.errors.invalidLink')
      setError(apiErrorMessage(t, e, { 403: invalid, 404: invalid }))
      setBusy(false)
    }
  }

  const lang = currentLanguage()
  return (
    <PageShell>
      <section className="card narrow">
        <h1>{t('join.title')}</h1>
        <p className="muted">{t('join.intro')}</p>
        <form onSubmit={submit} className="form" noValidate>
          <div className="field">
            <label htmlFor="join-name">{t('join.nameLabel')}</label>
            <input
              id="join-name"
              data-testid="join-name"
              type="text"
              autoComplete="name"
              required
              maxLength={80}
              placeholder={t('join.namePlaceholder')}
              value={profile.name}
              onChange={(e) => setProfile({ ...profile, name: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="join-organisation">{t('join.organisationLabel')}</label>
            <input
              id="join-organisation"
              data-testid="join-organisation"
              type="text"
              autoComplete="organization"
              maxLength={120}
              placeholder={t('join.organisationPlaceholder')}
              value={profile.organisation}
              onChange={(e) => setProfile({ ...profile, organisation: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="join-college">{t('join.collegeLabel')}</label>
            <select
              id="join-college"
              data-testid="join-college"
              value={profile.college}
              onChange={(e) => setProfile({ ...profile, college: e.target.value as CollegeId | '' })}
            >
              <option value="">{t('join.collegeNone')}</option>
              {COLLEGES.map((college) => (
                <option key={college.id} value={college.id}>
                  {college[lang]}
                </option>
              ))}
            </select>
          </div>
          {error && (
            <p className="error" role="alert" data-testid="join-error">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button primary" data-testid="join-submit" disabled={busy}>
              {busy ? t('join.submitting') : t('join.submit')}
            </button>
          </div>
        </form>
      </section>
    </PageShell>
  )
}
