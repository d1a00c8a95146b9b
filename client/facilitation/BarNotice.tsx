/** A short notice over the board (a summon moved us, an edit was refused), gone after a few seconds. */
import { useEffect, useState } from 'react'

const SHOWN_MS = 5000

/** `at` identifies the event: a new value shows the notice again. */
export function BarNotice({ at, text, testId }: { at: number | null; text: string; testId: string }) {
  const [shownFor, setShownFor] = useState<number | null>(null)
  useEffect(() => {
    if (at === null) return
    setShownFor(at)
    const timer = setTimeout(() => setShownFor(null), SHOWN_MS)
    return () => clearTimeout(timer)
  }, [at])
  return (
    <div className="bar-notice-slot" role="status">
      {shownFor !== null && (
        <p className="bar-notice" data-testid={testId}>
          {text}
        </p>
      )}
    </div>
  )
}
