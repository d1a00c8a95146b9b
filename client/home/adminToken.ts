/**
 * The instance admin token. The server prints `http://host:port/#token=…` at
 * first start (as Jupyter does); we take it from the fragment, keep it for this
 * tab only (sessionStorage, not localStorage: closing the tab forgets it) and
 * remove it from the address bar.
 */
import { clearFragment, readFragmentParam, sessionStore } from '../urlFragment'

const STORAGE_KEY = 'atelier.adminToken'

/** Reads `#token=` if present (then clears the fragment), else the remembered token. */
export function takeAdminToken(): string {
  const fromUrl = readFragmentParam('token')
  if (fromUrl) {
    sessionStore.set(STORAGE_KEY, fromUrl)
    clearFragment()
    return fromUrl
  }
  return sessionStore.get(STORAGE_KEY) ?? ''
}

export function rememberAdminToken(token: string): void {
  if (token) sessionStore.set(STORAGE_KEY, token)
  else sessionStore.remove(STORAGE_KEY)
}
