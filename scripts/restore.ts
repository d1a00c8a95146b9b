/**
 * Puts a backup (npm run backup) back as a server's data directory:
 *
 *   npm run restore -- <backup> <dataDir>
 *
 * Refuses while a server runs on <dataDir> (its pid file names a live
 * process): stop it first. The backup is checked before anything moves; what
 * <dataDir> held (database, its WAL, the admin token) is moved aside into
 * `<dataDir>/before-restore-<time>/`, never deleted. Exit codes: 0 done;
 * 1 refused or failed (<dataDir> unchanged); 2 wrong usage.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ADMIN_TOKEN_FILE } from '../server/auth/adminToken'
import { checkDatabase } from '../server/storage/databaseCopy'
import { runningServerPid } from '../server/storage/pidFile'
import { DATABASE_FILE } from '../server/storage/sqliteStore'

const USAGE = 'Usage: npm run restore -- <backup> <dataDir>   (backup: a directory written by npm run backup)'
/** What a data directory holds that a restore replaces. */
const REPLACED = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, ADMIN_TOKEN_FILE]

function main(args: string[]): number {
  if (args.length !== 2 || args.includes('--help')) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const [backup, dataDir] = args as [string, string]
  const source = path.join(backup, DATABASE_FILE)
  if (!fs.existsSync(source)) return fail(`no ${DATABASE_FILE} in ${backup}`)
  const pid = runningServerPid(dataDir)
  if (pid !== null) return fail(`a server (pid ${pid}) is running on ${dataDir}: stop it first; nothing changed`)
  let summary: ReturnType<typeof checkDatabase>
  try {
    summary = checkDatabase(source)
  } catch (e) {
    return fail(`${(e as Error).message}; nothing changed`)
  }

  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  // Copied beside its final place first, so the switch is one rename.
  const incoming = path.join(dataDir, `${DATABASE_FILE}.restoring`)
  fs.copyFileSync(source, incoming)
  const present = REPLACED.filter((f) => fs.existsSync(path.join(dataDir, f)))
  let aside: string | null = null
  if (present.length > 0) {
    aside = path.join(dataDir, `before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`)
    fs.mkdirSync(aside, { mode: 0o700 })
    for (const f of present) fs.renameSync(path.join(dataDir, f), path.join(aside, f))
  }
  fs.renameSync(incoming, path.join(dataDir, DATABASE_FILE))
  const token = path.join(backup, ADMIN_TOKEN_FILE)
  if (fs.existsSync(token)) fs.copyFileSync(token, path.join(dataDir, ADMIN_TOKEN_FILE))
  process.stdout.write(
    `${JSON.stringify({ event: 'restore_done', dataDir: path.resolve(dataDir), previous: aside, ...summary })}\n`,
  )
  return 0
}

function fail(message: string): number {
  process.stderr.write(`restore refused: ${message}\n`)
  return 1
}

process.exitCode = main(process.argv.slice(2))
