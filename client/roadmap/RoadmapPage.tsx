/**
 * `/d/<processId>`: a démarche's roadmap. Opened from its reader link
 * (`#k=<secret>`, taken out of the address bar at once, then traded for the
 * reader cookie), from a workshop (its session reads its démarche's roadmap)
 * or from the admin's home page (the admin token this tab remembers).
 *
 * Loaded on its own (main.tsx): nothing here imports the board, so tldraw's
 * bundle is never fetched for readers.
 */
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RoadmapVersionSummary } from '../../shared/roadmap/roadmapApi'
import type { RoadmapVersion } from '../../shared/roadmap/roadmapSchema'
import { ApiRequestError } from '../api'
import { apiErrorMessage } from '../apiErrorMessage'
import { takeAdminToken } from '../home/adminToken'
import { forgetLinkKey, takeLinkKey } from '../join/linkKey'
import { PageShell } from '../PageShell'
import { RoadmapView } from './RoadmapView'
import { type RoadmapClient, roadmapClient } from './roadmapClient'
import './roadmap.css'

type State =
  | { kind: 'loading' }
  /** No reader cookie, no session of the démarche's workshops, no admin token: a link is needed. */
  | { kind: 'noAccess' }
  | { kind: 'invalidLink' }
  | { kind: 'empty' }
  | { kind: 'error'; error: unknown }
  | {
      kind: 'ready'
      client: RoadmapClient
      token: string | null
      roadmap: RoadmapVersion
      versions: RoadmapVersionSummary[]
    }

const refused = (e: unknown) => e instanceof ApiRequestError && (e.status === 401 || e.status === 403)

export function RoadmapPage({ processId }: { processId: string }) {
  const { t } = useTranslation()
  // Taken before anything else so the secret leaves the address bar at once.
  const [linkKey] = useState(() => takeLinkKey(processId))
  const [adminToken] = useState(() => takeAdminToken().trim() || null)
  const [state, setState] = useState<State>({ kind: 'loading' })

  useEffect(() => {
    const abort = new AbortController()
    const load = async () => {
      if (linkKey) {
        try {
          await roadmapClient(processId).join(linkKey)
          forgetLinkKey(processId)
        } catch (e) {
          if (abort.signal.aborted) return
          if (refused(e)) forgetLinkKey(processId)
          return setState(refused(e) ? { kind: 'invalidLink' } : { kind: 'error', error: e })
        }
      }
      // The browser's cookies first; the admin token when they are not enough.
      for (const token of adminToken ? [null, adminToken] : [null]) {
        const client = roadmapClient(processId, token ?? undefined)
        try {
          const [roadmap, versions] = await Promise.all([client.latest(abort.signal), client.versions(abort.signal)])
          return setState({ kind: 'ready', client, token, roadmap, versions })
        } catch (e) {
          if (abort.signal.aborted) return
          if (e instanceof ApiRequestError && e.code === 'no_roadmap') return setState({ kind: 'empty' })
          if (!refused(e)) return setState({ kind: 'error', error: e })
        }
      }
      setState({ kind: 'noAccess' })
    }
    void load()
    return () => abort.abort()
  }, [processId, linkKey, adminToken])

  useEffect(() => {
    const nom = state.kind === 'ready' ? state.roadmap.demarche.nom : null
    document.title = nom
      ? `${t('roadmap.title')} — ${nom} — ${t('app.name')}`
      : `${t('roadmap.title')} — ${t('app.name')}`
  }, [state, t])

  const pick = useCallback(
    async (versionId: string) => {
      if (state.kind !== 'ready') return
      const roadmap = await state.client.version(versionId)
      setState({ ...state, roadmap })
    },
    [state],
  )

  switch (state.kind) {
    case 'loading':
      return <Notice testId="roadmap-loading" text={t('roadmap.loading')} />
    case 'noAccess':
      return <Notice testId="roadmap-no-access" title={t('roadmap.noAccessTitle')} text={t('roadmap.noAccess')} />
    case 'invalidLink':
      return <Notice testId="roadmap-invalid-link" title={t('roadmap.noAccessTitle')} text={t('roadmap.invalidLink')} />
    case 'empty':
      return <Notice testId="roadmap-empty" title={t('roadmap.emptyTitle')} text={t('roadmap.empty')} />
    case 'error':
      return (
        <Notice testId="roadmap-error" text={apiErrorMessage(t, state.error, { 404: t('roadmap.notFound') })} alert />
      )
    case 'ready':
      return (
        <PageShell>
          <RoadmapView
            roadmap={state.roadmap}
            versions={state.versions}
            client={state.client}
            token={state.token}
            onPick={pick}
          />
        </PageShell>
      )
  }
}

function Notice({ title, text, testId, alert }: { title?: string; text: string; testId: string; alert?: boolean }) {
  return (
    <PageShell>
      <section className="card narrow" data-testid={testId}>
        {title && <h1>{title}</h1>}
        <p className={alert ? 'error' : undefined} role={alert ? 'alert' : 'status'}>
          {text}
        </p>
      </section>
    </PageShell>
  )
}
