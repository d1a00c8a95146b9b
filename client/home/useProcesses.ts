/**
 * The démarches and their workshops, as the admin token lets us read them.
 * Fetched once the token has stopped changing for a moment (people type or
 * paste it), and again on `reload()` (after creating a démarche or a workshop).
 */
import { useCallback, useEffect, useState } from 'react'
import type { ListProcessesResponse, ProcessResponse } from '../../shared/api'
import { ApiRequestError, api } from '../api'

export type ProcessesState =
  | { status: 'idle' | 'loading' }
  | { status: 'loaded'; processes: ListProcessesResponse }
  /** `unauthorized`: the token is wrong (the form says so when it is submitted). */
  | { status: 'failed'; unauthorized: boolean }

const SETTLE_MS = 300

export interface Processes {
  state: ProcessesState
  reload(): void
  /** A démarche just created: listed at once, without waiting for a reload. */
  add(process: ProcessResponse): void
  /** A workshop just deleted: gone at once from its démarche. */
  removeWorkshop(workshopId: string): void
}

export function useProcesses(token: string): Processes {
  const [state, setState] = useState<ProcessesState>({ status: 'idle' })
  const [generation, setGeneration] = useState(0)
  const clean = token.trim()

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is the reload signal
  useEffect(() => {
    if (!clean) {
      setState({ status: 'idle' })
      return
    }
    const controller = new AbortController()
    const timer = setTimeout(() => {
      setState((s) => (s.status === 'loaded' ? s : { status: 'loading' }))
      api.processes(clean, controller.signal).then(
        (processes) => setState({ status: 'loaded', processes }),
        (e: unknown) => {
          if (controller.signal.aborted) return
          setState({ status: 'failed', unauthorized: e instanceof ApiRequestError && e.status === 401 })
        },
      )
    }, SETTLE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [clean, generation])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  const add = useCallback((process: ProcessResponse) => {
    setState((s) => ({
      status: 'loaded',
      processes: [...(s.status === 'loaded' ? s.processes : []), { ...process, workshops: [] }],
    }))
  }, [])
  const removeWorkshop = useCallback((workshopId: string) => {
    setState((s) =>
      s.status === 'loaded'
        ? {
            ...s,
            processes: s.processes.map((p) => ({ ...p, workshops: p.workshops.filter((w) => w.id !== workshopId) })),
          }
        : s,
    )
  }, [])
  return { state, reload, add, removeWorkshop }
}
