/**
 * Capability secrets: 128 random bits, base64url (22 characters). Only their
 * SHA-256 is stored; a secret that high in entropy needs no salt or slow hash.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export function newSecret(bytes = 16): string {
  return randomBytes(bytes).toString('base64url')
}

/** Ids are random too (not guessable), but are not secrets. */
export const newId = (): string => newSecret(16)

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** Constant-time comparison of a presented secret against a stored hash. */
export function matchesHash(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex')
  const b = Buffer.from(hash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}
