/**
 * The control state of a workshop for React: re-renders on every change the
 * server publishes. One connection per board page, closed when it is left.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type { ControlState } from '../../shared/control'
import { type ControlConnection, createControlConnection } from './controlConnection'
import { createServerClock, type ServerClock } from './serverClock'

export interface Control {
  /** Null until the control document's first sync. */
  state: ControlState | null
  clock: ServerClock
}

const NO_CONNECTION = { subscribe: () => () => {}, current: () => null }

export function useControl(workshopId: string): Control {
  const [connection, setConnection] = useState<ControlConnection | null>(null)
  const [clock] = useState(() => createServerClock())
  useEffect(() => {
    const created = createControlConnection(workshopId)
    setConnection(created)
    return () => {
      created.destroy()
      setConnection(null)
    }
  }, [workshopId])
  const source = connection ?? NO_CONNECTION
  const state = useSyncExternalStore(source.subscribe, source.current)
  return useMemo(() => ({ state, clock }), [state, clock])
}
