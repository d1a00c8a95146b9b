/**
 * Public client configuration (`GET /api/config`): the optional tldraw licence
 * key, the accessibility contact and the default retention of a new workshop. `undefined` while loading; a failure
 * counts as "nothing configured" (tldraw then runs with its watermark, which
 * is allowed; the déclaration then names no contact).
 */
import { useEffect, useState } from 'react'
import type { ClientConfig } from '../../shared/api'
import { RETENTION_DAYS } from '../../shared/workshop'
import { api } from '../api'

const NO_CONFIG: ClientConfig = {
  tldrawLicenseKey: null,
  accessibilityContact: null,
  defaultRetentionDays: RETENTION_DAYS.default,
}

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
