/**
 * Which process serves a data directory: the server writes its pid to
 * `<dataDir>/atelier.pid` at start and removes it when it stops, so that tools
 * that must not run beside it (npm run restore) — and a second server, which
 * would write the same SQLite log and compact the same documents — can refuse.
 * A file left by a killed server names a dead process and counts as no server.
 */
import fs from 'node:fs'
import path from 'node:path'

export const PID_FILE = 'atelier.pid'

/**
 * Records this process as the data directory's server; `release` removes the record if it
 * is still ours. Throws if another live process serves it.
 */
export function claimDataDir(dataDir: string): { release(): void } {
  const file = path.join(dataDir, PID_FILE)
  const other = runningServerPid(dataDir)
  if (other !== null && other !== process.pid)
    throw new Error(
      `${dataDir} is already served by another Atelier (pid ${other}): stop it first, or give this one its own ATELIER_DATA_DIR. If no server runs there, delete ${file}.`,
    )
  fs.writeFileSync(file, `${process.pid}\n`, { mode: 0o600 })
  return {
    release() {
      if (readPid(file) === process.pid) fs.rmSync(file, { force: true })
    },
  }
}

/** The pid of a live process recorded as serving `dataDir`, or null. */
export function runningServerPid(dataDir: string): number | null {
  const pid = readPid(path.join(dataDir, PID_FILE))
  if (pid === null) return null
  try {
    process.kill(pid, 0) // signal 0: only asks whether the process exists
    return pid
  } catch (e) {
    // EPERM: it exists, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null
  }
}

function readPid(file: string): number | null {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return null
  }
  const pid = Number.parseInt(text.trim(), 10)
  return Number.isInteger(pid) && pid > 0 ? pid : null
}
