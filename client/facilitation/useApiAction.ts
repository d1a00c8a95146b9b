/**
 * One facilitator action at a time (phase, timer, lock, summon…): the API call
 * runs, buttons wait while it does, and a refusal is kept as a sentence in the
 * UI language (the server's own French message when the page is in French).
 * The new state itself arrives through the control document, for everyone.
 */
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorMessage } from '../apiErrorMessage'

export interface ApiAction {
  busy: boolean
  error: string | null
  run(call: () => Promise<unknown>): Promise<void>
  dismiss(): void
}

export function useApiAction(): ApiAction {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(
    async (call: () => Promise<unknown>) => {
      setBusy(true)
      setError(null)
      try {
        await call()
      } catch (e) {
        setError(apiErrorMessage(t, e))
      } finally {
        setBusy(false)
      }
    },
    [t],
  )
  const dismiss = useCallback(() => setError(null), [])
  return { busy, error, run, dismiss }
}
