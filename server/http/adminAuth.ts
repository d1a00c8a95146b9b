/** The instance admin token, presented as `Authorization: Bearer <token>`, guards creating workshops and démarches. */
import type { Request } from 'express'
import type { AdminToken } from '../auth/adminToken'
import { errors } from './errors'

export function requireAdmin(admin: AdminToken, req: Request): void {
  const auth = req.headers.authorization
  if (!auth?.startsWith('Bearer ')) throw errors.unauthorized()
  if (!admin.matches(auth.slice(7).trim())) throw errors.badAdminToken()
}
