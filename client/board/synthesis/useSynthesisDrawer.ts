/**
 * Whether the Synthèse panel is open, shared by its toggle (workshop bar) and
 * the panel (over the canvas): two React trees, one state per workshop.
 *
 * The Synthèse takes the results panel's place on the left rather than
 * covering it: opening one folds the other away (the chantier's panel has the
 * right side). Results that appear — a vote closed — take the place back.
 */
import { useCallback, useEffect } from 'react'
import { atom, useValue } from 'tldraw'
import { useVoting } from '../../voting/useVoting'
import { useWorkshop } from '../workshopContext'

/** The panel's element id (one board per page), for the toggle's aria-controls. */
export const SYNTHESIS_PANEL_ID = 'synthesis-panel'
/** The toggle's element id: closing the panel gives it the keyboard back. */
export const SYNTHESIS_TOGGLE_ID = 'synthesis-toggle'

type Drawer = ReturnType<typeof atom<boolean>>
const drawers = new Map<string, Drawer>()

function drawerFor(workshopId: string): Drawer {
  let drawer = drawers.get(workshopId)
  if (!drawer) {
    drawer = atom(`synthesis open ${workshopId}`, false)
    drawers.set(workshopId, drawer)
  }
  return drawer
}

export interface SynthesisDrawer {
  open: boolean
  setOpen(open: boolean): void
}

export function useSynthesisDrawer(): SynthesisDrawer {
  const { session } = useWorkshop()
  const { results, resultsShown, store } = useVoting()
  const drawer = drawerFor(session.workshop.id)
  const open = useValue(drawer)
  useEffect(() => {
    if (resultsShown) drawer.set(false)
  }, [resultsShown, drawer])
  const setOpen = useCallback(
    (next: boolean) => {
      if (next && results && resultsShown) store.setPanel(results.sessionId, false)
      drawer.set(next)
    },
    [drawer, results, resultsShown, store],
  )
  return { open, setOpen }
}
