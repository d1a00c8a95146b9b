/**
 * Reads the server's SQLite file directly (read-only), for tests that must
 * know what is really on disk: the session signing key, or a document's state
 * after a crash, rebuilt the way the server loads it (snapshot + later log entries).
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { openPostgresStore } from '../../server/storage/postgresStore'
import { SqliteStore } from '../../server/storage/sqliteStore'
import type { Store } from '../../server/storage/store'

export const DATABASE_FILE = 'atelier.db'

function withDb<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true })
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

export function readSetting(dataDir: string, key: string): string | null {
  return withDb(
    dataDir,
    (db) => db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)?.value ?? null,
  )
}

/** The document `name` (e.g. `<workshopId>/board`) as stored: snapshot, then the log entries after it. */
export function readStoredDoc(dataDir: string, name: string): Y.Doc {
  return withDb(dataDir, (db) =>
    db.transaction(() => {
      const snap = db
        .prepare<[string], { data: Buffer; upto_seq: number }>('SELECT data, upto_seq FROM doc_snapshots WHERE doc = ?')
        .get(name)
      const rows = db
        .prepare<[string, number], { data: Buffer }>(
          'SELECT data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq',
        )
        .all(name, snap?.upto_seq ?? 0)
      const doc = new Y.Doc()
      doc.transact(() => {
        if (snap) Y.applyUpdate(doc, new Uint8Array(snap.data))
        for (const r of rows) Y.applyUpdate(doc, new Uint8Array(r.data))
      })
      return doc
    })(),
  )
}

/**
 * The server's store, whichever it is (SQLite read-only in its data directory, or its
 * PostgreSQL database), for tests that check what was stored through the contract.
 */
export async function openStoreOf(server: { dataDir: string; storeUrl: string | null }): Promise<Store> {
  if (server.storeUrl) return openPostgresStore(server.storeUrl)
  return new SqliteStore(path.join(server.dataDir, DATABASE_FILE), { readonly: true })
}

/** Like readStoredDoc, on either store. */
export async function loadStoredDoc(
  server: { dataDir: string; storeUrl: string | null },
  name: string,
): Promise<Y.Doc> {
  const store = await openStoreOf(server)
  try {
    const stored = await store.loadDoc(name)
    const doc = new Y.Doc()
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
      for (const u of stored.updates) Y.applyUpdate(doc, u)
    })
    return doc
  } finally {
    await store.close()
  }
}
