/**
 * What the list view announces by itself, politely (LiveRegion): notes that
 * someone else added (one by its text, several by their number), a new
 * phase, and a write the server refused because the board was locked
 * meanwhile. What the person does here is announced where it is done.
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Phase } from '../../shared/control'
import type { BoardModel } from '../../shared/model/boardModel'
import { CloseCodes } from '../../shared/protocol'
import type { BoardConnection } from '../sync/boardConnection'

export interface ListAnnouncementsOptions {
  model: BoardModel
  /** The board's first sync arrived: what is there then is not news. */
  loaded: boolean
  /** Ids of the records written from this page. */
  written: ReadonlySet<string>
  phase: Phase | null
  connection: BoardConnection | null
  announce(text: string): void
}

export function useListAnnouncements({
  model,
  loaded,
  written,
  phase,
  connection,
  announce,
}: ListAnnouncementsOptions) {
  const { t } = useTranslation()

  const known = useRef<Set<string> | null>(null)
  useEffect(() => {
    if (!loaded) return
    const ids = new Set(model.notes.map((n) => n.id))
    const before = known.current
    known.current = ids
    if (!before) return
    const arrived = model.notes.filter((n) => !before.has(n.id) && !written.has(n.id))
    const [first] = arrived
    if (!first) return
    announce(
      arrived.length === 1
        ? t('list.announce.newNote', { text: first.texte || t('list.note.untitled') })
        : t('list.announce.newNotes', { count: arrived.length }),
    )
  }, [model, loaded, written, announce, t])

  const lastPhase = useRef<Phase | null>(null)
  useEffect(() => {
    if (!phase) return
    const before = lastPhase.current
    lastPhase.current = phase
    if (before && before !== phase) announce(t('list.announce.phase', { phase: t(`facilitation.phase.${phase}`) }))
  }, [phase, announce, t])

  useEffect(() => {
    if (!connection) return
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CloseCodes.boardLocked.code) announce(t('facilitation.lock.writeRefused'))
    }
    connection.provider.on('connection-close', onClose)
    return () => connection.provider.off('connection-close', onClose)
  }, [connection, announce, t])
}
