/**
 * The workshop board: a full-viewport tldraw canvas bound to the workshop's
 * Yjs document, under a thin top bar.
 *
 * Everything tldraw loads (fonts, icons, translations) comes from our own
 * origin through `assetUrls`; the "Made with tldraw" watermark stays (it is the
 * condition of tldraw 3.15's licence without a key).
 */
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Editor, Tldraw } from 'tldraw'
import 'tldraw/tldraw.css'
import type { SessionResponse } from '../../shared/api'
import { canWriteBoard, writesLockedBoard } from '../../shared/roles'
import { useControl } from '../facilitation/useControl'
import { WorkshopBar } from '../facilitation/WorkshopBar'
import { useConnectionState } from '../sync/useConnectionState'
import { ResultsPanel } from '../voting/ResultsPanel'
import { BoardTopBar } from './BoardTopBar'
import { boardComponents } from './boardComponents'
import './chantier/chantier.css'
import { boardShapeUtils, boardTools } from './chantier/boardShapes'
import { ChantierPanel } from './chantier/ChantierPanel'
import { chantierUiOverrides } from './chantier/chantierUi'
import { useDraftsConnections } from './drafts/useDraftsConnections'
import { FatalNotice } from './FatalNotice'
import {
  MAX_IMAGE_BYTES,
  MAX_IMAGE_DIMENSION,
  registerSelfContainedContent,
  selfContainedUiOverrides,
} from './selfContainedContent'
import { SynthesisPanel } from './synthesis/SynthesisPanel'
import { frameTemplate } from './templateView'
import { exposeTestHook } from './testHook'
import { useBoardConnection } from './useBoardConnection'
import { useBoardUser } from './useBoardUser'
import { useClientConfig } from './useClientConfig'
import { useFocusFromUrl } from './useFocusFromUrl'
import { useLeaveWarning } from './useLeaveWarning'
import { useYjsStore } from './useYjsStore'
import { WorkshopContext, workshopContextValue } from './workshopContext'

const assetUrls = getAssetUrlsByImport()
const NO_EMBEDS: [] = []
const uiOverrides = [selfContainedUiOverrides, chantierUiOverrides]

export interface BoardPageProps {
  session: SessionResponse
  /** The session is gone (revoked, expired): back to the join page. */
  onSessionLost(): void
  /** The person erased their own name (« Effacer mon nom et quitter »): the page says it is done. */
  onErased(): void
}

export function BoardPage({ session, onSessionLost, onErased }: BoardPageProps) {
  const { t } = useTranslation()
  const workshopId = session.workshop.id
  const canWrite = canWriteBoard(session.role)
  const connection = useBoardConnection(workshopId)
  const control = useControl(workshopId)
  const drafts = useDraftsConnections(session, control.state?.privateWriting ?? null)
  const workshop = useMemo(() => workshopContextValue(session, control), [session, control])
  const connectionState = useConnectionState(connection?.provider ?? null, workshopId)
  const config = useClientConfig()
  const { presenceUser, tldrawUser } = useBoardUser(session)
  const [notShared, setNotShared] = useState(false)
  const [editor, setEditor] = useState<Editor | null>(null)
  useLeaveWarning(connection)
  useFocusFromUrl(editor)

  const storeWithStatus = useYjsStore({
    connection,
    canWrite,
    // A refused connection will not sync anything any more, and the server refuses
    // participants' writes while the board is locked: stop editing into the void.
    readOnly:
      !canWrite ||
      connectionState.phase === 'refused' ||
      (control.state?.locked === true && !writesLockedBoard(session.role)),
    online: connectionState.phase === 'connected',
    user: presenceUser,
    onRejected: () => setNotShared(true),
    drafts,
    privateWriting: control.state?.privateWriting.active === true,
  })

  useEffect(() => {
    if (!notShared) return
    const timer = setTimeout(() => setNotShared(false), 8000)
    return () => clearTimeout(timer)
  }, [notShared])

  useEffect(() => {
    document.title = `${session.workshop.title} — ${t('app.name')}`
  }, [session.workshop.title, t])

  const onMount = useCallback(
    (editor: Editor) => {
      registerSelfContainedContent(editor)
      if (!canWrite) editor.updateInstanceState({ isReadonly: true })
      const stopFraming = frameTemplate(editor)
      setEditor(editor)
      const disposeHook = connection
        ? exposeTestHook({ editor, doc: connection.doc, provider: connection.provider })
        : undefined
      return () => {
        stopFraming()
        disposeHook?.()
        setEditor((current) => (current === editor ? null : current))
      }
    },
    [canWrite, connection],
  )

  const ready = storeWithStatus.status === 'synced-remote' && config !== undefined
  return (
    <WorkshopContext.Provider value={workshop}>
      <div className="board-page">
        <BoardTopBar session={session} connection={connectionState} onErased={onErased} />
        <WorkshopBar editor={editor} connection={connection} />
        {connectionState.fatal && <FatalNotice reason={connectionState.fatal} onRejoin={onSessionLost} />}
        {connectionState.tooBig && connectionState.phase !== 'connected' && (
          <div className="board-notice warning" role="alert">
            {t('connection.tooBig')}
          </div>
        )}
        {notShared && (
          <div className="board-notice warning" role="alert" data-testid="not-shared">
            {t('board.notShared')}
          </div>
        )}
        <main className="board-canvas">
          {ready ? (
            <Tldraw
              key={storeWithStatus.store.id}
              store={storeWithStatus}
              user={tldrawUser}
              assetUrls={assetUrls}
              licenseKey={config.tldrawLicenseKey ?? undefined}
              embeds={NO_EMBEDS}
              shapeUtils={boardShapeUtils}
              tools={boardTools}
              components={boardComponents}
              overrides={uiOverrides}
              maxAssetSize={MAX_IMAGE_BYTES}
              maxImageDimension={MAX_IMAGE_DIMENSION}
              onMount={onMount}
            />
          ) : (
            <div className="centered" role="status" data-testid="board-loading">
              {t('board.loading')}
            </div>
          )}
          {ready && editor && <ChantierPanel editor={editor} />}
          {ready && editor && <ResultsPanel editor={editor} />}
          {ready && editor && <SynthesisPanel editor={editor} />}
        </main>
      </div>
    </WorkshopContext.Provider>
  )
}
