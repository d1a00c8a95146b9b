/**
 * Configuration, parsed once from the environment at start-up and passed down.
 * Nothing else in the server reads process.env.
 */
import path from 'node:path'
import { MAX_AWARENESS_STATE_CHARS } from '../shared/boardDoc'
import { RETENTION_DAYS } from '../shared/workshop'

export interface Limits {
  /** Largest WebSocket frame accepted, in bytes (larger: close 1009). */
  maxFrameBytes: number
  /** Largest awareness state a connection may publish, in bytes of JSON. */
  maxAwarenessBytes: number
  /** Messages per second per connection before it is closed (4429). */
  maxMessagesPerSecond: number
  /** Bytes per second per connection before it is closed (4429); a burst of 5 s (at least one frame) passes. */
  maxBytesPerSecond: number
  /** /api requests per minute per client IP before 429; 0: no limit. */
  httpRequestsPerMinute: number
  /** Joins and creations (workshops, démarches) per minute per client IP before 429; 0: no limit. */
  httpJoinsPerMinute: number
  /** Board and control documents kept in memory at once; beyond that new ones are refused (503). */
  maxLoadedRooms: number
  /** Drafts documents (each participant on a board page holds theirs) kept in memory at once, apart (503). */
  maxLoadedDrafts: number
}

/** Personal data: how long workshops keep participants' names, and the sweep that erases them. */
export interface Retention {
  /** Retention of a workshop created without `retentionDays`. */
  defaultDays: number
  /** Time between two sweeps (one also runs at start-up). */
  sweepMs: number
  /** Added to the clock the sweep reads: lets a test (or a rehearsal) see what a later sweep erases. */
  clockShiftMs: number
}

/** Where documents, logs, votes and snapshots are kept. */
export type StoreConfig =
  /** One file, atelier.db, in the data directory (the default). */
  | { kind: 'sqlite' }
  /** A PostgreSQL database shared by every node (DESIGN §6). */
  | { kind: 'postgres'; url: string }

export interface Config {
  port: number
  host: string
  /** Also holds, whatever the store, the admin token file and the pid file. */
  dataDir: string
  store: StoreConfig
  /** Redis URL of the bus between nodes (ATELIER_BUS), or null for a single node. */
  bus: string | null
  /** Admin token given by the deployer; when null one is generated in the data dir. */
  adminToken: string | null
  /** Public base URL used to build links, without trailing slash; null: derived from the request. */
  publicUrl: string | null
  /** Origins allowed to open WebSockets and call the API besides the public URL's. */
  allowedOrigins: string[]
  tldrawLicenseKey: string | null
  /**
   * Who to write to about accessibility (an address, a web page or a phone number, as the
   * deployer words it), shown on the déclaration d'accessibilité; null: the page says to ask
   * the organisation that runs the workshop.
   */
  accessibilityContact: string | null
  /** How long a room stays loaded after its last connection leaves. */
  roomIdleMs: number
  /** Log entries per document before compaction into a snapshot. */
  compactAfterUpdates: number
  sessionTtlSeconds: number
  retention: Retention
  limits: Limits
  /** Directory of the built client (index.html, assets); served when present. */
  clientDir: string
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent'
}

type Env = Record<string, string | undefined>

function int(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`)
  return n
}

function retentionDays(env: Env): number {
  const days = int(env, 'ATELIER_RETENTION_DAYS', RETENTION_DAYS.default, RETENTION_DAYS.min)
  if (days > RETENTION_DAYS.max)
    throw new Error(`ATELIER_RETENTION_DAYS must be at most ${RETENTION_DAYS.max} (ten years), got "${days}"`)
  return days
}

function storeConfig(env: Env): StoreConfig {
  const raw = env.ATELIER_STORE?.trim()
  if (!raw) return { kind: 'sqlite' }
  // Never echo the value: it usually carries a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(raw)?.[0]
  if (scheme !== 'postgres:' && scheme !== 'postgresql:')
    throw new Error(
      `ATELIER_STORE must be a postgres:// or postgresql:// URL, or unset for SQLite in the data directory (got ${scheme ? `a ${scheme}// URL` : 'no URL'})`,
    )
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error('ATELIER_STORE is not a valid URL (postgres://user:password@host:5432/database)')
  }
  if (!url.hostname && !url.searchParams.get('host'))
    throw new Error('ATELIER_STORE names no host (postgres://user:password@host:5432/database)')
  return { kind: 'postgres', url: raw }
}

/**
 * ATELIER_BUS: the Redis that carries updates and awareness between nodes, or unset
 * for one process. Several nodes need a shared store, so a bus with SQLite is refused.
 */
function busUrl(env: Env, store: StoreConfig): string | null {
  const raw = env.ATELIER_BUS?.trim()
  if (!raw) return null
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(raw)?.[0]
  if (scheme !== 'redis:' && scheme !== 'rediss:')
    throw new Error(
      `ATELIER_BUS must be a redis:// or rediss:// URL, or unset for one node (got ${scheme ? `a ${scheme}// URL` : 'no URL'})`,
    )
  try {
    if (!new URL(raw).hostname) throw new Error('no host')
  } catch {
    throw new Error('ATELIER_BUS is not a valid URL with a host (redis://host:6379)')
  }
  if (store.kind !== 'postgres')
    throw new Error(
      'ATELIER_BUS needs ATELIER_STORE=postgres://…: nodes that share a bus must share their store (a SQLite file is one node’s)',
    )
  return raw
}

function origin(url: string, name: string): string {
  try {
    return new URL(url).origin
  } catch {
    throw new Error(`${name} must be an absolute URL, got "${url}"`)
  }
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const publicUrlRaw = env.ATELIER_PUBLIC_URL?.trim()
  const publicUrl = publicUrlRaw ? publicUrlRaw.replace(/\/+$/, '') : null
  if (publicUrl) origin(publicUrl, 'ATELIER_PUBLIC_URL')
  const allowedOrigins = (env.ATELIER_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((o) => origin(o, 'ATELIER_ALLOWED_ORIGINS'))
  const adminToken = env.ATELIER_ADMIN_TOKEN?.trim() || null
  if (adminToken !== null && adminToken.length < 16)
    throw new Error('ATELIER_ADMIN_TOKEN must be at least 16 characters')
  const accessibilityContact = env.ATELIER_ACCESSIBILITY_CONTACT?.trim() || null
  if (accessibilityContact !== null && (accessibilityContact.length > 200 || /[\r\n]/.test(accessibilityContact)))
    throw new Error('ATELIER_ACCESSIBILITY_CONTACT must be one line of at most 200 characters')
  const logLevel = (env.ATELIER_LOG_LEVEL ?? 'info') as Config['logLevel']
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(logLevel))
    throw new Error(`ATELIER_LOG_LEVEL: unknown level "${logLevel}"`)
  const store = storeConfig(env)
  return {
    port: int(env, 'PORT', 3000),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: path.resolve(cwd, env.ATELIER_DATA_DIR?.trim() || 'data'),
    store,
    bus: busUrl(env, store),
    adminToken,
    publicUrl,
    allowedOrigins,
    tldrawLicenseKey: env.ATELIER_TLDRAW_LICENSE_KEY?.trim() || null,
    accessibilityContact,
    roomIdleMs: int(env, 'ATELIER_ROOM_IDLE_MS', 30_000),
    compactAfterUpdates: int(env, 'ATELIER_COMPACT_AFTER', 500, 1),
    sessionTtlSeconds: int(env, 'ATELIER_SESSION_TTL_SECONDS', 12 * 3600, 60),
    retention: {
      defaultDays: retentionDays(env),
      sweepMs: int(env, 'ATELIER_RETENTION_SWEEP_MS', 3600_000, 1000),
      clockShiftMs: int(env, 'ATELIER_RETENTION_CLOCK_SHIFT_MS', 0),
    },
    limits: {
      maxFrameBytes: int(env, 'ATELIER_MAX_FRAME_BYTES', 2 * 1024 * 1024, 1024),
      maxAwarenessBytes: MAX_AWARENESS_STATE_CHARS,
      maxMessagesPerSecond: int(env, 'ATELIER_MAX_MESSAGES_PER_SECOND', 200, 1),
      maxBytesPerSecond: int(env, 'ATELIER_MAX_BYTES_PER_SECOND', 1024 * 1024, 1024),
      // Per IP, and a département's network puts a whole workshop behind one: these hold a
      // plenary of 200 with room to spare (README, Configuration: how they were sized).
      httpRequestsPerMinute: int(env, 'ATELIER_HTTP_RATE_LIMIT_PER_MINUTE', 12_000),
      httpJoinsPerMinute: int(env, 'ATELIER_HTTP_RATE_LIMIT_JOINS_PER_MINUTE', 600),
      maxLoadedRooms: int(env, 'ATELIER_MAX_ROOMS', 500, 1),
      maxLoadedDrafts: int(env, 'ATELIER_MAX_DRAFT_ROOMS', 5000, 1),
    },
    clientDir: path.resolve(cwd, env.ATELIER_CLIENT_DIR?.trim() || 'dist/client'),
    logLevel,
  }
}
