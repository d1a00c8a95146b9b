/**
 * PostgreSQL implementation of the Store, for several nodes sharing one database
 * (DESIGN §6). Same contract as sqliteStore.ts; what differs is that every call
 * really awaits, so nothing may rely on "no other write between my read and my
 * write": each promise the contract makes is a transaction here, and the
 * read-then-write ones take a row lock on what they decide about (the vote
 * session, the démarche, the workshop), or an advisory lock (a workshop's
 * snapshots), before reading.
 */
import pg from 'pg'
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

/**
 * Versioned like SQLite's (one entry per schema version, applied in order at start).
 * `ord` columns keep insertion order where SQLite orders by rowid. Document names
 * are COLLATE "C" so that prefix ranges and their order are by code point whatever
 * locale the database was created with.
 */
export const PG_MIGRATIONS = [
  `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE processes (
     id TEXT PRIMARY KEY, nom TEXT NOT NULL, code_departement TEXT, perimetre TEXT, created_at BIGINT NOT NULL,
     ord BIGINT GENERATED ALWAYS AS IDENTITY);
   CREATE TABLE workshops (
     id TEXT PRIMARY KEY, title TEXT NOT NULL, template TEXT NOT NULL, created_at BIGINT NOT NULL,
     process_id TEXT REFERENCES processes(id),
     phase TEXT NOT NULL DEFAULT 'ecriture', locked BOOLEAN NOT NULL DEFAULT false, timer TEXT, settings TEXT,
     private_writing BOOLEAN NOT NULL DEFAULT false, summon TEXT,
     retention_days INTEGER NOT NULL DEFAULT ${RETENTION_DAYS.default}, erased_at BIGINT,
     ord BIGINT GENERATED ALWAYS AS IDENTITY);
   CREATE INDEX workshops_process ON workshops(process_id, created_at, ord);
   CREATE TABLE links (
     secret_hash TEXT PRIMARY KEY, workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     role TEXT NOT NULL, created_at BIGINT NOT NULL, revoked_at BIGINT);
   CREATE INDEX links_workshop ON links(workshop_id);
   CREATE TABLE participants (
     id TEXT PRIMARY KEY, workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     role TEXT NOT NULL, name TEXT NOT NULL, organisation TEXT, college TEXT, created_at BIGINT NOT NULL,
     link_hash TEXT, erased_at BIGINT, ord BIGINT GENERATED ALWAYS AS IDENTITY);
   CREATE INDEX participants_workshop ON participants(workshop_id, created_at, ord);
   CREATE INDEX participants_link ON participants(link_hash);
   CREATE TABLE doc_updates (
     seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, doc TEXT COLLATE "C" NOT NULL, data BYTEA NOT NULL);
   CREATE INDEX doc_updates_doc ON doc_updates(doc, seq);
   CREATE TABLE doc_snapshots (doc TEXT COLLATE "C" PRIMARY KEY, data BYTEA NOT NULL, upto_seq BIGINT NOT NULL);
   CREATE TABLE vote_sessions (
     id TEXT PRIMARY KEY, workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     targets TEXT NOT NULL, target_ids TEXT NOT NULL, votes_per_person INTEGER NOT NULL, max_per_item INTEGER NOT NULL,
     hide_results BOOLEAN NOT NULL, anonymous BOOLEAN NOT NULL, status TEXT NOT NULL,
     opened_at BIGINT NOT NULL, closed_at BIGINT, voter_key TEXT, ord BIGINT GENERATED ALWAYS AS IDENTITY);
   CREATE INDEX vote_sessions_workshop ON vote_sessions(workshop_id, opened_at, ord);
   -- The contract's "opening one closes the open one", kept by the database too.
   CREATE UNIQUE INDEX vote_sessions_one_open ON vote_sessions(workshop_id) WHERE status = 'open';
   CREATE TABLE votes (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     session_id TEXT NOT NULL REFERENCES vote_sessions(id) ON DELETE CASCADE,
     voter TEXT NOT NULL, target_id TEXT NOT NULL, college TEXT, created_at BIGINT NOT NULL);
   CREATE INDEX votes_voter ON votes(session_id, voter, target_id);
   CREATE TABLE snapshots (
     id TEXT PRIMARY KEY, workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     created_at BIGINT NOT NULL, sha256 TEXT NOT NULL, body TEXT NOT NULL, ord BIGINT GENERATED ALWAYS AS IDENTITY);
   CREATE INDEX snapshots_workshop ON snapshots(workshop_id, created_at, ord);
   CREATE TABLE roadmap_versions (
     id TEXT PRIMARY KEY, process_id TEXT NOT NULL REFERENCES processes(id) ON DELETE CASCADE,
     version INTEGER NOT NULL, created_at BIGINT NOT NULL, sha256 TEXT NOT NULL, body TEXT NOT NULL,
     UNIQUE (process_id, version));
   CREATE TABLE process_links (
     secret_hash TEXT PRIMARY KEY, process_id TEXT NOT NULL REFERENCES processes(id) ON DELETE CASCADE,
     created_at BIGINT NOT NULL, revoked_at BIGINT, ord BIGINT GENERATED ALWAYS AS IDENTITY);
   CREATE INDEX process_links_process ON process_links(process_id);`,
]

/** The tables erasures delete from or overwrite: purgeErased vacuums these. */
const PERSONAL_TABLES = ['participants'] as const
const DOCUMENT_TABLES = ['doc_updates', 'doc_snapshots'] as const

/**
 * Connections per node. Every request holds one for a few statements, and a vote
 * waits on its session's row lock while holding one, so more connections mostly
 * queue inside PostgreSQL instead of here; 10 per node leaves a default server's
 * 100 enough room for several nodes plus backups and psql.
 */
const POOL_SIZE = 10

/** Rows per INSERT of a group commit (two parameters each, PostgreSQL takes 65,535). */
const APPEND_CHUNK = 10_000
/** Above this many bytes a group commit takes the parameterised path (hex would double what travels). */
const ONE_TRIP_MAX_BYTES = 256 * 1024

// BIGINT (ms timestamps, sequence numbers, counts) comes back as a JS number: all of
// them are far below 2^53. Per pool, so other users of `pg` in the process are unaffected.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

type Queryable = pg.Pool | pg.PoolClient

const PROCESS_COLUMNS = 'id, nom, code_departement, perimetre, created_at'

const PARTICIPANT_COLUMNS = 'p.id, p.workshop_id, p.role, p.name, p.organisation, p.college, p.created_at'

interface VoteSessionDbRow {
  id: string
  targets: string
  target_ids: string
  votes_per_person: number
  max_per_item: number
  hide_results: boolean
  anonymous: boolean
  status: string
  opened_at: number
  closed_at: number | null
  voter_key: string | null
}

function voteSessionFromRow(r: VoteSessionDbRow): VoteSessionState & { voterKey: string | null } {
  return {
    id: r.id,
    status: r.status === 'open' ? 'open' : 'closed',
    targets: r.targets as VoteSessionState['targets'],
    targetIds: JSON.parse(r.target_ids) as string[],
    votesPerPerson: r.votes_per_person,
    maxPerItem: r.max_per_item,
    hideResults: r.hide_results,
    anonymous: r.anonymous,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    voterKey: r.voter_key,
  }
}

function snapshotFromRow(r: SnapshotDbRow): SnapshotRow {
  return { id: r.id, workshopId: r.workshop_id, createdAt: r.created_at, sha256: r.sha256, body: r.body }
}

function roadmapVersionFromRow(r: RoadmapVersionDbRow): RoadmapVersionRow {
  return { ...roadmapVersionMeta(r), body: r.body }
}

/** Connects, creates or migrates the schema, and answers once the store is usable. */
export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    // A database that does not answer is an error to report, not a request that hangs.
    connectionTimeoutMillis: 10_000,
    types,
  })
  // An idle connection the server dropped (restart, network) must not crash the process:
  // the pool discards it and the next query opens another.
  pool.on('error', () => {})
  const store = new PostgresStore(pool)
  try {
    await store.migrate()
  } catch (error) {
    await pool.end()
    throw new Error(`PostgreSQL (ATELIER_STORE): ${error instanceof Error ? error.message : String(error)}`)
  }
  return store
}

export class PostgresStore implements Store {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * Applies the migrations this database lacks, in one transaction, under an advisory
   * lock: two nodes starting at once do not both migrate.
   */
  async migrate(): Promise<void> {
    await this.tx(async (c) => {
      await c.query(`SELECT pg_advisory_xact_lock(${LOCK_MIGRATION})`)
      await c.query('CREATE TABLE IF NOT EXISTS atelier_schema (version INTEGER NOT NULL)')
      const { rows } = await c.query<{ version: number }>('SELECT version FROM atelier_schema')
      const version = rows[0]?.version ?? 0
      if (version > PG_MIGRATIONS.length)
        throw new Error(`database schema version ${version}, this code knows ${PG_MIGRATIONS.length}: upgrade Atelier`)
      for (let v = version; v < PG_MIGRATIONS.length; v++) await c.query(PG_MIGRATIONS[v] as string)
      if (rows.length === 0) await c.query('INSERT INTO atelier_schema (version) VALUES ($1)', [PG_MIGRATIONS.length])
      else await c.query('UPDATE atelier_schema SET version = $1', [PG_MIGRATIONS.length])
    })
  }

  /**
   * Runs `fn` in one transaction on one connection. A deadlock or serialization
   * failure (PostgreSQL chose this transaction to abort; nothing of it was kept) is
   * retried: the caller sees one outcome.
   */
  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const c = await this.pool.connect()
      try {
        await c.query(begin)
        const result = await fn(c)
        await c.query('COMMIT')
        return result
      } catch (error) {
        await c.query('ROLLBACK').catch(() => {})
        const code = (error as { code?: string }).code
        if (attempt < 5 && (code === '40P01' || code === '40001')) continue
        throw error
      } finally {
        c.release()
      }
    }
  }

  private async one<R extends pg.QueryResultRow>(q: Queryable, sql: string, params: unknown[]): Promise<R | null> {
    return (await q.query<R>(sql, params)).rows[0] ?? null
  }

  async getSetting(key: string): Promise<string | null> {
    return (
      (await this.one<{ value: string }>(this.pool, 'SELECT value FROM settings WHERE key = $1', [key]))?.value ?? null
    )
  }

  async setSettingIfAbsent(key: string, value: string): Promise<string> {
    // The insert waits for a concurrent one of the same key to commit, so the read after it sees the winner.
    await this.pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
      key,
      value,
    ])
    return (await this.getSetting(key)) ?? value
  }

  async createWorkshop(
    row: WorkshopRow & { retentionDays?: number },
    links: { role: Role; secretHash: string }[],
    start?: WorkshopStart,
  ): Promise<void> {
    await this.tx(async (c) => {
      await c.query(
        'INSERT INTO workshops (id, title, template, created_at, process_id, retention_days) VALUES ($1, $2, $3, $4, $5, $6)',
        [
          row.id,
          row.title,
          row.template,
          row.createdAt,
          row.processId ?? null,
          row.retentionDays ?? RETENTION_DAYS.default,
        ],
      )
      for (const link of links)
        await c.query('INSERT INTO links (secret_hash, workshop_id, role, created_at) VALUES ($1, $2, $3, $4)', [
          link.secretHash,
          row.id,
          link.role,
          row.createdAt,
        ])
      if (!start) return
      const { phase, settings, privateWriting } = start.control
      await c.query('UPDATE workshops SET phase = $1, settings = $2, private_writing = $3 WHERE id = $4', [
        phase,
        settings ? JSON.stringify(settings) : null,
        privateWriting,
        row.id,
      ])
      await this.append(c, start.docs)
    })
  }

  async getWorkshop(id: string): Promise<StoredWorkshop | null> {
    const r = await this.one<WorkshopDbRow>(this.pool, `SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE id = $1`, [id])
    return r ? workshopFromRow(r) : null
  }

  async createProcess(p: ProcessRow, readerSecretHash?: string): Promise<void> {
    await this.tx(async (c) => {
      await c.query(
        'INSERT INTO processes (id, nom, code_departement, perimetre, created_at) VALUES ($1, $2, $3, $4, $5)',
        [p.id, p.nom, p.codeDepartement, p.perimetre, p.createdAt],
      )
      if (readerSecretHash)
        await c.query('INSERT INTO process_links (secret_hash, process_id, created_at) VALUES ($1, $2, $3)', [
          readerSecretHash,
          p.id,
          p.createdAt,
        ])
    })
  }

  async getProcess(id: string): Promise<ProcessRow | null> {
    const r = await this.one<ProcessDbRow>(this.pool, `SELECT ${PROCESS_COLUMNS} FROM processes WHERE id = $1`, [id])
    return r ? processFromRow(r) : null
  }

  async listProcesses(): Promise<ProcessWithWorkshops[]> {
    // Both reads from one snapshot: a workshop created in between is in both or neither.
    return this.tx(async (c) => {
      const workshops = await c.query<WorkshopDbRow>(
        `SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE process_id IS NOT NULL ORDER BY created_at, ord`,
      )
      const processes = await c.query<ProcessDbRow>(`SELECT ${PROCESS_COLUMNS} FROM processes ORDER BY created_at, ord`)
      const byProcess = new Map<string, StoredWorkshop[]>()
      for (const r of workshops.rows) {
        const list = byProcess.get(r.process_id as string)
        if (list) list.push(workshopFromRow(r))
        else byProcess.set(r.process_id as string, [workshopFromRow(r)])
      }
      return processes.rows.map((r) => ({ ...processFromRow(r), workshops: byProcess.get(r.id) ?? [] }))
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
  }

  async findLink(secretHash: string): Promise<LinkRow | null> {
    const r = await this.one<{ workshop_id: string; role: string }>(
      this.pool,
      'SELECT workshop_id, role FROM links WHERE secret_hash = $1 AND revoked_at IS NULL',
      [secretHash],
    )
    return r ? { workshopId: r.workshop_id, role: r.role as Role } : null
  }

  async rotateProcessLink(link: ProcessLinkRow, now: number): Promise<void> {
    await this.tx(async (c) => {
      // Two rotations at once would each revoke the other's nothing-yet and both insert: one active link each.
      await c.query('SELECT 1 FROM processes WHERE id = $1 FOR UPDATE', [link.processId])
      await c.query('UPDATE process_links SET revoked_at = $1 WHERE process_id = $2 AND revoked_at IS NULL', [
        now,
        link.processId,
      ])
      await c.query('INSERT INTO process_links (secret_hash, process_id, created_at) VALUES ($1, $2, $3)', [
        link.secretHash,
        link.processId,
        link.createdAt,
      ])
    })
  }

  async findProcessLink(secretHash: string): Promise<ProcessLinkRow | null> {
    const r = await this.one<ProcessLinkDbRow>(
      this.pool,
      'SELECT secret_hash, process_id, created_at FROM process_links WHERE secret_hash = $1 AND revoked_at IS NULL',
      [secretHash],
    )
    return r ? processLinkFromRow(r) : null
  }

  async activeProcessLink(processId: string): Promise<ProcessLinkRow | null> {
    const r = await this.one<ProcessLinkDbRow>(
      this.pool,
      `SELECT secret_hash, process_id, created_at FROM process_links WHERE process_id = $1 AND revoked_at IS NULL
       ORDER BY created_at DESC, ord DESC LIMIT 1`,
      [processId],
    )
    return r ? processLinkFromRow(r) : null
  }

  async addParticipant(p: ParticipantRow, linkHash?: string): Promise<boolean> {
    return this.tx(async (c) => {
      // The workshop's row first, as rotation and expiry lock it (FOR UPDATE): a join racing
      // them waits, then sees their revoked links; one that came first is erased by them.
      await c.query('SELECT 1 FROM workshops WHERE id = $1 FOR SHARE', [p.workshopId])
      if (linkHash !== undefined) {
        const active = await c.query('SELECT 1 FROM links WHERE secret_hash = $1 AND revoked_at IS NULL', [linkHash])
        if (active.rowCount === 0) return false
      }
      await c.query(
        `INSERT INTO participants (id, workshop_id, role, name, organisation, college, created_at, link_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [p.id, p.workshopId, p.role, p.name, p.organisation, p.college, p.createdAt, linkHash ?? null],
      )
      return true
    })
  }

  async getParticipant(id: string): Promise<ParticipantRow | null> {
    const r = await this.one<ParticipantDbRow>(
      this.pool,
      `SELECT ${PARTICIPANT_COLUMNS} FROM participants p WHERE p.id = $1`,
      [id],
    )
    return r ? participantFromRow(r) : null
  }

  async getActiveParticipant(id: string): Promise<ParticipantRow | null> {
    // A participant without a link (none recorded) is not revoked by any rotation.
    const r = await this.one<ParticipantDbRow>(
      this.pool,
      `SELECT ${PARTICIPANT_COLUMNS} FROM participants p LEFT JOIN links l ON l.secret_hash = p.link_hash
       WHERE p.id = $1 AND p.erased_at IS NULL AND l.revoked_at IS NULL`,
      [id],
    )
    return r ? participantFromRow(r) : null
  }

  async rotateLink(workshopId: string, role: Role, secretHash: string, now: number): Promise<void> {
    await this.tx(async (c) => {
      await c.query('SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE', [workshopId])
      await c.query('UPDATE links SET revoked_at = $1 WHERE workshop_id = $2 AND role = $3 AND revoked_at IS NULL', [
        now,
        workshopId,
        role,
      ])
      await c.query('INSERT INTO links (secret_hash, workshop_id, role, created_at) VALUES ($1, $2, $3, $4)', [
        secretHash,
        workshopId,
        role,
        now,
      ])
    })
  }

  async listParticipants(workshopId: string): Promise<ParticipantRow[]> {
    const { rows } = await this.pool.query<ParticipantDbRow>(
      `SELECT ${PARTICIPANT_COLUMNS} FROM participants p WHERE p.workshop_id = $1 ORDER BY p.created_at, p.ord`,
      [workshopId],
    )
    return rows.map(participantFromRow)
  }

  async getControl(workshopId: string): Promise<WorkshopControlRow | null> {
    const r = await this.one<{
      phase: string
      locked: boolean
      timer: string | null
      settings: string | null
      private_writing: boolean
      summon: string | null
    }>(this.pool, 'SELECT phase, locked, timer, settings, private_writing, summon FROM workshops WHERE id = $1', [
      workshopId,
    ])
    if (!r) return null
    return {
      phase: r.phase as Phase,
      locked: r.locked,
      timer: r.timer ? JSON.parse(r.timer) : null,
      settings: r.settings ? JSON.parse(r.settings) : null,
      privateWriting: r.private_writing,
      summon: r.summon ? JSON.parse(r.summon) : null,
    }
  }

  async updateControl(workshopId: string, change: Partial<WorkshopControlRow>): Promise<void> {
    const columns: Record<string, string | boolean | null> = {}
    if (change.phase !== undefined) columns.phase = change.phase
    if (change.locked !== undefined) columns.locked = change.locked
    if (change.timer !== undefined) columns.timer = change.timer ? JSON.stringify(change.timer) : null
    if (change.settings !== undefined) columns.settings = change.settings ? JSON.stringify(change.settings) : null
    if (change.privateWriting !== undefined) columns.private_writing = change.privateWriting
    if (change.summon !== undefined) columns.summon = change.summon ? JSON.stringify(change.summon) : null
    const names = Object.keys(columns)
    if (names.length === 0) return
    // One UPDATE: the columns change together (the names are ours, never the caller's).
    const assignments = names.map((n, i) => `${n} = $${i + 1}`).join(', ')
    await this.pool.query(`UPDATE workshops SET ${assignments} WHERE id = $${names.length + 1}`, [
      ...Object.values(columns),
      workshopId,
    ])
  }

  async listVoterPool(workshopId: string): Promise<{ id: string; college: string | null }[]> {
    const { rows } = await this.pool.query<{ id: string; college: string | null }>(
      "SELECT id, college FROM participants WHERE workshop_id = $1 AND role != 'observer'",
      [workshopId],
    )
    return rows
  }

  async openVoteSession(s: NewVoteSession): Promise<void> {
    await this.tx(async (c) => {
      // Two openings at once: the second waits, then closes the first's session.
      await c.query('SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE', [s.workshopId])
      await c.query(
        "UPDATE vote_sessions SET status = 'closed', closed_at = $1, voter_key = NULL WHERE workshop_id = $2 AND status = 'open'",
        [s.openedAt, s.workshopId],
      )
      await c.query(
        `INSERT INTO vote_sessions (id, workshop_id, targets, target_ids, votes_per_person, max_per_item, hide_results,
           anonymous, status, opened_at, voter_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10)`,
        [
          s.id,
          s.workshopId,
          s.targets,
          JSON.stringify(s.targetIds),
          s.votesPerPerson,
          s.maxPerItem,
          s.hideResults,
          s.anonymous,
          s.openedAt,
          s.voterKey,
        ],
      )
    })
  }

  async getVoteSession(workshopId: string, sessionId: string) {
    const r = await this.one<VoteSessionDbRow>(
      this.pool,
      'SELECT * FROM vote_sessions WHERE workshop_id = $1 AND id = $2',
      [workshopId, sessionId],
    )
    return r ? voteSessionFromRow(r) : null
  }

  async currentVoteSession(workshopId: string) {
    const r = await this.one<VoteSessionDbRow>(
      this.pool,
      "SELECT * FROM vote_sessions WHERE workshop_id = $1 ORDER BY (status = 'open') DESC, opened_at DESC, ord DESC LIMIT 1",
      [workshopId],
    )
    return r ? voteSessionFromRow(r) : null
  }

  async listVoteSessions(workshopId: string) {
    const { rows } = await this.pool.query<VoteSessionDbRow>(
      'SELECT * FROM vote_sessions WHERE workshop_id = $1 ORDER BY opened_at, ord',
      [workshopId],
    )
    return rows.map(voteSessionFromRow)
  }

  async castVote(
    sessionId: string,
    voter: string,
    targetId: string,
    college: string | null,
    now: number,
  ): Promise<VoteOutcome> {
    return this.tx(async (c): Promise<VoteOutcome> => {
      // The session's row lock orders this session's votes, retractions and its closing:
      // the counts below and the insert see every dot committed before, none after.
      const row = await this.one<VoteSessionDbRow>(c, 'SELECT * FROM vote_sessions WHERE id = $1 FOR UPDATE', [
        sessionId,
      ])
      if (row?.status !== 'open') return { ok: false, reason: 'closed' }
      const session = voteSessionFromRow(row)
      if (!session.targetIds.includes(targetId)) return { ok: false, reason: 'unknown_target' }
      const counts = await this.one<{ used: number; on_item: number }>(
        c,
        `SELECT COUNT(*) AS used, COUNT(*) FILTER (WHERE target_id = $3) AS on_item
         FROM votes WHERE session_id = $1 AND voter = $2`,
        [sessionId, voter, targetId],
      )
      const used = counts?.used ?? 0
      if (used >= session.votesPerPerson) return { ok: false, reason: 'budget_exhausted' }
      if ((counts?.on_item ?? 0) >= session.maxPerItem) return { ok: false, reason: 'item_cap_reached' }
      await c.query(
        'INSERT INTO votes (session_id, voter, target_id, college, created_at) VALUES ($1, $2, $3, $4, $5)',
        [sessionId, voter, targetId, college, now],
      )
      return { ok: true, remaining: session.votesPerPerson - used - 1 }
    })
  }

  async retractVote(sessionId: string, voter: string, targetId: string): Promise<VoteOutcome> {
    return this.tx(async (c): Promise<VoteOutcome> => {
      const row = await this.one<VoteSessionDbRow>(c, 'SELECT * FROM vote_sessions WHERE id = $1 FOR UPDATE', [
        sessionId,
      ])
      if (row?.status !== 'open') return { ok: false, reason: 'closed' }
      const deleted = await c.query(
        `DELETE FROM votes WHERE id = (SELECT id FROM votes WHERE session_id = $1 AND voter = $2 AND target_id = $3
         ORDER BY id DESC LIMIT 1)`,
        [sessionId, voter, targetId],
      )
      if (deleted.rowCount === 0) return { ok: false, reason: 'no_vote' }
      const used =
        (
          await this.one<{ n: number }>(c, 'SELECT COUNT(*) AS n FROM votes WHERE session_id = $1 AND voter = $2', [
            sessionId,
            voter,
          ])
        )?.n ?? 0
      return { ok: true, remaining: row.votes_per_person - used }
    })
  }

  async votesOf(sessionId: string, voter: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ target_id: string }>(
      'SELECT target_id FROM votes WHERE session_id = $1 AND voter = $2 ORDER BY id',
      [sessionId, voter],
    )
    return rows.map((r) => r.target_id)
  }

  async allVotes(sessionId: string): Promise<VoteRow[]> {
    const { rows } = await this.pool.query<{ voter: string; target_id: string; college: string | null }>(
      'SELECT voter, target_id, college FROM votes WHERE session_id = $1 ORDER BY id',
      [sessionId],
    )
    return rows.map((r) => ({ voter: r.voter, targetId: r.target_id, college: r.college }))
  }

  async closeVoteSession(sessionId: string, now: number): Promise<boolean> {
    // The UPDATE waits for the row lock of a vote in progress, so no dot lands after the close.
    const r = await this.pool.query(
      "UPDATE vote_sessions SET status = 'closed', closed_at = $1, voter_key = NULL WHERE id = $2 AND status = 'open'",
      [now, sessionId],
    )
    return r.rowCount === 1
  }

  async loadDoc(doc: string): Promise<StoredDoc> {
    // One statement, so one snapshot of the database: a compaction committing meanwhile
    // shows us either the old snapshot and all of its log, or the new one and the rest.
    const { rows } = await this.pool.query<{ kind: number; seq: number; data: Buffer }>(
      `WITH s AS (SELECT data, upto_seq FROM doc_snapshots WHERE doc = $1)
       SELECT 0 AS kind, upto_seq AS seq, data FROM s
       UNION ALL
       SELECT 1, seq, data FROM doc_updates WHERE doc = $1 AND seq > COALESCE((SELECT upto_seq FROM s), 0)
       ORDER BY kind, seq`,
      [doc],
    )
    const snap = rows[0]?.kind === 0 ? rows[0] : null
    const updates = snap ? rows.slice(1) : rows
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      updates: updates.map((r) => new Uint8Array(r.data)),
      lastSeq: updates.at(-1)?.seq ?? snap?.seq ?? 0,
    }
  }

  async listDocs(prefix: string): Promise<string[]> {
    const end = prefixEnd(prefix)
    const { rows } = await this.pool.query<{ doc: string }>(
      `SELECT doc FROM doc_snapshots WHERE doc >= $1 AND doc < $2
       UNION SELECT doc FROM doc_updates WHERE doc >= $1 AND doc < $2 ORDER BY doc`,
      [prefix, end],
    )
    return rows.map((r) => r.doc)
  }

  async appendUpdates(entries: DocAppend[]): Promise<void> {
    if (entries.length === 0) return
    const bytes = entries.reduce((n, e) => n + e.data.length, 0)
    if (bytes > ONE_TRIP_MAX_BYTES) return this.tx((c) => this.append(c, entries))
    // Every update waits for its group commit before anyone sees it: one round trip here
    // instead of four (BEGIN, lock, INSERT, COMMIT). Statements sent as one simple query run
    // as one transaction, so the locks (see append) hold until the inserts are committed.
    // Values are literals (no parameters in a simple query): document names quoted by pg,
    // updates in bytea hex.
    const docs = [...new Set(entries.map((e) => e.doc))].map((d) => pg.escapeLiteral(d))
    const values = entries.map((e) => `(${pg.escapeLiteral(e.doc)}, '\\x${asBuffer(e.data).toString('hex')}'::bytea)`)
    await this.pool.query(
      `${lockDocs(`ARRAY[${docs.join(', ')}]::text[]`)}; INSERT INTO doc_updates (doc, data) VALUES ${values.join(', ')}`,
    )
  }

  /**
   * The group commit's inserts, inside the caller's transaction. First a lock per
   * document, held until commit: a document's sequence numbers are then taken and
   * committed in the same order. Without it, a node could commit seq 102 while another
   * still holds 101 uncommitted; whoever read the log in between (a compaction folding
   * "up to 102", another node catching up "after 102") would lose 101. Locks are taken
   * in key order so that two batches never wait on each other.
   */
  private async append(c: pg.PoolClient, entries: DocAppend[]): Promise<void> {
    if (entries.length === 0) return
    const docs = [...new Set(entries.map((e) => e.doc))]
    await c.query(lockDocs('$1::text[]'), [docs])
    for (let from = 0; from < entries.length; from += APPEND_CHUNK) {
      const chunk = entries.slice(from, from + APPEND_CHUNK)
      // One multi-row INSERT; the Buffers go as binary parameters. Rows take their
      // sequence numbers in the order of VALUES, which is the order of appends.
      const values = chunk.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ')
      const params = chunk.flatMap((e) => [e.doc, asBuffer(e.data)])
      await c.query(`INSERT INTO doc_updates (doc, data) VALUES ${values}`, params)
    }
  }

  async countUpdates(doc: string): Promise<number> {
    return (
      (await this.one<{ n: number }>(this.pool, 'SELECT COUNT(*) AS n FROM doc_updates WHERE doc = $1', [doc]))?.n ?? 0
    )
  }

  async replaceWithSnapshot(doc: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    await this.tx(async (c) => {
      // Two compactions of one document (two nodes) may finish in either order: a snapshot
      // never replaces one that folded more. Entries after `uptoSeq` are left alone.
      const written = await c.query(
        `INSERT INTO doc_snapshots (doc, data, upto_seq) VALUES ($1, $2, $3)
         ON CONFLICT (doc) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq
         WHERE doc_snapshots.upto_seq < excluded.upto_seq`,
        [doc, asBuffer(snapshot), uptoSeq],
      )
      if (written.rowCount === 1) await c.query('DELETE FROM doc_updates WHERE doc = $1 AND seq <= $2', [doc, uptoSeq])
    })
  }

  async insertSnapshot(r: SnapshotRow, previousId: string | null): Promise<boolean> {
    return this.tx(async (c) => {
      // A lock rather than the workshop's row: snapshots take turns without holding up joins
      // and votes (their foreign keys share that row). Under READ COMMITTED the read after
      // the lock sees what the writer before committed.
      await c.query(`SELECT pg_advisory_xact_lock(${docLockKey('$1::text')})`, [r.workshopId])
      const latest = await this.one<Pick<SnapshotDbRow, 'id' | 'created_at'>>(
        c,
        'SELECT id, created_at FROM snapshots WHERE workshop_id = $1 ORDER BY created_at DESC, ord DESC LIMIT 1',
        [r.workshopId],
      )
      if (!chainsOnto(latest, r, previousId)) return false
      await c.query('INSERT INTO snapshots (id, workshop_id, created_at, sha256, body) VALUES ($1, $2, $3, $4, $5)', [
        r.id,
        r.workshopId,
        r.createdAt,
        r.sha256,
        r.body,
      ])
      return true
    })
  }

  async getSnapshot(id: string): Promise<SnapshotRow | null> {
    const r = await this.one<SnapshotDbRow>(
      this.pool,
      'SELECT id, workshop_id, created_at, sha256, body FROM snapshots WHERE id = $1',
      [id],
    )
    return r ? snapshotFromRow(r) : null
  }

  async listSnapshots(workshopId: string): Promise<SnapshotMeta[]> {
    const { rows } = await this.pool.query<Omit<SnapshotDbRow, 'body'>>(
      'SELECT id, workshop_id, created_at, sha256 FROM snapshots WHERE workshop_id = $1 ORDER BY created_at, ord',
      [workshopId],
    )
    return rows.map(snapshotMeta)
  }

  async latestSnapshot(workshopId: string): Promise<SnapshotRow | null> {
    const r = await this.one<SnapshotDbRow>(
      this.pool,
      `SELECT id, workshop_id, created_at, sha256, body FROM snapshots WHERE workshop_id = $1
       ORDER BY created_at DESC, ord DESC LIMIT 1`,
      [workshopId],
    )
    return r ? snapshotFromRow(r) : null
  }

  async appendRoadmapVersion(
    processId: string,
    make: (previous: RoadmapVersionRow | null) => Omit<RoadmapVersionRow, 'processId' | 'version'>,
  ): Promise<RoadmapVersionRow> {
    return this.tx(async (c) => {
      // The démarche's row lock makes appends take turns: each reads the latest version
      // committed by the one before it (the UNIQUE constraint would only refuse a duplicate).
      await c.query('SELECT 1 FROM processes WHERE id = $1 FOR UPDATE', [processId])
      const last = await this.one<RoadmapVersionDbRow>(
        c,
        'SELECT * FROM roadmap_versions WHERE process_id = $1 ORDER BY version DESC LIMIT 1',
        [processId],
      )
      const previous = last ? roadmapVersionFromRow(last) : null
      const next = { ...make(previous), processId, version: (previous?.version ?? 0) + 1 }
      await c.query(
        'INSERT INTO roadmap_versions (id, process_id, version, created_at, sha256, body) VALUES ($1, $2, $3, $4, $5, $6)',
        [next.id, processId, next.version, next.createdAt, next.sha256, next.body],
      )
      return next
    })
  }

  async getRoadmapVersion(id: string): Promise<RoadmapVersionRow | null> {
    const r = await this.one<RoadmapVersionDbRow>(this.pool, 'SELECT * FROM roadmap_versions WHERE id = $1', [id])
    return r ? roadmapVersionFromRow(r) : null
  }

  async listRoadmapVersions(processId: string): Promise<RoadmapVersionMeta[]> {
    const { rows } = await this.pool.query<Omit<RoadmapVersionDbRow, 'body'>>(
      'SELECT id, process_id, version, created_at, sha256 FROM roadmap_versions WHERE process_id = $1 ORDER BY version',
      [processId],
    )
    return rows.map(roadmapVersionMeta)
  }

  async deleteParticipant(id: string, docs: string[]): Promise<boolean> {
    return this.tx(async (c) => {
      const deleted = await c.query('DELETE FROM participants WHERE id = $1', [id])
      if (deleted.rowCount === 0) return false
      await c.query('DELETE FROM doc_updates WHERE doc = ANY($1::text[])', [docs])
      await c.query('DELETE FROM doc_snapshots WHERE doc = ANY($1::text[])', [docs])
      return true
    })
  }

  async deleteWorkshop(id: string, docPrefix: string): Promise<boolean> {
    return this.tx(async (c) => {
      // Links, participants, vote sessions (and their votes) and snapshots go with it (ON DELETE CASCADE).
      const deleted = await c.query('DELETE FROM workshops WHERE id = $1', [id])
      if (deleted.rowCount === 0) return false
      await this.deleteDocs(c, docPrefix)
      return true
    })
  }

  async listExpiredWorkshops(now: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM workshops WHERE erased_at IS NULL AND created_at + retention_days::bigint * ${DAY_MS} <= $1
       ORDER BY created_at, ord`,
      [now],
    )
    return rows.map((r) => r.id)
  }

  async expireWorkshop(id: string, now: number, docPrefix: string): Promise<void> {
    await this.tx(async (c) => {
      // A join committing meanwhile waits for this (its foreign key needs the row), then lands after it.
      await c.query('SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE', [id])
      await c.query("UPDATE participants SET name = '', erased_at = $1 WHERE workshop_id = $2", [now, id])
      await c.query('UPDATE links SET revoked_at = $1 WHERE workshop_id = $2 AND revoked_at IS NULL', [now, id])
      await this.deleteDocs(c, docPrefix)
      await c.query('UPDATE workshops SET erased_at = $1 WHERE id = $2', [now, id])
    })
  }

  /**
   * A DELETE or UPDATE in PostgreSQL leaves the old row version in its page until
   * VACUUM; this vacuums the tables erasures touch. What it does and does not
   * guarantee (README, PostgreSQL):
   * - participants (names; small) gets VACUUM FULL: the table is rewritten into new
   *   files and the old ones unlinked, so no file of the table holds an erased name.
   *   It locks the table for that time (milliseconds at a few thousand rows); a
   *   transaction holding it longer makes this give up (false) and be retried.
   * - the document tables (drafts; large, every write goes there) get a plain VACUUM,
   *   which frees the dead rows for reuse without blocking writes but does not zero
   *   them: their bytes stay in the pages' free space until overwritten.
   * - The write-ahead log keeps the erased rows' inserts until its segments are
   *   recycled (after checkpoints), and backups, replicas and WAL archives keep theirs.
   *   No SQL reaches those; the deployer's retention of them applies.
   */
  async purgeErased(): Promise<boolean> {
    const c = await this.pool.connect()
    try {
      await c.query("SET lock_timeout = '2s'")
      try {
        for (const table of PERSONAL_TABLES) await c.query(`VACUUM (FULL) ${table}`)
      } catch (error) {
        if ((error as { code?: string }).code === '55P03') return false
        throw error
      }
      for (const table of DOCUMENT_TABLES) await c.query(`VACUUM ${table}`)
      return true
    } finally {
      await c.query('RESET lock_timeout').catch(() => {})
      c.release()
    }
  }

  private async deleteDocs(c: pg.PoolClient, prefix: string): Promise<void> {
    const end = prefixEnd(prefix)
    await c.query('DELETE FROM doc_updates WHERE doc >= $1 AND doc < $2', [prefix, end])
    await c.query('DELETE FROM doc_snapshots WHERE doc >= $1 AND doc < $2', [prefix, end])
  }

  async isWritable(): Promise<boolean> {
    try {
      await this.pool.query(
        "INSERT INTO settings (key, value) VALUES ('healthz', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [String(Date.now())],
      )
      return true
    } catch {
      return false
    }
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}

/**
 * Advisory lock keys: the migration's, and one per document name or workshop id (its
 * snapshots; ids have no slash, names do). A collision only makes the two take turns:
 * a snapshot's insert waits for no other advisory lock while it holds its own.
 */
const LOCK_MIGRATION = 0x61746c72 // 'atlr'
const docLockKey = (column: string) => `hashtextextended(${column}, ${LOCK_MIGRATION})`
/** Takes the transaction's lock on each document of `docsArray` (an SQL text[]), in key order (see append). */
const lockDocs = (docsArray: string) =>
  `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT ${docLockKey('d')} AS k FROM unnest(${docsArray}) AS d ORDER BY k) AS keys`
