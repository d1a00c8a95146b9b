/**
 * The control document of a workshop (`/sync/<workshopId>/control`): written
 * only by the server, read by every client. It publishes what the server
 * decided — phase, timer, board lock, the open vote and its rules,
 * participation counts, and vote results once they may be seen. Secret data
 * (who voted what, tallies while results are hidden) is never in it.
 *
 * Layout: one Y.Map `doc.getMap(CONTROL_MAP)` holding the keys of ControlState,
 * each a plain JSON value.
 */
export const CONTROL_MAP = 'control'

/** The phases of a workshop, in their usual order (the facilitator may skip or go back). */
export const PHASES = ['ecriture', 'regroupement', 'chantiers', 'vote', 'resultats'] as const
export type Phase = (typeof PHASES)[number]

export const PHASE_LABELS: Record<Phase, { fr: string; en: string }> = {
  ecriture: { fr: 'Écriture', en: 'Writing' },
  regroupement: { fr: 'Regroupement', en: 'Clustering' },
  chantiers: { fr: 'Chantiers', en: 'Work streams' },
  vote: { fr: 'Vote', en: 'Vote' },
  resultats: { fr: 'Résultats', en: 'Results' },
}

/** A countdown: `endsAt` is in server time (ms since the epoch); clients correct for their clock offset. */
export interface TimerState {
  endsAt: number
  durationMs: number
}

export const VOTE_TARGET_KINDS = ['chantiers', 'enjeux', 'notes'] as const
export type VoteTargetKind = (typeof VOTE_TARGET_KINDS)[number]

export interface VoteRules {
  votesPerPerson: number
  maxPerItem: number
  hideResults: boolean
  anonymous: boolean
}

export interface VoteSessionState extends VoteRules {
  id: string
  status: 'open' | 'closed'
  /** What was asked for (a kind, or explicit ids) and the ids it resolved to. */
  targets: VoteTargetKind | 'ids'
  targetIds: string[]
  openedAt: number
  closedAt: number | null
}

export interface Participation {
  /** People who joined with a writing role (participants and facilitators). */
  participants: number
  /** People who placed at least one dot in this session. */
  voters: number
  byCollege: Record<string, { participants: number; voters: number }>
}

export interface RankedItem {
  targetId: string
  votes: number
  /** Competition ranking: ties share a rank (1, 1, 3). */
  rank: number
  /** Votes per collège; empty for anonymous sessions (small collèges would reveal voters). */
  byCollege: Record<string, number>
}

export interface VoteResults {
  sessionId: string
  ranking: RankedItem[]
  participation: Participation
}

/**
 * What a workshop's template sets up; the facilitator's timer presets and the
 * vote dialog start from it.
 */
export interface WorkshopSettings {
  /** Suggested duration of each phase, in seconds (the timer's preset). */
  phaseDurations: Record<Phase, number>
  /** Defaults of the next vote session. */
  vote: VoteRules & { targets: VoteTargetKind }
  /** Whether the écriture phase starts with private writing on. */
  privateWriting: boolean
}

/**
 * Private writing (issue 3 §3): while active, the notes a participant writes
 * stay in their own drafts document, seen by them and the facilitator only,
 * until the facilitator reveals them. Only counts are published, never text.
 */
export interface PrivateWritingState {
  active: boolean
  /** Participants with notes not revealed yet. */
  authors: number
  /** Notes not revealed yet. */
  notes: number
}

/** `GET /api/workshops/:id/private-writing/authors` (facilitator): whose drafts hold unrevealed notes. */
export interface DraftAuthor {
  participantId: string
  name: string
  notes: number
}

/**
 * « Tout le monde ici » : the facilitator's viewport, in page coordinates.
 * Every client moves its camera there when `at` changes.
 */
export interface SummonState {
  bounds: { x: number; y: number; w: number; h: number }
  /** Server time of the summon. */
  at: number
  /** Participant id of the facilitator who summoned (whom "follow" follows). */
  by: string
}

export interface ControlState {
  phase: Phase
  locked: boolean
  timer: TimerState | null
  settings: WorkshopSettings
  privateWriting: PrivateWritingState
  summon: SummonState | null
  vote: VoteSessionState | null
  participation: Participation | null
  /** Present only when the rules allow them to be seen (closed, or open with visible results). */
  results: VoteResults | null
}
