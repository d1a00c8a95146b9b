/**
 * Who is on the board right now: the participant ids in the board's awareness
 * (`user.id` of every presence, ours included). The server refuses a presence
 * naming another participant, so these ids can be trusted.
 */
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { AwarenessState } from '../board/presenceSync'

const NOBODY: ReadonlySet<string> = new Set()

export function useOnlineIds(awareness: Awareness | null): ReadonlySet<string> {
  const [ids, setIds] = useState<ReadonlySet<string>>(NOBODY)
  useEffect(() => {
    if (!awareness) {
      setIds(NOBODY)
      return
    }
    const update = () => {
      const next = new Set<string>()
      for (const state of awareness.getStates().values()) {
        const id = (state as AwarenessState).user?.id
        if (typeof id === 'string') next.add(id)
      }
      // Cursors move many times a second: only a change of who is here re-renders.
      setIds((current) => (sameIds(current, next) ? current : next))
    }
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness])
  return ids
}

function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false
  for (const id of a) if (!b.has(id)) return false
  return true
}
