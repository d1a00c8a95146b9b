import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import Database from 'better-sqlite3'
import { DATABASE_FILE, MIGRATIONS, openSqliteStore, SECURE_DELETE_SINCE } from '../../server/storage/sqliteStore'
import { tempDataDir } from '../support/serverProcess'
import { storeContract } from './storeContract'

storeContract('SQLite', async () => openSqliteStore(tempDataDir()))

test('upgrading a database from before secure_delete rewrites the free space its deleted rows left', async () => {
  const dir = tempDataDir()
  const file = path.join(dir, DATABASE_FILE)
  const old = new Database(file)
  old.pragma('journal_mode = WAL')
  old.pragma('secure_delete = OFF')
  for (const migration of MIGRATIONS.slice(0, SECURE_DELETE_SINCE - 1)) old.exec(migration)
  old.pragma(`user_version = ${SECURE_DELETE_SINCE - 1}`)
  old.exec(`INSERT INTO workshops (id, title, template, created_at) VALUES ('w1', 'Atelier', 'vide', 1)`)
  old.exec(`INSERT INTO participants (id, workshop_id, role, name, created_at)
            VALUES ('p1', 'w1', 'participant', 'Quérard-Zyxwv', 1)`)
  old.exec(`DELETE FROM participants WHERE id = 'p1'`)
  old.pragma('wal_checkpoint(TRUNCATE)')
  old.close()
  const marker = Buffer.from('Quérard-Zyxwv')
  assert.ok(fs.readFileSync(file).includes(marker), 'the old file still holds the deleted name in its free space')
  const store = openSqliteStore(dir)
  await store.purgeErased()
  await store.close()
  for (const f of fs.readdirSync(dir)) assert.ok(!fs.readFileSync(path.join(dir, f)).includes(marker), f)
  fs.rmSync(dir, { recursive: true, force: true })
})
