/**
 * Backup of a data directory, safe beside a running server:
 *
 *   npm run backup -- <dataDir> <dest>
 *
 * `<dest>` is a new (or empty) directory; it receives `atelier.db`, a single
 * point in time of the live database (SQLite online backup,
 * server/storage/databaseCopy.ts), checked before it is kept, and the
 * generated admin token if there is one. Exit codes: 0 done; 1 failed (nothing
 * is left at <dest>); 2 wrong usage.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ADMIN_TOKEN_FILE } from '../server/auth/adminToken'
import { backupDatabase, checkDatabase } from '../server/storage/databaseCopy'
import { DATABASE_FILE } from '../server/storage/sqliteStore'

const USAGE = 'Usage: npm run backup -- <dataDir> <dest>   (dest: a new or empty directory)'

async function main(args: string[]): Promise<number> {
  if (args.length !== 2 || args.includes('--help')) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const [dataDir, dest] = args as [string, string]
  const source = path.join(dataDir, DATABASE_FILE)
  if (!fs.existsSync(source)) return fail(`no database at ${source}`)
  if (fs.existsSync(dest) && (!fs.statSync(dest).isDirectory() || fs.readdirSync(dest).length > 0))
    return fail(`${dest} exists and is not an empty directory: nothing written`)
  const created = !fs.existsSync(dest)
  fs.mkdirSync(dest, { recursive: true, mode: 0o700 })
  const partial = path.join(dest, `${DATABASE_FILE}.partial`)
  try {
    const started = performance.now()
    await backupDatabase(source, partial)
    const ms = Math.round(performance.now() - started)
    const summary = checkDatabase(partial)
    fs.renameSync(partial, path.join(dest, DATABASE_FILE))
    const token = path.join(dataDir, ADMIN_TOKEN_FILE)
    if (fs.existsSync(token)) fs.copyFileSync(token, path.join(dest, ADMIN_TOKEN_FILE))
    process.stdout.write(
      `${JSON.stringify({ event: 'backup_done', dest: path.resolve(dest), ms, ...summary, adminToken: fs.existsSync(token) })}\n`,
    )
    return 0
  } catch (e) {
    if (created) fs.rmSync(dest, { recursive: true, force: true })
    else for (const f of fs.readdirSync(dest)) fs.rmSync(path.join(dest, f), { force: true })
    return fail((e as Error).message)
  }
}

function fail(message: string): number {
  process.stderr.write(`backup failed: ${message}\n`)
  return 1
}

process.exitCode = await main(process.argv.slice(2))
