/**
 * The list view's polite live region: what screen-reader users hear without
 * losing their place — a note from someone else, a refusal, a phase change —
 * never every keystroke. One region for the page (several would talk over
 * each other); a message shown again is announced again (its key changes).
 */
import { useCallback, useEffect, useState } from 'react'

/** A message stays in the region this long, then the region is emptied (so the next one is new). */
const KEPT_MS = 7000

export interface Announcer {
  message: { text: string; seq: number } | null
  announce(text: string): void
}

export function useAnnouncer(): Announcer {
  const [message, setMessage] = useState<Announcer['message']>(null)
  const announce = useCallback((text: string) => setMessage((m) => ({ text, seq: (m?.seq ?? 0) + 1 })), [])
  useEffect(() => {
    if (!message) return
    const timer = setTimeout(() => setMessage((m) => (m === message ? null : m)), KEPT_MS)
    return () => clearTimeout(timer)
  }, [message])
  return { message, announce }
}

export function LiveRegion({ message }: { message: Announcer['message'] }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="list-live">
      {message && <span key={message.seq}>{message.text}</span>}
    </div>
  )
}
