/**
 * SQLite implementation of the Store: one file under the data directory,
 * WAL mode, so a reader never blocks the writer and a commit survives `kill -9`.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Phase, VoteSessionState } from '../../shared/control'
import type { Role } from '../../shared/roles'
import { DAY_MS, RETENTION_DAYS } from '../../shared/workshop'
import {
  asBuffer,
  chainsOnto,
  type ParticipantDbRow,
  type ProcessDbRow,
  type ProcessLinkDbRow,
  participantFromRow,
  prefixEnd,
  processFromRow,
  processLinkFromRow,
  type RoadmapVersionDbRow,
  roadmapVersionMeta,
  type SnapshotDbRow,
  snapshotMeta,
  WORKSHOP_COLUMNS,
  type WorkshopDbRow,
  workshopFromRow,
} from './rows'
import type {
  DocAppend,
  LinkRow,
  NewVoteSession,
  ParticipantRow,
  ProcessLinkRow,
  ProcessRow,
  ProcessWithWorkshops,
  RoadmapVersionMeta,
  RoadmapVersionRow,
  SnapshotMeta,
  SnapshotRow,
  Store,
  StoredDoc,
  StoredWorkshop,
  VoteOutcome,
  VoteRow,
  WorkshopControlRow,
  WorkshopRow,
  WorkshopStart,
} from './store'

/** The schema version from which deletes have been made with secure_delete on. */
export const SECURE_DELETE_SINCE = 5

/** Exported for the upgrade test (a file at an older version, built with the first ones). */
export const MIGRATIONS = [
  `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE workshops (
     id TEXT PRIMARY KEY, title TEXT NOT NULL, template TEXT NOT NULL, created_at INTEGER NOT NULL);
   CREATE TABLE links (
     secret_hash TEXT PRIMARY KEY, workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     role TEXT NOT NULL, created_at INTEGER NOT NULL, revoked_at INTEGER);
   CREATE INDEX links_workshop ON links(workshop_id);
   CREATE TABLE participants (
     id TEXT PRIMARY KEY, workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     role TEXT NOT NULL, name TEXT NOT NULL, organisation TEXT, college TEXT, created_at INTEGER NOT NULL);
   CREATE INDEX participants_workshop ON participants(workshop_id);
   CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, data BLOB NOT NULL);
   CREATE INDEX doc_updates_doc ON doc_updates(doc, seq);
   CREATE TABLE doc_snapshots (doc TEXT PRIMARY KEY, data BLOB NOT NULL, upto_seq INTEGER NOT NULL);`,
  `ALTER TABLE workshops ADD COLUMN phase TEXT NOT NULL DEFAULT 'ecriture';
   ALTER TABLE workshops ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE workshops ADD COLUMN timer TEXT;
   CREATE TABLE vote_sessions (
     id TEXT PRIMARY KEY, workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     targets TEXT NOT NULL, target_ids TEXT NOT NULL, votes_per_person INTEGER NOT NULL, max_per_item INTEGER NOT NULL,
     hide_results INTEGER NOT NULL, anonymous INTEGER NOT NULL, status TEXT NOT NULL,
     opened_at INTEGER NOT NULL, closed_at INTEGER, voter_key TEXT);
   CREATE INDEX vote_sessions_workshop ON vote_sessions(workshop_id, opened_at);
   CREATE TABLE votes (
     id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL REFERENCES vote_sessions(id) ON DELETE CASCADE,
     voter TEXT NOT NULL, target_id TEXT NOT NULL, college TEXT, created_at INTEGER NOT NULL);
   CREATE INDEX votes_voter ON votes(session_id, voter, target_id);`,
  `CREATE TABLE processes (
     id TEXT PRIMARY KEY, nom TEXT NOT NULL, code_departement TEXT, perimetre TEXT, created_at INTEGER NOT NULL);
   ALTER TABLE workshops ADD COLUMN process_id TEXT REFERENCES processes(id);
   CREATE INDEX workshops_process ON workshops(process_id, created_at);
   ALTER TABLE workshops ADD COLUMN settings TEXT;
   ALTER TABLE workshops ADD COLUMN private_writing INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE workshops ADD COLUMN summon TEXT;`,
  `CREATE TABLE snapshots (
     id TEXT PRIMARY KEY, workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     created_at INTEGER NOT NULL, sha256 TEXT NOT NULL, body TEXT NOT NULL);
   CREATE INDEX snapshots_workshop ON snapshots(workshop_id, created_at);
   CREATE TABLE roadmap_versions (
     id TEXT PRIMARY KEY, process_id TEXT NOT NULL REFERENCES processes(id) ON DELETE CASCADE,
     version INTEGER NOT NULL, created_at INTEGER NOT NULL, sha256 TEXT NOT NULL, body TEXT NOT NULL,
     UNIQUE (process_id, version));
   CREATE TABLE process_links (
     secret_hash TEXT PRIMARY KEY, process_id TEXT NOT NULL REFERENCES processes(id) ON DELETE CASCADE,
     created_at INTEGER NOT NULL, revoked_at INTEGER);
   CREATE INDEX process_links_process ON process_links(process_id);`,
  // Personal data (issue 6): a participant's session lasts as long as the link they joined
  // through (rotating it revokes them); names are erased on request or after the workshop's
  // retention. Until now workshop links were never rotated: each participant came through
  // their workshop's only link of their role.
  `ALTER TABLE participants ADD COLUMN link_hash TEXT;
   UPDATE participants SET link_hash = (SELECT secret_hash FROM links
     WHERE links.workshop_id = participants.workshop_id AND links.role = participants.role);
   CREATE INDEX participants_link ON participants(link_hash);
   ALTER TABLE participants ADD COLUMN erased_at INTEGER;
   ALTER TABLE workshops ADD COLUMN retention_days INTEGER NOT NULL DEFAULT ${RETENTION_DAYS.default};
   ALTER TABLE workshops ADD COLUMN erased_at INTEGER;`,
]

interface VoteSessionRow {
  id: string
  workshop_id: string
  targets: string
  target_ids: string
  votes_per_person: number
  max_per_item: number
  hide_results: number
  anonymous: number
  status: string
  opened_at: number
  closed_at: number | null
  voter_key: string | null
}

function voteSessionFromRow(r: VoteSessionRow): VoteSessionState & { voterKey: string | null } {
  return {
    id: r.id,
    status: r.status === 'open' ? 'open' : 'closed',
    targets: r.targets as VoteSessionState['targets'],
    targetIds: JSON.parse(r.target_ids) as string[],
    votesPerPerson: r.votes_per_person,
    maxPerItem: r.max_per_item,
    hideResults: r.hide_results === 1,
    anonymous: r.anonymous === 1,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    voterKey: r.voter_key,
  }
}

export interface SqliteOptions {
  /** 'FULL' also survives power loss; 'NORMAL' (default) survives process crashes, faster. */
  synchronous?: 'NORMAL' | 'FULL'
  /**
   * Read only, for tools beside a running server (the command-line export; WAL
   * lets them read while it writes): the file must exist at this code's schema
   * version, and is never created, migrated or written.
   */
  readonly?: boolean
}

export const DATABASE_FILE = 'atelier.db'
/** The schema version this code writes (SQLite `user_version`); older files are migrated at start. */
export const SCHEMA_VERSION = MIGRATIONS.length

export function openSqliteStore(dataDir: string, options: SqliteOptions = {}): SqliteStore {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  return new SqliteStore(path.join(dataDir, DATABASE_FILE), options)
}

export class SqliteStore implements Store {
  readonly db: Database.Database
  private readonly stmt

  constructor(file: string, options: SqliteOptions = {}) {
    const readonly = options.readonly ?? false
    this.db = new Database(file, { readonly, fileMustExist: readonly })
    if (readonly) {
      this.db.pragma('busy_timeout = 5000')
      const version = this.db.pragma('user_version', { simple: true })
      if (version !== MIGRATIONS.length)
        throw new Error(
          `database schema version ${version}, this code reads ${MIGRATIONS.length}: start its server once`,
        )
    } else {
      // Must precede the first table: lets compaction give freed pages back to the
      // file system (incremental_vacuum) instead of keeping the file at its peak size.
      if (this.db.pragma('user_version', { simple: true }) === 0) this.db.pragma('auto_vacuum = INCREMENTAL')
      this.db.pragma('journal_mode = WAL')
      this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`)
      this.db.pragma('foreign_keys = ON')
      // Deleted rows are overwritten with zeros, not left in free space: an erased name
      // must leave the file (purgeErased also rewrites what older versions left behind).
      this.db.pragma('secure_delete = ON')
      this.db.pragma('busy_timeout = 5000')
      this.migrate()
    }
    const db = this.db
    this.stmt = {
      getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      insertSetting: db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)'),
      insertWorkshop: db.prepare(
        'INSERT INTO workshops (id, title, template, created_at, process_id, retention_days) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      startWorkshop: db.prepare('UPDATE workshops SET phase = ?, settings = ?, private_writing = ? WHERE id = ?'),
      getWorkshop: db.prepare<[string], WorkshopDbRow>(`SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE id = ?`),
      insertProcess: db.prepare(
        'INSERT INTO processes (id, nom, code_departement, perimetre, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      getProcess: db.prepare<[string], ProcessDbRow>('SELECT * FROM processes WHERE id = ?'),
      listProcesses: db.prepare<[], ProcessDbRow>('SELECT * FROM processes ORDER BY created_at, rowid'),
      processWorkshops: db.prepare<[], WorkshopDbRow>(
        `SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE process_id IS NOT NULL ORDER BY created_at, rowid`,
      ),
      insertProcessLink: db.prepare('INSERT INTO process_links (secret_hash, process_id, created_at) VALUES (?, ?, ?)'),
      revokeProcessLinks: db.prepare(
        'UPDATE process_links SET revoked_at = ? WHERE process_id = ? AND revoked_at IS NULL',
      ),
      findProcessLink: db.prepare<[string], ProcessLinkDbRow>(
        'SELECT * FROM process_links WHERE secret_hash = ? AND revoked_at IS NULL',
      ),
      activeProcessLink: db.prepare<[string], ProcessLinkDbRow>(
        'SELECT * FROM process_links WHERE process_id = ? AND revoked_at IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1',
      ),
      insertLink: db.prepare('INSERT INTO links (secret_hash, workshop_id, role, created_at) VALUES (?, ?, ?, ?)'),
      findLink: db.prepare<[string], { workshop_id: string; role: string }>(
        'SELECT workshop_id, role FROM links WHERE secret_hash = ? AND revoked_at IS NULL',
      ),
      insertParticipant: db.prepare(
        'INSERT INTO participants (id, workshop_id, role, name, organisation, college, created_at, link_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      getParticipant: db.prepare<[string], ParticipantDbRow>('SELECT * FROM participants WHERE id = ?'),
      // A participant without a link (none recorded) is not revoked by any rotation.
      getActiveParticipant: db.prepare<[string], ParticipantDbRow>(
        `SELECT p.* FROM participants p LEFT JOIN links l ON l.secret_hash = p.link_hash
         WHERE p.id = ? AND p.erased_at IS NULL AND l.revoked_at IS NULL`,
      ),
      revokeLinks: db.prepare(
        'UPDATE links SET revoked_at = ? WHERE workshop_id = ? AND role = ? AND revoked_at IS NULL',
      ),
      revokeAllLinks: db.prepare('UPDATE links SET revoked_at = ? WHERE workshop_id = ? AND revoked_at IS NULL'),
      deleteParticipant: db.prepare('DELETE FROM participants WHERE id = ?'),
      deleteWorkshop: db.prepare('DELETE FROM workshops WHERE id = ?'),
      deleteDocUpdates: db.prepare('DELETE FROM doc_updates WHERE doc >= ? AND doc < ?'),
      deleteDocSnapshots: db.prepare('DELETE FROM doc_snapshots WHERE doc >= ? AND doc < ?'),
      expiredWorkshops: db.prepare<[number], { id: string }>(
        `SELECT id FROM workshops WHERE erased_at IS NULL AND created_at + retention_days * ${DAY_MS} <= ?
         ORDER BY created_at, rowid`,
      ),
      eraseNames: db.prepare("UPDATE participants SET name = '', erased_at = ? WHERE workshop_id = ?"),
      markErased: db.prepare('UPDATE workshops SET erased_at = ? WHERE id = ?'),
      deleteDocUpdatesOf: db.prepare('DELETE FROM doc_updates WHERE doc = ?'),
      deleteDocSnapshotOf: db.prepare('DELETE FROM doc_snapshots WHERE doc = ?'),
      listParticipants: db.prepare<[string], ParticipantDbRow>(
        'SELECT * FROM participants WHERE workshop_id = ? ORDER BY created_at, rowid',
      ),
      getSnapshot: db.prepare<[string], { data: Buffer; upto_seq: number }>(
        'SELECT data, upto_seq FROM doc_snapshots WHERE doc = ?',
      ),
      getUpdates: db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq',
      ),
      countUpdates: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?'),
      // A range on the primary key and on doc_updates_doc, so both are index seeks.
      listDocs: db.prepare<[string, string, string, string], { doc: string }>(
        'SELECT doc FROM doc_snapshots WHERE doc >= ? AND doc < ? UNION SELECT doc FROM doc_updates WHERE doc >= ? AND doc < ? ORDER BY doc',
      ),
      appendUpdate: db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)'),
      upsertSnapshot: db.prepare(
        'INSERT INTO doc_snapshots (doc, data, upto_seq) VALUES (?, ?, ?) ON CONFLICT(doc) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq WHERE doc_snapshots.upto_seq < excluded.upto_seq',
      ),
      deleteUpdatesUpTo: db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?'),
      getControl: db.prepare<
        [string],
        {
          phase: string
          locked: number
          timer: string | null
          settings: string | null
          private_writing: number
          summon: string | null
        }
      >('SELECT phase, locked, timer, settings, private_writing, summon FROM workshops WHERE id = ?'),
      voterPool: db.prepare<[string], { id: string; college: string | null }>(
        "SELECT id, college FROM participants WHERE workshop_id = ? AND role != 'observer'",
      ),
      closeOpenSessions: db.prepare(
        "UPDATE vote_sessions SET status = 'closed', closed_at = ?, voter_key = NULL WHERE workshop_id = ? AND status = 'open'",
      ),
      insertSession: db.prepare(
        `INSERT INTO vote_sessions (id, workshop_id, targets, target_ids, votes_per_person, max_per_item, hide_results,
           anonymous, status, opened_at, voter_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
      ),
      getSession: db.prepare<[string, string], VoteSessionRow>(
        'SELECT * FROM vote_sessions WHERE workshop_id = ? AND id = ?',
      ),
      sessionById: db.prepare<[string], VoteSessionRow>('SELECT * FROM vote_sessions WHERE id = ?'),
      currentSession: db.prepare<[string], VoteSessionRow>(
        "SELECT * FROM vote_sessions WHERE workshop_id = ? ORDER BY (status = 'open') DESC, opened_at DESC, rowid DESC LIMIT 1",
      ),
      listSessions: db.prepare<[string], VoteSessionRow>(
        'SELECT * FROM vote_sessions WHERE workshop_id = ? ORDER BY opened_at, rowid',
      ),
      countVoter: db.prepare<[string, string], { n: number }>(
        'SELECT COUNT(*) AS n FROM votes WHERE session_id = ? AND voter = ?',
      ),
      countVoterTarget: db.prepare<[string, string, string], { n: number }>(
        'SELECT COUNT(*) AS n FROM votes WHERE session_id = ? AND voter = ? AND target_id = ?',
      ),
      insertVote: db.prepare(
        'INSERT INTO votes (session_id, voter, target_id, college, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      deleteOneVote: db.prepare(
        'DELETE FROM votes WHERE id = (SELECT id FROM votes WHERE session_id = ? AND voter = ? AND target_id = ? ORDER BY id DESC LIMIT 1)',
      ),
      votesOf: db.prepare<[string, string], { target_id: string }>(
        'SELECT target_id FROM votes WHERE session_id = ? AND voter = ? ORDER BY id',
      ),
      allVotes: db.prepare<[string], { voter: string; target_id: string; college: string | null }>(
        'SELECT voter, target_id, college FROM votes WHERE session_id = ? ORDER BY id',
      ),
      closeSession: db.prepare(
        "UPDATE vote_sessions SET status = 'closed', closed_at = ?, voter_key = NULL WHERE id = ? AND status = 'open'",
      ),
      insertRoadmapSnapshot: db.prepare(
        'INSERT INTO snapshots (id, workshop_id, created_at, sha256, body) VALUES (?, ?, ?, ?, ?)',
      ),
      getRoadmapSnapshot: db.prepare<[string], SnapshotDbRow>('SELECT * FROM snapshots WHERE id = ?'),
      listRoadmapSnapshots: db.prepare<[string], Omit<SnapshotDbRow, 'body'>>(
        'SELECT id, workshop_id, created_at, sha256 FROM snapshots WHERE workshop_id = ? ORDER BY created_at, rowid',
      ),
      latestRoadmapSnapshot: db.prepare<[string], SnapshotDbRow>(
        'SELECT * FROM snapshots WHERE workshop_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
      ),
      insertRoadmapVersion: db.prepare(
        'INSERT INTO roadmap_versions (id, process_id, version, created_at, sha256, body) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      latestRoadmapVersion: db.prepare<[string], RoadmapVersionDbRow>(
        'SELECT * FROM roadmap_versions WHERE process_id = ? ORDER BY version DESC LIMIT 1',
      ),
      getRoadmapVersion: db.prepare<[string], RoadmapVersionDbRow>('SELECT * FROM roadmap_versions WHERE id = ?'),
      listRoadmapVersions: db.prepare<[string], Omit<RoadmapVersionDbRow, 'body'>>(
        'SELECT id, process_id, version, created_at, sha256 FROM roadmap_versions WHERE process_id = ? ORDER BY version',
      ),
      probe: db.prepare(
        "INSERT INTO settings (key, value) VALUES ('healthz', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      ),
    }
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v] as string)
        this.db.pragma(`user_version = ${v + 1}`)
      })()
    }
    // A database from before secure_delete (migration 5) may hold deleted rows in its
    // free space: rewrite it once (VACUUM cannot run inside a transaction).
    if (version > 0 && version < SECURE_DELETE_SINCE) this.db.exec('VACUUM')
  }

  async getSetting(key: string): Promise<string | null> {
    return this.stmt.getSetting.get(key)?.value ?? null
  }

  async setSettingIfAbsent(key: string, value: string): Promise<string> {
    this.stmt.insertSetting.run(key, value)
    return this.stmt.getSetting.get(key)?.value ?? value
  }

  async createWorkshop(
    row: WorkshopRow & { retentionDays?: number },
    links: { role: Role; secretHash: string }[],
    start?: WorkshopStart,
  ): Promise<void> {
    this.db.transaction(() => {
      const retention = row.retentionDays ?? RETENTION_DAYS.default
      this.stmt.insertWorkshop.run(row.id, row.title, row.template, row.createdAt, row.processId ?? null, retention)
      for (const link of links) this.stmt.insertLink.run(link.secretHash, row.id, link.role, row.createdAt)
      if (!start) return
      const { phase, settings, privateWriting } = start.control
      this.stmt.startWorkshop.run(phase, settings ? JSON.stringify(settings) : null, privateWriting ? 1 : 0, row.id)
      for (const e of start.docs) this.stmt.appendUpdate.run(e.doc, asBuffer(e.data))
    })()
  }

  async getWorkshop(id: string): Promise<StoredWorkshop | null> {
    const r = this.stmt.getWorkshop.get(id)
    return r ? workshopFromRow(r) : null
  }

  async createProcess(p: ProcessRow, readerSecretHash?: string): Promise<void> {
    this.db.transaction(() => {
      this.stmt.insertProcess.run(p.id, p.nom, p.codeDepartement, p.perimetre, p.createdAt)
      if (readerSecretHash) this.stmt.insertProcessLink.run(readerSecretHash, p.id, p.createdAt)
    })()
  }

  async rotateProcessLink(link: ProcessLinkRow, now: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.revokeProcessLinks.run(now, link.processId)
      this.stmt.insertProcessLink.run(link.secretHash, link.processId, link.createdAt)
    })()
  }

  async findProcessLink(secretHash: string): Promise<ProcessLinkRow | null> {
    const r = this.stmt.findProcessLink.get(secretHash)
    return r ? processLinkFromRow(r) : null
  }

  async activeProcessLink(processId: string): Promise<ProcessLinkRow | null> {
    const r = this.stmt.activeProcessLink.get(processId)
    return r ? processLinkFromRow(r) : null
  }

  async getProcess(id: string): Promise<ProcessRow | null> {
    const r = this.stmt.getProcess.get(id)
    return r ? processFromRow(r) : null
  }

  async listProcesses(): Promise<ProcessWithWorkshops[]> {
    return this.db.transaction(() => {
      const byProcess = new Map<string, StoredWorkshop[]>()
      for (const r of this.stmt.processWorkshops.all()) {
        const list = byProcess.get(r.process_id as string)
        if (list) list.push(workshopFromRow(r))
        else byProcess.set(r.process_id as string, [workshopFromRow(r)])
      }
      return this.stmt.listProcesses.all().map((r) => ({ ...processFromRow(r), workshops: byProcess.get(r.id) ?? [] }))
    })()
  }

  async findLink(secretHash: string): Promise<LinkRow | null> {
    const r = this.stmt.findLink.get(secretHash)
    return r ? { workshopId: r.workshop_id, role: r.role as Role } : null
  }

  async addParticipant(p: ParticipantRow, linkHash?: string): Promise<boolean> {
    return this.db.transaction(() => {
      if (linkHash !== undefined && !this.stmt.findLink.get(linkHash)) return false
      this.stmt.insertParticipant.run(
        p.id,
        p.workshopId,
        p.role,
        p.name,
        p.organisation,
        p.college,
        p.createdAt,
        linkHash ?? null,
      )
      return true
    })()
  }

  async getActiveParticipant(id: string): Promise<ParticipantRow | null> {
    const r = this.stmt.getActiveParticipant.get(id)
    return r ? participantFromRow(r) : null
  }

  async rotateLink(workshopId: string, role: Role, secretHash: string, now: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.revokeLinks.run(now, workshopId, role)
      this.stmt.insertLink.run(secretHash, workshopId, role, now)
    })()
  }

  async getParticipant(id: string): Promise<ParticipantRow | null> {
    const r = this.stmt.getParticipant.get(id)
    return r ? participantFromRow(r) : null
  }

  async listParticipants(workshopId: string): Promise<ParticipantRow[]> {
    return this.stmt.listParticipants.all(workshopId).map(participantFromRow)
  }

  async getControl(workshopId: string): Promise<WorkshopControlRow | null> {
    const r = this.stmt.getControl.get(workshopId)
    if (!r) return null
    return {
      phase: r.phase as Phase,
      locked: r.locked === 1,
      timer: r.timer ? JSON.parse(r.timer) : null,
      settings: r.settings ? JSON.parse(r.settings) : null,
      privateWriting: r.private_writing === 1,
      summon: r.summon ? JSON.parse(r.summon) : null,
    }
  }

  async updateControl(workshopId: string, change: Partial<WorkshopControlRow>): Promise<void> {
    const columns: Record<string, string | number | null> = {}
    if (change.phase !== undefined) columns.phase = change.phase
    if (change.locked !== undefined) columns.locked = change.locked ? 1 : 0
    if (change.timer !== undefined) columns.timer = change.timer ? JSON.stringify(change.timer) : null
    if (change.settings !== undefined) columns.settings = change.settings ? JSON.stringify(change.settings) : null
    if (change.privateWriting !== undefined) columns.private_writing = change.privateWriting ? 1 : 0
    if (change.summon !== undefined) columns.summon = change.summon ? JSON.stringify(change.summon) : null
    const names = Object.keys(columns)
    if (names.length === 0) return
    const assignments = names.map((n) => `${n} = ?`).join(', ')
    this.db.prepare(`UPDATE workshops SET ${assignments} WHERE id = ?`).run(...Object.values(columns), workshopId)
  }

  async listVoterPool(workshopId: string): Promise<{ id: string; college: string | null }[]> {
    return this.stmt.voterPool.all(workshopId)
  }

  async openVoteSession(s: NewVoteSession): Promise<void> {
    this.db.transaction(() => {
      this.stmt.closeOpenSessions.run(s.openedAt, s.workshopId)
      this.stmt.insertSession.run(
        s.id,
        s.workshopId,
        s.targets,
        JSON.stringify(s.targetIds),
        s.votesPerPerson,
        s.maxPerItem,
        s.hideResults ? 1 : 0,
        s.anonymous ? 1 : 0,
        s.openedAt,
        s.voterKey,
      )
    })()
  }

  async getVoteSession(workshopId: string, sessionId: string) {
    const r = this.stmt.getSession.get(workshopId, sessionId)
    return r ? voteSessionFromRow(r) : null
  }

  async currentVoteSession(workshopId: string) {
    const r = this.stmt.currentSession.get(workshopId)
    return r ? voteSessionFromRow(r) : null
  }

  async listVoteSessions(workshopId: string) {
    return this.stmt.listSessions.all(workshopId).map(voteSessionFromRow)
  }

  async castVote(
    sessionId: string,
    voter: string,
    targetId: string,
    college: string | null,
    now: number,
  ): Promise<VoteOutcome> {
    // One IMMEDIATE transaction: the checks and the insert see the same state,
    // so concurrent votes can never overspend a budget.
    return this.db
      .transaction((): VoteOutcome => {
        const row = this.stmt.sessionById.get(sessionId)
        if (row?.status !== 'open') return { ok: false, reason: 'closed' }
        const session = voteSessionFromRow(row)
        if (!session.targetIds.includes(targetId)) return { ok: false, reason: 'unknown_target' }
        const used = this.stmt.countVoter.get(sessionId, voter)?.n ?? 0
        if (used >= session.votesPerPerson) return { ok: false, reason: 'budget_exhausted' }
        const onItem = this.stmt.countVoterTarget.get(sessionId, voter, targetId)?.n ?? 0
        if (onItem >= session.maxPerItem) return { ok: false, reason: 'item_cap_reached' }
        this.stmt.insertVote.run(sessionId, voter, targetId, college, now)
        return { ok: true, remaining: session.votesPerPerson - used - 1 }
      })
      .immediate()
  }

  async retractVote(sessionId: string, voter: string, targetId: string): Promise<VoteOutcome> {
    return this.db
      .transaction((): VoteOutcome => {
        const row = this.stmt.sessionById.get(sessionId)
        if (row?.status !== 'open') return { ok: false, reason: 'closed' }
        if (this.stmt.deleteOneVote.run(sessionId, voter, targetId).changes === 0)
          return { ok: false, reason: 'no_vote' }
        const used = this.stmt.countVoter.get(sessionId, voter)?.n ?? 0
        return { ok: true, remaining: row.votes_per_person - used }
      })
      .immediate()
  }

  async votesOf(sessionId: string, voter: string): Promise<string[]> {
    return this.stmt.votesOf.all(sessionId, voter).map((r) => r.target_id)
  }

  async allVotes(sessionId: string): Promise<VoteRow[]> {
    return this.stmt.allVotes.all(sessionId).map((r) => ({ voter: r.voter, targetId: r.target_id, college: r.college }))
  }

  async closeVoteSession(sessionId: string, now: number): Promise<boolean> {
    return this.stmt.closeSession.run(now, sessionId).changes === 1
  }

  async loadDoc(doc: string): Promise<StoredDoc> {
    // Read snapshot and log in one read transaction so a concurrent compaction
    // cannot make us see both (or neither) of the folded entries.
    return this.db.transaction(() => {
      const snap = this.stmt.getSnapshot.get(doc)
      const rows = this.stmt.getUpdates.all(doc, snap?.upto_seq ?? 0)
      const last = rows.at(-1)
      return {
        snapshot: snap ? new Uint8Array(snap.data) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq: last ? last.seq : (snap?.upto_seq ?? 0),
      }
    })()
  }

  async listDocs(prefix: string): Promise<string[]> {
    const end = prefixEnd(prefix)
    return this.stmt.listDocs.all(prefix, end, prefix, end).map((r) => r.doc)
  }

  async appendUpdates(entries: DocAppend[]): Promise<void> {
    this.db.transaction(() => {
      for (const e of entries) this.stmt.appendUpdate.run(e.doc, asBuffer(e.data))
    })()
  }

  async countUpdates(doc: string): Promise<number> {
    return this.stmt.countUpdates.get(doc)?.n ?? 0
  }

  async replaceWithSnapshot(doc: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    // As on PostgreSQL: a snapshot never replaces one that folded more (two compactions of
    // one document finishing in either order), and then deletes nothing.
    this.db.transaction(() => {
      if (this.stmt.upsertSnapshot.run(doc, asBuffer(snapshot), uptoSeq).changes === 1)
        this.stmt.deleteUpdatesUpTo.run(doc, uptoSeq)
    })()
    this.db.pragma('incremental_vacuum')
  }

  async insertSnapshot(r: SnapshotRow, previousId: string | null): Promise<boolean> {
    return this.db
      .transaction((): boolean => {
        if (!chainsOnto(this.stmt.latestRoadmapSnapshot.get(r.workshopId), r, previousId)) return false
        this.stmt.insertRoadmapSnapshot.run(r.id, r.workshopId, r.createdAt, r.sha256, r.body)
        return true
      })
      .immediate()
  }

  async getSnapshot(id: string): Promise<SnapshotRow | null> {
    const r = this.stmt.getRoadmapSnapshot.get(id)
    return r ? { ...snapshotMeta(r), body: r.body } : null
  }

  async listSnapshots(workshopId: string): Promise<SnapshotMeta[]> {
    return this.stmt.listRoadmapSnapshots.all(workshopId).map(snapshotMeta)
  }

  async latestSnapshot(workshopId: string): Promise<SnapshotRow | null> {
    const r = this.stmt.latestRoadmapSnapshot.get(workshopId)
    return r ? { ...snapshotMeta(r), body: r.body } : null
  }

  async appendRoadmapVersion(
    processId: string,
    make: (previous: RoadmapVersionRow | null) => Omit<RoadmapVersionRow, 'processId' | 'version'>,
  ): Promise<RoadmapVersionRow> {
    return this.db
      .transaction((): RoadmapVersionRow => {
        const last = this.stmt.latestRoadmapVersion.get(processId)
        const previous = last ? { ...roadmapVersionMeta(last), body: last.body } : null
        const next = { ...make(previous), processId, version: (previous?.version ?? 0) + 1 }
        this.stmt.insertRoadmapVersion.run(next.id, processId, next.version, next.createdAt, next.sha256, next.body)
        return next
      })
      .immediate()
  }

  async getRoadmapVersion(id: string): Promise<RoadmapVersionRow | null> {
    const r = this.stmt.getRoadmapVersion.get(id)
    return r ? { ...roadmapVersionMeta(r), body: r.body } : null
  }

  async listRoadmapVersions(processId: string): Promise<RoadmapVersionMeta[]> {
    return this.stmt.listRoadmapVersions.all(processId).map(roadmapVersionMeta)
  }

  async deleteParticipant(id: string, docs: string[]): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.stmt.deleteParticipant.run(id).changes === 0) return false
      for (const doc of docs) {
        this.stmt.deleteDocUpdatesOf.run(doc)
        this.stmt.deleteDocSnapshotOf.run(doc)
      }
      return true
    })()
  }

  async deleteWorkshop(id: string, docPrefix: string): Promise<boolean> {
    return this.db.transaction(() => {
      // Links, participants, vote sessions (and their votes) and snapshots go with it (ON DELETE CASCADE).
      if (this.stmt.deleteWorkshop.run(id).changes === 0) return false
      this.deleteDocs(docPrefix)
      return true
    })()
  }

  async listExpiredWorkshops(now: number): Promise<string[]> {
    return this.stmt.expiredWorkshops.all(now).map((r) => r.id)
  }

  async expireWorkshop(id: string, now: number, docPrefix: string): Promise<void> {
    this.db.transaction(() => {
      this.stmt.eraseNames.run(now, id)
      this.stmt.revokeAllLinks.run(now, id)
      this.deleteDocs(docPrefix)
      this.stmt.markErased.run(now, id)
    })()
  }

  async purgeErased(): Promise<boolean> {
    // secure_delete (on since migration 5) zeroed the erased rows in their pages; the WAL
    // still holds the pages' earlier versions: the checkpoint writes the pages back and
    // empties it. No VACUUM here: it rewrites the whole file while the event loop waits
    // (570 ms for 100 MB measured here), and a facilitator removing people one by one
    // would freeze every workshop each time. Free space left by deletes made before
    // secure_delete was on is rewritten once, by the VACUUM after migration 5.
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
    return result?.busy === 0
  }

  private deleteDocs(prefix: string): void {
    const end = prefixEnd(prefix)
    this.stmt.deleteDocUpdates.run(prefix, end)
    this.stmt.deleteDocSnapshots.run(prefix, end)
  }

  async isWritable(): Promise<boolean> {
    try {
      this.stmt.probe.run(String(Date.now()))
      return true
    } catch {
      return false
    }
  }

  async close(): Promise<void> {
    this.db.close()
  }
}
