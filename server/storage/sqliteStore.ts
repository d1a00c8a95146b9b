/**
 * SQLite implementation of the Store: one file under the data directory,
 * WAL mode, so a reader never blocks the writer and a commit survives `kill -9`.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Template } from '../../shared/api'
import type { Role } from '../../shared/roles'
import type { DocAppend, LinkRow, ParticipantRow, Store, StoredDoc, WorkshopRow } from './store'

const MIGRATIONS = [
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
]

export interface SqliteOptions {
  /** 'FULL' also survives power loss; 'NORMAL' (default) survives process crashes, faster. */
  synchronous?: 'NORMAL' | 'FULL'
}

export const DATABASE_FILE = 'atelier.db'

export function openSqliteStore(dataDir: string, options: SqliteOptions = {}): SqliteStore {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  return new SqliteStore(path.join(dataDir, DATABASE_FILE), options)
}

export class SqliteStore implements Store {
  readonly db: Database.Database
  private readonly stmt

  constructor(file: string, options: SqliteOptions = {}) {
    this.db = new Database(file)
    // Must precede the first table: lets compaction give freed pages back to the
    // file system (incremental_vacuum) instead of keeping the file at its peak size.
    if (this.db.pragma('user_version', { simple: true }) === 0) this.db.pragma('auto_vacuum = INCREMENTAL')
    this.db.pragma('journal_mode = WAL')
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`)
    this.db.pragma('foreign_keys = ON')
    this.db.pragma('busy_timeout = 5000')
    this.migrate()
    const db = this.db
    this.stmt = {
      getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      insertSetting: db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)'),
      insertWorkshop: db.prepare('INSERT INTO workshops (id, title, template, created_at) VALUES (?, ?, ?, ?)'),
      getWorkshop: db.prepare<[string], { id: string; title: string; template: string; created_at: number }>(
        'SELECT id, title, template, created_at FROM workshops WHERE id = ?',
      ),
      insertLink: db.prepare('INSERT INTO links (secret_hash, workshop_id, role, created_at) VALUES (?, ?, ?, ?)'),
      findLink: db.prepare<[string], { workshop_id: string; role: string }>(
        'SELECT workshop_id, role FROM links WHERE secret_hash = ? AND revoked_at IS NULL',
      ),
      insertParticipant: db.prepare(
        'INSERT INTO participants (id, workshop_id, role, name, organisation, college, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      getParticipant: db.prepare<
        [string],
        {
          id: string
          workshop_id: string
          role: string
          name: string
          organisation: string | null
          college: string | null
          created_at: number
        }
      >('SELECT * FROM participants WHERE id = ?'),
      getSnapshot: db.prepare<[string], { data: Buffer; upto_seq: number }>(
        'SELECT data, upto_seq FROM doc_snapshots WHERE doc = ?',
      ),
      getUpdates: db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq',
      ),
      countUpdates: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?'),
      appendUpdate: db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)'),
      upsertSnapshot: db.prepare(
        'INSERT INTO doc_snapshots (doc, data, upto_seq) VALUES (?, ?, ?) ON CONFLICT(doc) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq',
      ),
      deleteUpdatesUpTo: db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?'),
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
  }

  async getSetting(key: string): Promise<string | null> {
    return this.stmt.getSetting.get(key)?.value ?? null
  }

  async setSettingIfAbsent(key: string, value: string): Promise<string> {
    this.stmt.insertSetting.run(key, value)
    return this.stmt.getSetting.get(key)?.value ?? value
  }

  async createWorkshop(row: WorkshopRow, links: { role: Role; secretHash: string }[]): Promise<void> {
    this.db.transaction(() => {
      this.stmt.insertWorkshop.run(row.id, row.title, row.template, row.createdAt)
      for (const link of links) this.stmt.insertLink.run(link.secretHash, row.id, link.role, row.createdAt)
    })()
  }

  async getWorkshop(id: string): Promise<WorkshopRow | null> {
    const r = this.stmt.getWorkshop.get(id)
    return r ? { id: r.id, title: r.title, template: r.template as Template, createdAt: r.created_at } : null
  }

  async findLink(secretHash: string): Promise<LinkRow | null> {
    const r = this.stmt.findLink.get(secretHash)
    return r ? { workshopId: r.workshop_id, role: r.role as Role } : null
  }

  async addParticipant(p: ParticipantRow): Promise<void> {
    this.stmt.insertParticipant.run(p.id, p.workshopId, p.role, p.name, p.organisation, p.college, p.createdAt)
  }

  async getParticipant(id: string): Promise<ParticipantRow | null> {
    const r = this.stmt.getParticipant.get(id)
    if (!r) return null
    return {
      id: r.id,
      workshopId: r.workshop_id,
      role: r.role as Role,
      name: r.name,
      organisation: r.organisation,
      college: r.college,
      createdAt: r.created_at,
    }
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

  async appendUpdates(entries: DocAppend[]): Promise<void> {
    this.db.transaction(() => {
      for (const e of entries) this.stmt.appendUpdate.run(e.doc, asBuffer(e.data))
    })()
  }

  async countUpdates(doc: string): Promise<number> {
    return this.stmt.countUpdates.get(doc)?.n ?? 0
  }

  async replaceWithSnapshot(doc: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.upsertSnapshot.run(doc, asBuffer(snapshot), uptoSeq)
      this.stmt.deleteUpdatesUpTo.run(doc, uptoSeq)
    })()
    this.db.pragma('incremental_vacuum')
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

/** better-sqlite3 binds Buffers as BLOBs; wrap without copying. */
function asBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
}
