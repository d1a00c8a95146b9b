/**
 * Runs the real Atelier server as a child process on loopback, with its own
 * data directory, for integration, crash and browser tests.
 *
 * ATELIER_TEST_STORE=postgres (npm run test:postgres) gives each server a fresh
 * database on a real PostgreSQL started for the test process (tests/support/postgres.ts)
 * instead of SQLite in its data directory; a restart keeps the same database.
 *
 * The server runs from its TypeScript under tsx, unless ATELIER_TEST_SERVER=compiled
 * (the browser tests, the benches) or `compiled`: then it is what `npm start` runs, the
 * bundle scripts/build-server.mjs wrote to dist/server (or to `compiled`'s folder).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef'

export interface ServerProcess {
  url: string
  port: number
  dataDir: string
  /** The PostgreSQL database it keeps its data in, or null: SQLite in `dataDir`. */
  storeUrl: string | null
  adminToken: string
  child: ChildProcess
  /** Every line the server wrote on stdout (JSON logs). */
  logs: string[]
  /** What the server wrote on stderr so far (the start-up banner for people). */
  stderr(): string
  /** SIGKILL, no chance to flush. */
  kill(): Promise<void>
  /** SIGTERM, graceful. */
  stop(): Promise<void>
  /** Starts the server again on the same port and data directory. */
  restart(): Promise<ServerProcess>
}

export interface StartOptions {
  dataDir?: string
  /** Run a compiled server: true for dist/server, or the folder scripts/build-server.mjs wrote it to. */
  compiled?: boolean | string
  port?: number
  env?: Record<string, string>
}

export function tempDataDir(prefix = 'atelier-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** The store a test server uses when its test says nothing: see ATELIER_TEST_STORE above. */
async function testStoreUrl(): Promise<string | null> {
  const kind = process.env.ATELIER_TEST_STORE
  if (!kind || kind === 'sqlite') return null
  if (kind !== 'postgres') throw new Error(`ATELIER_TEST_STORE must be sqlite or postgres, got "${kind}"`)
  const { freshPostgresDatabase } = await import('./postgres')
  return freshPostgresDatabase()
}

/** Node's arguments to run the server: its sources under tsx, or a compiled bundle. */
function serverEntry(compiled: boolean | string = process.env.ATELIER_TEST_SERVER === 'compiled'): string[] {
  if (!compiled) return ['--import', 'tsx', path.join(ROOT, 'server/main.ts')]
  const main = path.join(typeof compiled === 'string' ? compiled : path.join(ROOT, 'dist/server'), 'main.mjs')
  if (!fs.existsSync(main)) throw new Error(`no compiled server at ${main}: run npm run build first`)
  return ['--enable-source-maps', main]
}

export async function startServerProcess(opts: StartOptions = {}): Promise<ServerProcess> {
  const dataDir = opts.dataDir ?? tempDataDir()
  const storeUrl = opts.env?.ATELIER_STORE ?? (await testStoreUrl())
  // SERVER_NODE_ARGS: extra Node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile a bench.
  const nodeArgs = process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...nodeArgs, ...serverEntry(opts.compiled)], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(opts.port ?? 0),
      HOST: '127.0.0.1',
      ATELIER_DATA_DIR: dataDir,
      ATELIER_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      ATELIER_LOG_LEVEL: 'info',
      ...(storeUrl ? { ATELIER_STORE: storeUrl } : {}),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const logs: string[] = []
  let stderr = ''
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = ''
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s\n${stderr}`)), 20_000)
    child.stderr?.on('data', (d) => {
      stderr += String(d)
    })
    child.stdout?.on('data', (d) => {
      buffered += String(d)
      let nl = buffered.indexOf('\n')
      while (nl >= 0) {
        const line = buffered.slice(0, nl)
        buffered = buffered.slice(nl + 1)
        logs.push(line)
        try {
          const entry = JSON.parse(line) as { event?: string; port?: number }
          if (entry.event === 'listening' && entry.port) {
            clearTimeout(timer)
            resolve(entry.port)
          }
        } catch {}
        nl = buffered.indexOf('\n')
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}\n${stderr}`))
    })
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const self: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    storeUrl,
    adminToken: opts.env?.ATELIER_ADMIN_TOKEN ?? TEST_ADMIN_TOKEN,
    child,
    logs,
    stderr: () => stderr,
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      // A graceful stop that hangs is a bug the test should see, not a stuck suite.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
    restart: () =>
      startServerProcess({
        ...opts,
        dataDir,
        port,
        env: { ...opts.env, ...(storeUrl ? { ATELIER_STORE: storeUrl } : {}) },
      }),
  }
  return self
}
