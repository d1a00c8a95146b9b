/**
 * Signed sessions: what a participant holds after trading a link secret and a
 * name. A JWT (HS256, jose) carried in an HttpOnly cookie for browsers, or as
 * `?token=` / `Authorization: Bearer` for other clients.
 */
import { jwtVerify, SignJWT } from 'jose'
import { ROLES, type Role } from '../../shared/roles'

export interface Session {
  participantId: string
  workshopId: string
  role: Role
  /** Expiry, seconds since the epoch. */
  exp: number
}

const ISSUER = 'atelier'

export class SessionSigner {
  private readonly key: Uint8Array

  constructor(
    keyBase64url: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = Buffer.from(keyBase64url, 'base64url')
    if (this.key.length < 32) throw new Error('session key must be at least 256 bits')
  }

  async sign(s: Omit<Session, 'exp'>): Promise<string> {
    return new SignJWT({ wid: s.workshopId, role: s.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(s.participantId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key)
  }

  /** The session a token carries, or null when it is malformed, tampered or expired. */
  async verify(token: string): Promise<Session | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] })
      const { sub, wid, role, exp } = payload
      if (typeof sub !== 'string' || typeof wid !== 'string' || typeof exp !== 'number') return null
      if (!ROLES.includes(role as Role)) return null
      return { participantId: sub, workshopId: wid, role: role as Role, exp }
    } catch {
      return null
    }
  }
}
