/** Path parameters checked with zod: one that is malformed names nothing, so it is answered 404 (`not_found`). */
import type { Request } from 'express'
import type { z } from 'zod'
import { errors } from './errors'

export function pathParams<T>(schema: z.ZodType<T>, req: Request, what: string): T {
  const parsed = schema.safeParse(req.params)
  if (!parsed.success) throw errors.notFound(what)
  return parsed.data
}
