/**
 * The two views of a board — the canvas (`/w/<id>`) and the list
 * (`/w/<id>/liste`) — and which one `/w/<id>` opens.
 *
 * A phone opens the list straight away rather than offering it over the
 * canvas: by the time a notice on the canvas could be read, the phone would
 * have downloaded tldraw (most of Atelier's bytes) for a canvas it will not
 * use, on what is often a slow connection. « Vue canevas » on the list and
 * « Vue liste » on the canvas switch, and the choice is remembered on this
 * device, so nobody is sent back to the view they left.
 */
export type WorkshopView = 'canvas' | 'list'

export const canvasPath = (workshopId: string) => `/w/${workshopId}`
export const listPath = (workshopId: string) => `/w/${workshopId}/liste`

/** A phone: a narrow screen, or a touch screen too short for a canvas (a phone on its side). */
export const SMALL_SCREEN_QUERY = '(max-width: 40rem), (pointer: coarse) and (max-height: 32rem)'

const STORAGE_KEY = 'atelier.view'

/** The view `/w/<id>` opens: the one last chosen on this device, else the list on a phone. */
export function viewFor(chosen: WorkshopView | null, smallScreen: boolean): WorkshopView {
  return chosen ?? (smallScreen ? 'list' : 'canvas')
}

export function chosenView(): WorkshopView | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return value === 'canvas' || value === 'list' ? value : null
  } catch {
    return null
  }
}

/** Called by the switch links: from now on `/w/<id>` opens this view on this device. */
export function rememberView(view: WorkshopView): void {
  try {
    localStorage.setItem(STORAGE_KEY, view)
  } catch {
    // Storage disabled: the screen size decides again next time.
  }
}

export function isSmallScreen(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(SMALL_SCREEN_QUERY).matches
}
