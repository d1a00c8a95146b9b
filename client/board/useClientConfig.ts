/**
 * Public client configuration (`GET /api/config`): the optional tldraw licence
 * key and the accessibility contact. `undefined` while loading; a failure
 * counts as "nothing configured" (tldraw then runs with its watermark, which
 * is allowed; the déclaration then names no contact).
 */
import { useEffect, useState } from 'react'
import type { ClientConfig } from '../../shared/api'
import { api } from '../api'

const NO_CONFIG: ClientConfig = { tldrawLicenseKey: null, accessibilityContact: null }

export function useClientConfig(): ClientConfig | undefined {
  const [config, setConfig] = useState<ClientConfig | undefined>(undefined)
  useEffect(() => {
    const abort = new AbortController()
    api.config(abort.signal).then(setConfig, () => {
      if (!abort.signal.aborted) setConfig(NO_CONFIG)
    })
    return () => abort.abort()
  }, [])
  return config
}
