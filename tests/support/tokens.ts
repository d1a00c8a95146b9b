/**
 * Forged and altered credentials, for tests of what the server refuses: tokens
 * signed with the server's own key (read from its SQLite file) but expired or
 * naming someone else, and real tokens with their payload, signature or
 * algorithm changed.
 */
import { SignJWT } from 'jose'
import type { Role } from '../../shared/roles'
import { readSetting } from './dataFile'

/** The server's signing key (settings.session_key, base64url), for sessions and reader grants alike. */
export function serverSigningKey(dataDir: string): Uint8Array {
  const key = readSetting(dataDir, 'session_key')
  if (!key) throw new Error('no session_key setting in the data file')
  return Buffer.from(key, 'base64url')
}

/** A session token as the server signs one (server/auth/sessions.ts), expiring at `exp` (seconds since the epoch). */
export function craftSession(
  key: Uint8Array,
  s: { participantId: string; workshopId: string; role: Role },
  exp: number,
): Promise<string> {
  return new SignJWT({ wid: s.workshopId, role: s.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(s.participantId)
    .setIssuer('atelier')
    .setIssuedAt(exp - 3600)
    .setExpirationTime(exp)
    .sign(key)
}

/** A roadmap reader grant as the server signs one (server/auth/readerGrants.ts). */
export function craftReaderGrant(
  key: Uint8Array,
  g: { processId: string; linkId: string },
  exp: number,
): Promise<string> {
  return new SignJWT({ lid: g.linkId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(g.processId)
    .setIssuer('atelier')
    .setAudience('atelier-roadmap-reader')
    .setIssuedAt(exp - 3600)
    .setExpirationTime(exp)
    .sign(key)
}

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>
const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')

function parts(token: string): [string, string, string] {
  const p = token.split('.')
  if (p.length !== 3) throw new Error('not a JWS compact token')
  return p as [string, string, string]
}

/** The same token with `changes` merged into its payload and the original signature kept. */
export function withPayload(token: string, changes: Record<string, unknown>): string {
  const [header, payload, signature] = parts(token)
  return `${header}.${encode({ ...decode(payload), ...changes })}.${signature}`
}

/** The same token with one character of its signature changed (a real change of bits). */
export function withBrokenSignature(token: string): string {
  const [header, payload, signature] = parts(token)
  const i = Math.floor(signature.length / 2)
  const c = signature[i] === 'A' ? 'B' : 'A'
  return `${header}.${payload}.${signature.slice(0, i)}${c}${signature.slice(i + 1)}`
}

/** The same claims under `alg: none` and no signature: a token that trusts itself. */
export function withAlgNone(token: string): string {
  const [, payload] = parts(token)
  return `${encode({ alg: 'none', typ: 'JWT' })}.${payload}.`
}

/** The value of cookie `name` among a response's Set-Cookie headers. */
export function setCookieValue(res: Response, name: string): string {
  for (const line of res.headers.getSetCookie()) {
    const [pair = ''] = line.split(';')
    const eq = pair.indexOf('=')
    if (pair.slice(0, eq).trim() === name) return decodeURIComponent(pair.slice(eq + 1).trim())
  }
  throw new Error(`no Set-Cookie ${name}`)
}
