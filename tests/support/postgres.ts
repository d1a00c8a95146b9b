/**
 * A real PostgreSQL for tests: scripts/postgres-local.sh started once per test
 * process (on first use), and a fresh empty database for each caller. The script
 * stops and deletes its cluster when our end of its standard input closes, which
 * happens when this process exits, however it exits.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/postgres-local.sh')

let cluster: Promise<string> | null = null
let databases = 0

function startCluster(): Promise<string> {
  const child: ChildProcess = spawn('bash', [SCRIPT], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (d) => {
    stderr += String(d)
  })
  const url = new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start in 60 s\n${stderr}`)), 60_000)
    child.stdout?.on('data', (d) => {
      out += String(d)
      const line = out.split('\n').find((l) => l.startsWith('postgres://'))
      if (line) {
        clearTimeout(timer)
        resolve(line.trim())
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`scripts/postgres-local.sh exited with ${code}\n${stderr}`))
    })
  })
  // Not kept alive by it: the pipe closing at our exit is what stops the cluster.
  child.unref()
  for (const s of [child.stdin, child.stdout, child.stderr]) (s as unknown as { unref?(): void })?.unref?.()
  return url
}

/** The URL of a new, empty database on this process's PostgreSQL. */
export async function freshPostgresDatabase(): Promise<string> {
  cluster ??= startCluster()
  const base = await cluster
  const name = `t${process.pid}_${++databases}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(base)
  url.pathname = `/${name}`
  return url.toString()
}
