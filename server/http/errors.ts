/**
 * API errors: a stable `code` for programs and a French `message` for people.
 */
import type { NextFunction, Request, Response } from 'express'
import type { ZodError } from 'zod'
import type { ApiError } from '../../shared/api'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export const errors = {
  badRequest: (details?: unknown) => new HttpError(400, 'invalid_body', 'Requête invalide.', details),
  unauthorized: () => new HttpError(401, 'unauthorized', 'Authentification requise.'),
  badAdminToken: () => new HttpError(401, 'bad_admin_token', 'Jeton administrateur invalide.'),
  forbidden: (message = 'Accès refusé.') => new HttpError(403, 'forbidden', message),
  badOrigin: () => new HttpError(403, 'bad_origin', 'Origine de la requête non autorisée.'),
  invalidLink: () => new HttpError(403, 'invalid_link', 'Lien invalide ou révoqué.'),
  notFound: (what = 'Ressource') => new HttpError(404, 'not_found', `${what} introuvable.`),
  rateLimited: (retryAfterSeconds: number) =>
    new HttpError(
      429,
      'rate_limited',
      `Trop de requêtes depuis votre réseau. Réessayez dans ${retryAfterSeconds} ${retryAfterSeconds > 1 ? 'secondes' : 'seconde'}.`,
    ),
}

export function fromZod(error: ZodError): HttpError {
  return errors.badRequest(error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })))
}

export function sendError(res: Response, e: HttpError): void {
  const body: ApiError = { error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } }
  res.status(e.status).json(body)
}

/** Last middleware: known errors keep their status; body-parser errors become 400/413; the rest 500. */
export function errorHandler(onUnexpected: (e: unknown) => void) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof HttpError) return sendError(res, err)
    const status = (err as { status?: number }).status
    const type = (err as { type?: string }).type
    if (status === 413) return sendError(res, new HttpError(413, 'body_too_large', 'Corps de requête trop volumineux.'))
    if (status === 400 && type === 'entity.parse.failed')
      return sendError(res, new HttpError(400, 'invalid_json', 'JSON invalide.'))
    onUnexpected(err)
    sendError(res, new HttpError(500, 'internal', 'Erreur interne du serveur.'))
  }
}
