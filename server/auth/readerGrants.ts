/**
 * Roadmap reader grants: what someone holding a démarche's reader link gets
 * after trading its secret (`POST /api/processes/:pid/join`) — a signed,
 * expiring token, no name asked (readers are anonymous), carried in the
 * HttpOnly cookie `atelier_reader_<processId>`.
 *
 * A JWT (HS256, jose) under the session key, with its own audience: a grant
 * never verifies as a workshop session, nor a session as a grant. It names
 * the link it came from (a prefix of the link's stored hash, not the secret),
 * so rotating the link revokes the grants it gave.
 */
import { jwtVerify, SignJWT } from 'jose'

export interface ReaderGrant {
  processId: string
  /** Which reader link of the démarche: the first characters of its secret's hash. */
  linkId: string
  /** Expiry, seconds since the epoch. */
  exp: number
}

const ISSUER = 'atelier'
const AUDIENCE = 'atelier-roadmap-reader'
const LINK_ID_LENGTH = 16

export function readerCookieName(processId: string): string {
  return `atelier_reader_${processId}`
}

/** The id a grant gives of the link whose secret hashes to `secretHash`. */
export function readerLinkId(secretHash: string): string {
  return secretHash.slice(0, LINK_ID_LENGTH)
}

export class ReaderGrantSigner {
  private readonly key: Uint8Array

  constructor(
    keyBase64url: string,
    readonly ttlSeconds: number,
  ) {
    this.key = Buffer.from(keyBase64url, 'base64url')
    if (this.key.length < 32) throw new Error('signing key must be at least 256 bits')
  }

  async sign(g: Omit<ReaderGrant, 'exp'>): Promise<string> {
    return new SignJWT({ lid: g.linkId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(g.processId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key)
  }

  /** The grant a token carries, or null when it is malformed, tampered, expired or not a grant. */
  async verify(token: string): Promise<ReaderGrant | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      })
      const { sub, lid, exp } = payload
      if (typeof sub !== 'string' || typeof lid !== 'string' || typeof exp !== 'number') return null
      return { processId: sub, linkId: lid, exp }
    } catch {
      return null
    }
  }
}
