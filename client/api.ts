/**
 * A tiny fetch wrapper for Atelier's HTTP API (same origin only).
 *
 * Every failure becomes an `ApiRequestError` carrying the HTTP status and, when
 * the server sent one, its `ApiError` body (stable `code`, French `message`),
 * so pages can map statuses to their own wording. Network failures have status 0.
 */
import type {
  ApiError,
  ClientConfig,
  CreateWorkshopBody,
  CreateWorkshopResponse,
  JoinBody,
  JoinResponse,
  SessionResponse,
} from '../shared/api'

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | null,
  ) {
    super(body?.error.message ?? (status === 0 ? 'network error' : `HTTP ${status}`))
    this.name = 'ApiRequestError'
  }

  get code(): string | null {
    return this.body?.error.code ?? null
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST'
  body?: unknown
  /** Admin token, sent as `Authorization: Bearer`. */
  token?: string
  signal?: AbortSignal
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false
  const error = (value as { error?: unknown }).error
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  )
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (options.token) headers.Authorization = `Bearer ${options.token}`
  let response: Response
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      // The session is an HttpOnly cookie of our own origin.
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (e) {
    if (options.signal?.aborted) throw e
    throw new ApiRequestError(0, null)
  }
  const payload: unknown = await response.json().catch(() => null)
  if (!response.ok) throw new ApiRequestError(response.status, isApiError(payload) ? payload : null)
  return payload as T
}

const workshopPath = (id: string) => `/api/workshops/${encodeURIComponent(id)}`

export const api = {
  config: (signal?: AbortSignal) => apiRequest<ClientConfig>('/api/config', { signal }),

  createWorkshop: (token: string, body: CreateWorkshopBody) =>
    apiRequest<CreateWorkshopResponse>('/api/workshops', { method: 'POST', token, body }),

  session: (workshopId: string, signal?: AbortSignal) =>
    apiRequest<SessionResponse>(`${workshopPath(workshopId)}/session`, { signal }),

  join: (workshopId: string, body: JoinBody) =>
    apiRequest<JoinResponse>(`${workshopPath(workshopId)}/join`, { method: 'POST', body }),
}
