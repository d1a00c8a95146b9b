/**
 * Secrets travel in the URL fragment (`#token=…`, `#k=…`): browsers never send
 * it to the server, so it stays out of access logs and `Referer` headers. Once
 * read, we take it out of the address bar (and out of the history entry) so it
 * is not shown on a projected screen, bookmarked or copied by accident.
 */
export function readFragmentParam(name: string, hash = window.location.hash): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash)
  const value = params.get(name)
  return value ? value : null
}

export function clearFragment(): void {
  if (!window.location.hash) return
  const { pathname, search } = window.location
  window.history.replaceState(window.history.state, '', pathname + search)
}

/** sessionStorage access that never throws (storage may be disabled). */
export const sessionStore = {
  get(key: string): string | null {
    try {
      return sessionStorage.getItem(key)
    } catch {
      return null
    }
  },
  set(key: string, value: string): void {
    try {
      sessionStorage.setItem(key, value)
    } catch {
      // Only lost on reload; the page keeps the value in memory.
    }
  },
  remove(key: string): void {
    try {
      sessionStorage.removeItem(key)
    } catch {
      // Nothing to do.
    }
  },
}
