/**
 * Who joined the workshop (`GET /api/workshops/:id/participants`), kept
 * current cheaply: fetched once, then again only when someone we do not know
 * yet shows up on the board (at most every few seconds, whoever arrives).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { WorkshopParticipant } from '../../shared/api'
import { workshopApi } from '../api'

const MIN_REFRESH_MS = 3000
const RETRY_MS = 5000

export interface Participants {
  /** Null until the first answer. */
  list: WorkshopParticipant[] | null
  /** The last request failed (the list shown may be old). */
  failed: boolean
  /** « Retirer » (facilitator): the server erases them, then they leave the list. */
  remove(participantId: string): Promise<void>
}

export function useParticipants(workshopId: string, online: ReadonlySet<string>): Participants {
  const api = useMemo(() => workshopApi(workshopId), [workshopId])
  const [list, setList] = useState<WorkshopParticipant[] | null>(null)
  const [failed, setFailed] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const fetchedAt = useRef(0)
  const onlineNow = useRef(online)
  onlineNow.current = online
  // Ids still unknown after a fresh answer are not asked about again (no refresh loop).
  const unknowable = useRef(new Set<string>())

  const stale = useMemo(() => {
    if (list === null) return true
    const known = new Set(list.map((p) => p.participantId))
    for (const id of online) if (!known.has(id) && !unknowable.current.has(id)) return true
    return false
  }, [list, online])

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `attempt` re-runs the request after a failure
  useEffect(() => {
    if (!stale) return
    let cancelled = false
    const wait = Math.max(0, fetchedAt.current + MIN_REFRESH_MS - Date.now())
    let retry: ReturnType<typeof setTimeout> | undefined
    const timer = setTimeout(() => {
      fetchedAt.current = Date.now()
      const asked = [...onlineNow.current]
      api.participants().then(
        (answer) => {
          if (cancelled) return
          const known = new Set(answer.map((p) => p.participantId))
          for (const id of asked) if (!known.has(id)) unknowable.current.add(id)
          setFailed(false)
          setList(answer)
        },
        () => {
          if (cancelled) return
          setFailed(true)
          retry = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS)
        },
      )
    }, wait)
    return () => {
      cancelled = true
      clearTimeout(timer)
      clearTimeout(retry)
    }
  }, [stale, api, attempt])

  const remove = useCallback(
    async (participantId: string) => {
      await api.removeParticipant(participantId)
      // Their presence may linger a moment before the server closes them: not a reason to ask again.
      unknowable.current.add(participantId)
      setList((l) => (l === null ? null : l.filter((p) => p.participantId !== participantId)))
    },
    [api],
  )

  return { list, failed, remove }
}
