/**
 * `/w/<workshopId>/liste`: the board's accessible twin (issue 5) — the same
 * board document as the canvas, read and written without tldraw, for phones,
 * keyboards and screen readers.
 *
 * - It opens what the canvas opens: the board (presence published with the
 *   person's name, so canvas users see who is here — no cursor), the control
 *   document, and the drafts documents of private writing
 *   (useDraftsConnections: a participant's own; a facilitator's read-only
 *   view of everyone's).
 * - What it shows is the board model, derived live by the server's own
 *   function (deriveBoardModel) from the records it gathers (listRecords.ts).
 * - What it writes goes through listWriter.ts, each record valid for the
 *   server and routed as the canvas routes it; a participant writes nothing
 *   while the board is locked, an observer never. A write that raced the
 *   lock is refused by the server (4423) and the board is opened afresh from
 *   the server's state (useBoardConnection → useRebuildingConnection).
 *
 * Nothing here imports tldraw (its editor, CSS or assets): this page is a
 * small chunk of its own, and a phone on a slow network opens it quickly.
 */
import type { TLRecord } from '@tldraw/tlschema'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionResponse } from '../../shared/api'
import { deriveBoardModel } from '../../shared/model/boardModel'
import { PAGE_ID } from '../../shared/model/shapeRecords'
import { zoneAreas } from '../../shared/model/templateMeta'
import { canWriteBoard, writesLockedBoard } from '../../shared/roles'
import { useDraftsConnections } from '../board/drafts/useDraftsConnections'
import { FatalNotice } from '../board/FatalNotice'
import { modelVote } from '../board/modelVote'
import { useBoardConnection } from '../board/useBoardConnection'
import { useLeaveWarning } from '../board/useLeaveWarning'
import { userColor } from '../board/userColor'
import { WorkshopContext, workshopContextValue } from '../board/workshopContext'
import { useControl } from '../facilitation/useControl'
import type { BoardConnection } from '../sync/boardConnection'
import { useConnectionState } from '../sync/useConnectionState'
import { AddNoteForm } from './AddNoteForm'
import { ChantierSection } from './ChantierSection'
import { ListFacilitation } from './ListFacilitation'
import { ListHeader } from './ListHeader'
import { ListStatus } from './ListStatus'
import { ListVote } from './ListVote'
import { LiveRegion, useAnnouncer } from './LiveRegion'
import { ListContext, type ListContextValue, type ListEdit, type NotePlace } from './listContext'
import { gatherRecords } from './listRecords'
import { createListWriter, type WriteResult } from './listWriter'
import { NoteSections } from './NoteSections'
import { useListAnnouncements } from './useListAnnouncements'
import { useRecordEntries } from './useRecordEntries'
import './list.css'

export interface ListPageProps {
  session: SessionResponse
  /** The session is gone (revoked, expired): back to the join page. */
  onSessionLost(): void
  /** The person erased their own name (« Effacer mon nom et quitter »): the page says it is done. */
  onErased(): void
}

export function ListPage({ session, onSessionLost, onErased }: ListPageProps) {
  const { t } = useTranslation()
  const workshopId = session.workshop.id
  const connection = useBoardConnection(workshopId)
  const control = useControl(workshopId)
  const drafts = useDraftsConnections(session, control.state?.privateWriting ?? null)
  const workshop = useMemo(() => workshopContextValue(session, control), [session, control])
  const connectionState = useConnectionState(connection?.provider ?? null, workshopId)
  const { message, announce } = useAnnouncer()
  useLeaveWarning(connection)
  usePresence(connection, session)

  const docs = useMemo(() => [connection, drafts.own, ...drafts.others], [connection, drafts.own, drafts.others])
  const entries = useRecordEntries(docs)
  const records = useMemo(() => {
    const [board, own, ...others] = entries
    return gatherRecords(
      board?.entries ?? new Map(),
      drafts.own ? (own?.entries ?? null) : null,
      others.map((o) => o.entries),
    )
  }, [entries, drafts.own])
  const loaded = entries[0]?.synced === true
  const vote = modelVote(control.state)
  const voteJson = JSON.stringify(vote)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the vote is compared by content (the control document is read anew on every change)
  const model = useMemo(() => deriveBoardModel(records.shapes, vote), [records, voteJson])

  const state = control.state
  const privateNotes = drafts.own !== null && state?.privateWriting.active === true
  const lockedOut = state?.locked === true && !writesLockedBoard(session.role)
  const writable =
    canWriteBoard(session.role) && loaded && connection !== null && connectionState.phase !== 'refused' && !lockedOut

  // Read at write time: the writer always sees what the page shows now.
  const current = useRef({ records, privateNotes })
  current.current = { records, privateNotes }
  const writer = useMemo(
    () =>
      connection && canWriteBoard(session.role)
        ? createListWriter({
            board: connection.doc,
            own: drafts.own?.doc ?? null,
            view: () => current.current.records,
            privateNotes: () => current.current.privateNotes,
          })
        : null,
    [connection, drafts.own, session.role],
  )
  const written = useMemo(() => new Set<string>(), [])
  const edit = useMemo<ListEdit | null>(() => {
    if (!writable || !writer) return null
    const outcome = (result: WriteResult) => {
      if (result.ok) return true
      announce(t(result.reason === 'private' ? 'list.announce.private' : 'list.announce.invalid'))
      return false
    }
    return {
      put(list: readonly TLRecord[]) {
        for (const r of list) written.add(r.id)
        return outcome(writer.put(list))
      },
      remove: (ids) => outcome(writer.remove(ids)),
    }
  }, [writable, writer, written, announce, t])

  useListAnnouncements({ model, loaded, written, phase: state?.phase ?? null, connection, announce })

  const [focusTarget, setFocusTarget] = useState<string | null>(null)
  useEffect(() => {
    if (!focusTarget) return
    const element = document.getElementById(focusTarget)
    if (!element) return
    element.focus()
    setFocusTarget(null)
  })

  const hasParking = useMemo(() => zoneAreas(records.shapes, 'parking').length > 0, [records])
  const places = useMemo<NotePlace[]>(
    () => [
      { key: 'loose', label: t('list.places.loose'), destination: { kind: 'loose' } },
      ...model.enjeux.map(
        (e): NotePlace => ({
          key: `enjeu:${e.id}`,
          label: e.titre || t('list.enjeux.untitled'),
          destination: { kind: 'enjeu', enjeuId: e.id },
        }),
      ),
      ...(hasParking
        ? [{ key: 'parking', label: t('list.places.parking'), destination: { kind: 'parking' } } as NotePlace]
        : []),
    ],
    [model.enjeux, hasParking, t],
  )

  const list = useMemo<ListContextValue>(
    () => ({
      model,
      records,
      // A board always has its page (the server lays out every template): PAGE_ID is tldraw's default one.
      board: { pageId: records.pageId ?? PAGE_ID, shapes: records.shapes },
      edit,
      me: session.participantId,
      privateNotes,
      places,
      announce,
      focusWhenShown: setFocusTarget,
    }),
    [model, records, edit, session.participantId, privateNotes, places, announce],
  )

  useEffect(() => {
    document.title = t('list.documentTitle', { title: session.workshop.title })
  }, [session.workshop.title, t])

  return (
    <WorkshopContext.Provider value={workshop}>
      <ListContext.Provider value={list}>
        <div className="list-page" data-testid="list-page">
          <ListHeader session={session} onErased={onErased} />
          <ListStatus connection={connectionState} />
          {connectionState.fatal && <FatalNotice reason={connectionState.fatal} onRejoin={onSessionLost} />}
          {connectionState.tooBig && connectionState.phase !== 'connected' && (
            <p className="board-notice warning" role="alert">
              {t('connection.tooBig')}
            </p>
          )}
          <main className="list-main" data-testid="list-main" aria-busy={!loaded}>
            {session.role === 'facilitator' && <ListFacilitation />}
            {!loaded ? (
              <p className="list-loading" role="status" data-testid="list-loading">
                {t('list.loading')}
              </p>
            ) : (
              <>
                {session.role === 'observer' && <p className="list-readonly">{t('list.readOnly.observer')}</p>}
                {lockedOut && <p className="list-readonly">{t('list.readOnly.locked')}</p>}
                <ListVote />
                {edit && <AddNoteForm />}
                <NoteSections />
                <ChantierSection />
              </>
            )}
            <LiveRegion message={message} />
          </main>
        </div>
      </ListContext.Provider>
    </WorkshopContext.Provider>
  )
}

/**
 * Our presence on the board: our name and colour (canvas users see who is
 * here), no cursor — the server checks that it names us.
 */
function usePresence(connection: BoardConnection | null, session: SessionResponse): void {
  useEffect(() => {
    if (!connection) return
    const id = session.participantId
    connection.provider.awareness.setLocalState({ user: { id, name: session.name, color: userColor(id) } })
  }, [connection, session.participantId, session.name])
}
