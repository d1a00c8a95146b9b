/**
 * `/w/<workshopId>`: an existing session goes straight to the board; without
 * one, the join form (which needs the link secret from `#k=…`).
 */
import { lazy, Suspense, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionResponse } from '../../shared/api'
import { ApiRequestError, api } from '../api'
import { apiErrorMessage } from '../apiErrorMessage'
import { JoinPage } from '../join/JoinPage'
import { forgetLinkKey, takeLinkKey } from '../join/linkKey'
import { PageShell } from '../PageShell'

// tldraw is most of the bundle: only load it once someone is on a board.
const BoardPage = lazy(() => import('../board/BoardPage').then((m) => ({ default: m.BoardPage })))

type State =
  | { kind: 'checking' }
  | { kind: 'join' }
  | { kind: 'board'; session: SessionResponse }
  | { kind: 'error'; error: unknown }

export function WorkshopPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation()
  // Taken before anything else so the secret leaves the address bar at once.
  const [linkKey] = useState(() => takeLinkKey(workshopId))
  const [state, setState] = useState<State>({ kind: 'checking' })

  useEffect(() => {
    const abort = new AbortController()
    api.session(workshopId, abort.signal).then(
      (session) => {
        forgetLinkKey(workshopId)
        setState({ kind: 'board', session })
      },
      (e: unknown) => {
        if (abort.signal.aborted) return
        // 401: no (valid) session yet; 403: the session's access was revoked — both need a link.
        if (e instanceof ApiRequestError && (e.status === 401 || e.status === 403)) setState({ kind: 'join' })
        else setState({ kind: 'error', error: e })
      },
    )
    return () => abort.abort()
  }, [workshopId])

  switch (state.kind) {
    case 'checking':
      return <Centered text={t('workshop.checking')} />
    case 'join':
      return (
        <JoinPage
          workshopId={workshopId}
          linkKey={linkKey}
          onJoined={(session) => setState({ kind: 'board', session })}
        />
      )
    case 'board':
      return (
        <Suspense fallback={<Centered text={t('board.loading')} />}>
          <BoardPage session={state.session} onSessionLost={() => setState({ kind: 'join' })} />
        </Suspense>
      )
    case 'error':
      return (
        <PageShell>
          <section className="card narrow">
            <p className="error" role="alert">
              {apiErrorMessage(t, state.error, { 404: t('workshop.notFound') })}
            </p>
          </section>
        </PageShell>
      )
  }
}

function Centered({ text }: { text: string }) {
  return (
    <div className="centered" role="status">
      {text}
    </div>
  )
}
