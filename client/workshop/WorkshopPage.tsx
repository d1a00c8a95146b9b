/**
 * `/w/<workshopId>` and `/w/<workshopId>/liste`: an existing session goes
 * straight to the board; without one, the join form (which needs the link
 * secret from `#k=…`). Then the canvas or the list view: the list at
 * `/liste`, and at `/w/<id>` on a phone or wherever it was last chosen
 * (list/viewChoice.ts) — the address then says `/liste`. A deleted workshop
 * (404) says it no longer exists; after « Effacer mon nom et quitter », that
 * it is done (WorkshopEnded.tsx).
 */
import { lazy, Suspense, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionResponse } from '../../shared/api'
import { ApiRequestError, api } from '../api'
import { apiErrorMessage } from '../apiErrorMessage'
import { JoinPage } from '../join/JoinPage'
import { forgetJoinProfile } from '../join/joinProfile'
import { forgetLinkKey, takeLinkKey } from '../join/linkKey'
import { chosenView, isSmallScreen, listPath, viewFor, type WorkshopView } from '../list/viewChoice'
import { PageShell } from '../PageShell'
import { NameErased, WorkshopGone } from './WorkshopEnded'

// tldraw is most of the bundle: only load it once someone is on a board.
const BoardPage = lazy(() => import('../board/BoardPage').then((m) => ({ default: m.BoardPage })))
// The list view: its own small chunk, without tldraw (a phone on a slow network opens it quickly).
const ListPage = lazy(() => import('../list/ListPage').then((m) => ({ default: m.ListPage })))

type State =
  | { kind: 'checking' }
  | { kind: 'join' }
  | { kind: 'board'; session: SessionResponse }
  | { kind: 'gone' }
  | { kind: 'erased'; title: string }
  | { kind: 'error'; error: unknown }

export interface WorkshopPageProps {
  workshopId: string
  /** The address asked for the list view (`/liste`); otherwise this device's choice decides. */
  list?: boolean
}

export function WorkshopPage({ workshopId, list = false }: WorkshopPageProps) {
  const { t } = useTranslation()
  const [view] = useState<WorkshopView>(() => (list ? 'list' : viewFor(chosenView(), isSmallScreen())))
  // Taken before anything else so the secret leaves the address bar at once.
  const [linkKey] = useState(() => takeLinkKey(workshopId))
  const [state, setState] = useState<State>({ kind: 'checking' })
  // A session lost on the board is checked again: a deleted workshop then says so instead of asking for a link.
  const [check, setCheck] = useState(0)
  const recheck = () => {
    setState({ kind: 'checking' })
    setCheck((n) => n + 1)
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `check` asks the server again
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
        // 404: the workshop is gone (deleted), whatever session this browser held.
        else if (e instanceof ApiRequestError && e.status === 404) setState({ kind: 'gone' })
        else setState({ kind: 'error', error: e })
      },
    )
    return () => abort.abort()
  }, [workshopId, check])

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
    case 'board': {
      const erased = () => {
        // This device forgets the name too (the join form would offer it again).
        forgetJoinProfile()
        setState({ kind: 'erased', title: state.session.workshop.title })
      }
      return view === 'list' ? (
        <Suspense fallback={<Centered text={t('list.loading')} />}>
          <ListAddress workshopId={workshopId} />
          <ListPage session={state.session} onSessionLost={recheck} onErased={erased} />
        </Suspense>
      ) : (
        <Suspense fallback={<Centered text={t('board.loading')} />}>
          <BoardPage session={state.session} onSessionLost={recheck} onErased={erased} />
        </Suspense>
      )
    }
    case 'gone':
      return <WorkshopGone />
    case 'erased':
      return <NameErased title={state.title} />
    case 'error':
      return (
        <PageShell>
          <section className="card narrow">
            <p className="error" role="alert">
              {apiErrorMessage(t, state.error)}
            </p>
          </section>
        </PageShell>
      )
  }
}

/** The list shown at `/w/<id>` (a phone): the address says so, and a reload or a shared link opens it again. */
function ListAddress({ workshopId }: { workshopId: string }) {
  useEffect(() => {
    const path = listPath(workshopId)
    if (window.location.pathname !== path) window.history.replaceState(null, '', path)
  }, [workshopId])
  return null
}

function Centered({ text }: { text: string }) {
  return (
    <div className="centered" role="status">
      {text}
    </div>
  )
}
