/**
 * The drafts documents a board page opens (private writing, issue 3 §3):
 * - a participant always opens their own, read-write, so the notes they wrote
 *   in private show again after a reload;
 * - a facilitator opens, read-only, the drafts of every author the server
 *   lists (GET …/private-writing/authors), asked again whenever the published
 *   counts change. An opened drafts document stays open until the page is
 *   left: once revealed it is empty and simply shows nothing.
 * Observers open none (the server would refuse them).
 *
 * If the server closes the own drafts because the board is locked (4423), that
 * copy holds a refused write: it is replaced by a fresh one from the server's
 * state, as the board's is (useRebuildingConnection).
 */
import { useEffect, useState } from 'react'
import type { SessionResponse } from '../../../shared/api'
import { draftsDocName } from '../../../shared/boardDoc'
import type { PrivateWritingState } from '../../../shared/control'
import { workshopApi } from '../../api'
import { type BoardConnection, openSyncDoc } from '../../sync/boardConnection'
import { useRebuildingConnection } from '../../sync/useRebuildingConnection'

export interface DraftsConnections {
  /** The participant's own drafts (null for facilitators and observers). */
  own: BoardConnection | null
  /** Other people's drafts, read-only (facilitators only). */
  others: readonly BoardConnection[]
}

const NONE: readonly BoardConnection[] = []

export function useDraftsConnections(
  session: SessionResponse,
  privateWriting: PrivateWritingState | null,
): DraftsConnections {
  const workshopId = session.workshop.id
  const ownId = session.role === 'participant' ? session.participantId : null
  const own = useRebuildingConnection(ownId && draftsDocName(workshopId, ownId), () =>
    openDrafts(workshopId, session.participantId),
  )
  const others = useOthersDrafts(workshopId, session.role === 'facilitator' ? privateWriting : null)
  return { own, others }
}

/** Nobody is "present" in a drafts document: presence stays on the board connection. */
function openDrafts(workshopId: string, participantId: string): BoardConnection {
  return openSyncDoc(draftsDocName(workshopId, participantId), { presence: false })
}

function useOthersDrafts(workshopId: string, privateWriting: PrivateWritingState | null): readonly BoardConnection[] {
  const [authorIds, setAuthorIds] = useState<readonly string[]>([])
  const [opened] = useState(() => new Map<string, BoardConnection>())
  const [connections, setConnections] = useState<readonly BoardConnection[]>(NONE)
  const notes = privateWriting?.notes ?? 0
  const authors = privateWriting?.authors ?? 0

  // biome-ignore lint/correctness/useExhaustiveDependencies: the counts changing is what makes the list worth asking for again
  useEffect(() => {
    if (notes === 0) return
    let cancelled = false
    workshopApi(workshopId)
      .draftAuthors()
      .then(
        (list) => {
          if (cancelled) return
          setAuthorIds((known) => {
            const added = list.map((a) => a.participantId).filter((id) => !known.includes(id))
            return added.length === 0 ? known : [...known, ...added]
          })
        },
        // Asked again at the next change of the counts.
        () => {},
      )
    return () => {
      cancelled = true
    }
  }, [workshopId, notes, authors])

  useEffect(() => {
    const added = authorIds.filter((id) => !opened.has(id))
    if (added.length === 0) return
    for (const id of added) opened.set(id, openDrafts(workshopId, id))
    setConnections([...opened.values()])
  }, [workshopId, authorIds, opened])

  useEffect(
    () => () => {
      for (const c of opened.values()) c.destroy()
      opened.clear()
    },
    [opened],
  )
  return connections
}
