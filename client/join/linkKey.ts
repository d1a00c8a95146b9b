/**
 * The capability secret of a workshop link (`/w/<id>#k=<secret>`).
 *
 * It is read from the fragment once, then removed from the address bar and
 * kept in sessionStorage for this workshop only, so reloading the page before
 * joining does not lose it. It is forgotten as soon as a session exists.
 */
import { clearFragment, readFragmentParam, sessionStore } from '../urlFragment'

const storageKey = (workshopId: string) => `atelier.linkKey.${workshopId}`

export function takeLinkKey(workshopId: string): string | null {
  const fromUrl = readFragmentParam('k')
  if (fromUrl) {
    sessionStore.set(storageKey(workshopId), fromUrl)
    clearFragment()
    return fromUrl
  }
  return sessionStore.get(storageKey(workshopId))
}

export function forgetLinkKey(workshopId: string): void {
  sessionStore.remove(storageKey(workshopId))
}
