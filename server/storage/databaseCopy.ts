/**
 * Copies of the SQLite database for `npm run backup` and `npm run restore`:
 * an online backup of a live file, and the check a copy must pass before it
 * is trusted.
 */
import Database from 'better-sqlite3'
import { SCHEMA_VERSION } from './sqliteStore'

export interface DatabaseSummary {
  schemaVersion: number
  workshops: number
  documents: number
  logEntries: number
  snapshots: number
  bytes: number
}

/**
 * Copies the database at `source` into `dest` (a new file) with SQLite's online
 * backup, beside a running server. All pages go in one step, so the copy is
 * one read transaction: a single point in time. (In small steps, a write by the
 * server between two steps restarts the copy, which may then never finish
 * under steady editing; with WAL the one step does not block the server.)
 */
export async function backupDatabase(source: string, dest: string): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    await db.backup(dest, { progress: () => 0x7fffffff })
  } finally {
    db.close()
  }
  // The copy carries the live file's WAL mode; as a rollback-journal file it is
  // one self-contained file, and reading it leaves no -wal/-shm beside it.
  // (The server turns WAL back on when it opens a restored copy.)
  const copy = new Database(dest, { fileMustExist: true })
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
}

/** Opens `file` read-only and checks it is a sound Atelier database this code can serve; throws why not. */
export function checkDatabase(file: string): DatabaseSummary {
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
  } catch (e) {
    throw new Error(`${file}: cannot open as SQLite (${(e as Error).message})`)
  }
  try {
    let integrity: unknown
    try {
      integrity = db.pragma('integrity_check', { simple: true })
    } catch (e) {
      throw new Error(`${file}: not a readable SQLite database (${(e as Error).message})`)
    }
    if (integrity !== 'ok') throw new Error(`${file}: integrity check failed: ${String(integrity)}`)
    const schemaVersion = db.pragma('user_version', { simple: true }) as number
    if (schemaVersion < 1) throw new Error(`${file}: not an Atelier database (schema version 0)`)
    if (schemaVersion > SCHEMA_VERSION)
      throw new Error(`${file}: schema version ${schemaVersion} is newer than this code's (${SCHEMA_VERSION})`)
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n
    return {
      schemaVersion,
      workshops: count('SELECT COUNT(*) AS n FROM workshops'),
      documents: count('SELECT COUNT(*) AS n FROM (SELECT doc FROM doc_updates UNION SELECT doc FROM doc_snapshots)'),
      logEntries: count('SELECT COUNT(*) AS n FROM doc_updates'),
      snapshots: count('SELECT COUNT(*) AS n FROM doc_snapshots'),
      bytes: count('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()'),
    }
  } finally {
    db.close()
  }
}
