/**
 * The storage contract. The embedded default is SQLite (sqliteStore.ts); a
 * multi-node deployment will plug PostgreSQL behind the same interface, and one
 * contract test suite runs against every implementation.
 *
 * Methods are async so that network stores fit; SQLite answers synchronously
 * inside them.
 */
import type { Template } from '../../shared/api'
import type { Phase, SummonState, TimerState, VoteSessionState, WorkshopSettings } from '../../shared/control'
import type { Role } from '../../shared/roles'

export interface WorkshopRow {
  id: string
  title: string
  template: Template
  createdAt: number
  /** The démarche (process) it belongs to; always read back, null when none. */
  processId?: string | null
}

/** A workshop's personal-data clock (its names are erased `retentionDays` after its creation). */
export interface WorkshopRetention {
  retentionDays: number
  /** When its participants' names were erased (ms since the epoch), or null. */
  erasedAt: number | null
}

/** A workshop as stored. */
export type StoredWorkshop = Required<WorkshopRow> & WorkshopRetention

/** A démarche: the workshops of one territory's roadmap (an enjeux workshop, then a chantiers one…). */
export interface ProcessRow {
  id: string
  nom: string
  codeDepartement: string | null
  perimetre: string | null
  createdAt: number
}

/** A démarche's roadmap reader link: only its secret's hash is stored. */
export interface ProcessLinkRow {
  processId: string
  secretHash: string
  createdAt: number
}

export interface ProcessWithWorkshops extends ProcessRow {
  /** Oldest first. */
  workshops: StoredWorkshop[]
}

/** What a new workshop starts with: its template's control settings and its documents' first log entries. */
export interface WorkshopStart {
  control: Pick<WorkshopControlRow, 'phase' | 'settings' | 'privateWriting'>
  docs: DocAppend[]
}

export interface ParticipantRow {
  id: string
  workshopId: string
  role: Role
  name: string
  organisation: string | null
  college: string | null
  createdAt: number
}

export interface LinkRow {
  workshopId: string
  role: Role
}

/** A document as stored: an optional compacted snapshot plus the log after it. */
export interface StoredDoc {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  /** Sequence number of the last log entry included (0 when none). */
  lastSeq: number
}

/** What the facilitator controls, as stored. */
export interface WorkshopControlRow {
  phase: Phase
  locked: boolean
  timer: TimerState | null
  /** Null for workshops created before settings existed: the template's defaults apply. */
  settings: WorkshopSettings | null
  /** Private writing on: participants' new notes go to their drafts until revealed. */
  privateWriting: boolean
  summon: SummonState | null
}

export interface NewVoteSession extends Omit<VoteSessionState, 'status' | 'closedAt'> {
  workshopId: string
  /** Secret for anonymous sessions: voters are stored as HMAC(voterKey, participantId); forgotten at close. */
  voterKey: string | null
}

/** One voter's dot, as tallied (never exposed per voter while the session is anonymous). */
export interface VoteRow {
  voter: string
  targetId: string
  college: string | null
}

/** Outcome of a vote or retraction, decided inside one transaction. */
export type VoteOutcome =
  | { ok: true; remaining: number }
  | { ok: false; reason: 'closed' | 'budget_exhausted' | 'item_cap_reached' | 'unknown_target' | 'no_vote' }

/** A roadmap snapshot of a workshop, immutable once written. */
export interface SnapshotRow {
  id: string
  workshopId: string
  createdAt: number
  sha256: string
  /** The snapshot's JSON text, served byte for byte as stored. */
  body: string
}

export type SnapshotMeta = Omit<SnapshotRow, 'body'>

/** A version of a démarche's roadmap, immutable once written; `version` counts from 1 per démarche. */
export interface RoadmapVersionRow {
  id: string
  processId: string
  version: number
  createdAt: number
  sha256: string
  body: string
}

export type RoadmapVersionMeta = Omit<RoadmapVersionRow, 'body'>

export interface DocAppend {
  doc: string
  data: Uint8Array
}

export interface Store {
  /** Instance-wide settings (session signing key, admin token hash). */
  getSetting(key: string): Promise<string | null>
  setSettingIfAbsent(key: string, value: string): Promise<string>

  /** The row, its links and its start (if given) in one transaction: a workshop never exists without its board. */
  createWorkshop(
    row: WorkshopRow & Partial<Pick<WorkshopRetention, 'retentionDays'>>,
    links: { role: Role; secretHash: string }[],
    start?: WorkshopStart,
  ): Promise<void>
  getWorkshop(id: string): Promise<StoredWorkshop | null>

  /** The démarche and, when given, its reader link's hash, in one transaction. */
  createProcess(row: ProcessRow, readerSecretHash?: string): Promise<void>
  getProcess(id: string): Promise<ProcessRow | null>
  /** Every démarche, oldest first, each with its workshops. */
  listProcesses(): Promise<ProcessWithWorkshops[]>
  /** The active (not revoked) link whose secret hashes to this value. */
  findLink(secretHash: string): Promise<LinkRow | null>
  /** Revokes the démarche's active reader link and stores `link` as the new one, in one transaction. */
  rotateProcessLink(link: ProcessLinkRow, now: number): Promise<void>
  /** The active reader link whose secret hashes to this value. */
  findProcessLink(secretHash: string): Promise<ProcessLinkRow | null>
  /** The démarche's active reader link (null once revoked without a new one). */
  activeProcessLink(processId: string): Promise<ProcessLinkRow | null>
  /**
   * `linkHash`: the link they joined through; revoking it ends their sessions. False (and
   * nobody added) when that link is no longer active: a join that raced a rotation or the
   * end of retention must not leave a name in a workshop whose names were just erased.
   */
  addParticipant(row: ParticipantRow, linkHash?: string): Promise<boolean>
  getParticipant(id: string): Promise<ParticipantRow | null>
  /** The participant if their session may still be used: not erased, and the link they joined through not revoked. */
  getActiveParticipant(id: string): Promise<ParticipantRow | null>
  /** Revokes the workshop's active link of `role` and stores the new one, in one transaction. */
  rotateLink(workshopId: string, role: Role, secretHash: string, now: number): Promise<void>
  /** Everyone who joined the workshop, any role, in the order they joined. */
  listParticipants(workshopId: string): Promise<ParticipantRow[]>

  getControl(workshopId: string): Promise<WorkshopControlRow | null>
  updateControl(workshopId: string, change: Partial<WorkshopControlRow>): Promise<void>
  /** Participants with a writing role, with their collège (for participation counts). */
  listVoterPool(workshopId: string): Promise<{ id: string; college: string | null }[]>

  /** Creates a session, closing any open one of the workshop in the same transaction. */
  openVoteSession(session: NewVoteSession): Promise<void>
  getVoteSession(
    workshopId: string,
    sessionId: string,
  ): Promise<(VoteSessionState & { voterKey: string | null }) | null>
  /** The open session, or else the latest one. */
  currentVoteSession(workshopId: string): Promise<(VoteSessionState & { voterKey: string | null }) | null>
  /** Every session of the workshop, oldest first (the roadmap snapshot looks for the latest one that may be seen). */
  listVoteSessions(workshopId: string): Promise<(VoteSessionState & { voterKey: string | null })[]>
  /** Places one dot if the session is open and the voter is within budget and cap (one transaction). */
  castVote(
    sessionId: string,
    voter: string,
    targetId: string,
    college: string | null,
    now: number,
  ): Promise<VoteOutcome>
  /** Takes one of the voter's dots on that target back, while the session is open. */
  retractVote(sessionId: string, voter: string, targetId: string): Promise<VoteOutcome>
  votesOf(sessionId: string, voter: string): Promise<string[]>
  allVotes(sessionId: string): Promise<VoteRow[]>
  /** Closes the session and forgets its voter key. False when it was not open. */
  closeVoteSession(sessionId: string, now: number): Promise<boolean>

  loadDoc(doc: string): Promise<StoredDoc>
  /** Names of the stored documents (snapshot or log entries) starting with `prefix`, sorted. */
  listDocs(prefix: string): Promise<string[]>
  /** Appends every entry in one transaction: all are durable, or none. */
  appendUpdates(entries: DocAppend[]): Promise<void>
  /** Number of log entries after the snapshot. */
  countUpdates(doc: string): Promise<number>
  /** Replaces the snapshot and the log entries up to `uptoSeq` by `snapshot`, atomically. */
  replaceWithSnapshot(doc: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>

  /**
   * Stores the snapshot only if it chains onto the workshop's latest: that is still
   * `previousId` (null: the workshop has none) and `row` is not dated before it, so it
   * becomes the new latest. Checked and written atomically, so two writers that read the
   * same latest (two nodes) cannot both store: the second gets false, stores nothing,
   * and may rebuild on the new latest.
   */
  insertSnapshot(row: SnapshotRow, previousId: string | null): Promise<boolean>
  getSnapshot(id: string): Promise<SnapshotRow | null>
  /** Oldest first: by `createdAt`, then in the order they were stored. */
  listSnapshots(workshopId: string): Promise<SnapshotMeta[]>
  /** The last of listSnapshots. */
  latestSnapshot(workshopId: string): Promise<SnapshotRow | null>
  /**
   * Appends the démarche's next roadmap version in one transaction: `make` gets
   * the latest version (null for the first) and returns the new one's content,
   * which is stored numbered after it — concurrent appends never share a number.
   */
  appendRoadmapVersion(
    processId: string,
    make: (previous: RoadmapVersionRow | null) => Omit<RoadmapVersionRow, 'processId' | 'version'>,
  ): Promise<RoadmapVersionRow>
  getRoadmapVersion(id: string): Promise<RoadmapVersionRow | null>
  /** Oldest first. */
  listRoadmapVersions(processId: string): Promise<RoadmapVersionMeta[]>

  /**
   * Personal data. Each erasure is one transaction that overwrites what it deletes;
   * `purgeErased` then empties the journal, so that what was erased is in no byte of the files.
   *
   * Deletes the participant's row and the documents `docs` (their drafts); false when unknown.
   */
  deleteParticipant(id: string, docs: string[]): Promise<boolean>
  /** Deletes the workshop and all of it: links, participants, votes, snapshots, the documents named `<docPrefix>…`. */
  deleteWorkshop(id: string, docPrefix: string): Promise<boolean>
  /** Ids of the workshops whose retention ended by `now` and whose names are not erased yet, oldest first. */
  listExpiredWorkshops(now: number): Promise<string[]>
  /**
   * End of retention: every participant's name erased (organisation and collège kept),
   * every link revoked, the documents named `<docPrefix>…` (drafts) deleted, `erasedAt` set.
   */
  expireWorkshop(id: string, now: number, docPrefix: string): Promise<void>
  /** Empties the journal of erased content; false when a reader kept the WAL from being emptied. */
  purgeErased(): Promise<boolean>

  /** True when a write can be committed (health check). */
  isWritable(): Promise<boolean>
  close(): Promise<void>
}
