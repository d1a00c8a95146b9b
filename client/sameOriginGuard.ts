/**
 * Nothing may leave our origin (DESIGN §2: no CDN, no analytics). The server's
 * Content-Security-Policy (`connect-src 'self'`) already blocks it; this guard
 * is the same rule on the client side, so it holds even behind a proxy that
 * drops the header.
 *
 * Known offender: tldraw 3.15 without a licence key, on an https host other than
 * localhost, fetches a "watermark-track" image from cdn.tldraw.com. The
 * watermark itself is drawn locally and stays visible; only that ping is
 * answered here with an empty 204 instead of going out.
 */
export function isSameOriginUrl(input: string, base: string = window.location.href): boolean {
  let url: URL
  try {
    url = new URL(input, base)
  } catch {
    return true // not a URL fetch() could send anywhere
  }
  if (url.protocol === 'data:' || url.protocol === 'blob:') return true
  return url.origin === new URL(base).origin
}

function requestUrl(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input
  if (input instanceof URL) return input.href
  return input.url
}

export function installSameOriginGuard(): void {
  const nativeFetch = window.fetch.bind(window)
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = requestUrl(input)
    if (!isSameOriginUrl(url)) {
      console.warn(`[atelier] blocked a request to another origin: ${url}`)
      return Promise.resolve(new Response(null, { status: 204 }))
    }
    return nativeFetch(input, init)
  }
}
