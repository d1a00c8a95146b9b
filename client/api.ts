/**
 * A tiny fetch wrapper for Atelier's HTTP API (same origin only).
 *
 * Every failure becomes an `ApiRequestError` carrying the HTTP status and, when
 * the server sent one, its `ApiError` body (stable `code`, French `message`),
 * so pages can map statuses to their own wording. Network failures have status 0.
 */

// A type only (erased at build): the server module that computes it is its one definition.
import type { Suggestion } from '../server/facilitation/clustering/suggestClusters'
import type {
  ApiError,
  ClientConfig,
  CreateProcessBody,
  CreateProcessResponse,
  CreateWorkshopBody,
  CreateWorkshopResponse,
  JoinBody,
  JoinResponse,
  ListProcessesResponse,
  RotateLinkResponse,
  SessionResponse,
  WorkshopParticipant,
} from '../shared/api'
import type {
  ControlState,
  DraftAuthor,
  Phase,
  SummonState,
  VoteResults,
  VoteRules,
  VoteSessionState,
  VoteTargetKind,
} from '../shared/control'
import type { ReaderLinks } from '../shared/roadmap/roadmapApi'
import type { SnapshotSummary } from '../shared/roadmap/snapshotApi'
import type { Snapshot } from '../shared/roadmap/snapshotSchema'
import type { Role } from '../shared/roles'

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
  method?: 'GET' | 'POST' | 'DELETE'
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

  /** Démarches with their workshops (admin token). */
  processes: (token: string, signal?: AbortSignal) =>
    apiRequest<ListProcessesResponse>('/api/processes', { token, signal }),

  createProcess: (token: string, body: CreateProcessBody) =>
    apiRequest<CreateProcessResponse>('/api/processes', { method: 'POST', token, body }),

  /** A new reader link for the démarche's roadmap; the previous one stops working (admin token). */
  rotateReaderLink: (token: string, processId: string) =>
    apiRequest<{ links: ReaderLinks }>(`/api/processes/${encodeURIComponent(processId)}/reader-link/rotate`, {
      method: 'POST',
      token,
    }),

  /**
   * A new link for one role of a workshop (admin token): the old one stops
   * working and the people who joined with it are disconnected.
   */
  rotateWorkshopLink: (token: string, workshopId: string, role: Role) =>
    apiRequest<RotateLinkResponse>(`${workshopPath(workshopId)}/links/${role}/rotate`, {
      method: 'POST',
      token,
    }),

  /** Erases the workshop and everything in it but the roadmap versions already written (admin token). */
  deleteWorkshop: (token: string, workshopId: string) =>
    apiRequest<null>(workshopPath(workshopId), { method: 'DELETE', token }),

  session: (workshopId: string, signal?: AbortSignal) =>
    apiRequest<SessionResponse>(`${workshopPath(workshopId)}/session`, { signal }),

  join: (workshopId: string, body: JoinBody) =>
    apiRequest<JoinResponse>(`${workshopPath(workshopId)}/join`, { method: 'POST', body }),
}

/** Facilitation and votes (the session cookie authenticates; the server decides). */
export const workshopApi = (workshopId: string) => {
  const base = workshopPath(workshopId)
  const post = <T>(path: string, body?: unknown) => apiRequest<T>(`${base}${path}`, { method: 'POST', body })
  const vote = (vid: string) => `/vote-sessions/${encodeURIComponent(vid)}`
  return {
    state: () => apiRequest<ControlState>(`${base}/state`),
    setPhase: (phase: Phase) => post<ControlState>('/phase', { phase }),
    setLocked: (locked: boolean) => post<ControlState>('/lock', { locked }),
    /** Starts a countdown of `seconds`, or stops it (null). */
    setTimer: (seconds: number | null) => post<ControlState>('/timer', { seconds }),
    /** Private writing on or off (turning it off reveals every private note). */
    setPrivateWriting: (active: boolean) => post<ControlState>('/private-writing', { active }),
    revealDrafts: () => post<{ revealed: number }>('/private-writing/reveal'),
    draftAuthors: () => apiRequest<DraftAuthor[]>(`${base}/private-writing/authors`),
    /** « Tout le monde ici » : every other screen moves to these page bounds. */
    summon: (bounds: SummonState['bounds']) => post<ControlState>('/summon', { bounds }),
    participants: () => apiRequest<WorkshopParticipant[]>(`${base}/participants`),
    /** « Retirer » (facilitator): erases that person's name and drafts and disconnects them; their notes and votes stay. */
    removeParticipant: (participantId: string) =>
      apiRequest<null>(`${base}/participants/${encodeURIComponent(participantId)}`, { method: 'DELETE' }),
    openVote: (body: VoteRules & { targets: VoteTargetKind | string[] }) =>
      post<VoteSessionState>('/vote-sessions', body),
    vote: (vid: string, targetId: string) => post<{ remaining: number }>(`${vote(vid)}/votes`, { targetId }),
    retract: (vid: string, targetId: string) =>
      apiRequest<{ remaining: number }>(`${base}${vote(vid)}/votes/${encodeURIComponent(targetId)}`, {
        method: 'DELETE',
      }),
    myVotes: (vid: string) => apiRequest<{ votes: string[]; remaining: number }>(`${base}${vote(vid)}/me`),
    closeVote: (vid: string) => post<VoteResults>(`${vote(vid)}/close`),
    results: (vid: string) => apiRequest<VoteResults>(`${base}${vote(vid)}/results`),
    /** « Suggérer des regroupements » (facilitator): groups of the notes not yet in a frame; nothing is written. */
    suggestClusters: () => post<Suggestion>('/cluster-suggestions'),
    /** Takes a roadmap snapshot of the board as it is now (facilitator); the server builds and stores it. */
    createSnapshot: () => post<Snapshot>('/snapshots'),
    /** The workshop's snapshots, oldest first. */
    listSnapshots: () => apiRequest<SnapshotSummary[]>(`${base}/snapshots`),
  }
}
export type WorkshopApi = ReturnType<typeof workshopApi>
