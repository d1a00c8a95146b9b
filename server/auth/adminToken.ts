/**
 * The instance admin token (creating workshops). Taken from configuration, or
 * generated at first start and kept in the data directory (mode 600), like
 * Jupyter's: printed with the admin URL once, when it is generated, so the
 * deployer can open it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { hashSecret, matchesHash, newSecret } from './secrets'

export const ADMIN_TOKEN_FILE = 'admin-token'

export interface AdminToken {
  /** The token in clear (printed only when `generated`: made at this start). */
  readonly clear: string
  readonly generated: boolean
  matches(presented: string): boolean
}

export function loadAdminToken(dataDir: string, configured: string | null): AdminToken {
  let clear = configured
  let generated = false
  if (clear === null) {
    const file = path.join(dataDir, ADMIN_TOKEN_FILE)
    if (fs.existsSync(file)) clear = fs.readFileSync(file, 'utf8').trim()
    else {
      clear = newSecret(24)
      fs.writeFileSync(file, `${clear}\n`, { mode: 0o600 })
      generated = true
    }
  }
  const hash = hashSecret(clear)
  return { clear, generated, matches: (presented) => matchesHash(presented, hash) }
}
