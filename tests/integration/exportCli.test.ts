/**
 * The command-line export (issue 4 §5) against the data directory of a real
 * server that is running and made a snapshot: it writes the very bytes the
 * HTTP export routes serve, builds a live snapshot of the same state (same
 * sha256) without storing it, and says clearly what is wrong, with exit code
 * 1 (nothing to export) or 2 (wrong usage).
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { Snapshot } from '../../shared/roadmap/snapshotSchema'
import { createWorkshop } from '../support/api'
import { CSV_CORPUS, XSS_CORPUS } from '../support/hostileTexts'
import { type HostileWorkshop, hostileWorkshop } from '../support/hostileWorkshop'
import { ROOT, type ServerProcess, startServerProcess, tempDataDir } from '../support/serverProcess'

let server: ServerProcess
let w: HostileWorkshop
before(async () => {
  server = await startServerProcess({ env: { ATELIER_MAX_MESSAGES_PER_SECOND: '10000' } })
  w = await hostileWorkshop(server, [...XSS_CORPUS.slice(0, 8), ...CSV_CORPUS], XSS_CORPUS.slice(0, 4))
})
after(async () => {
  await server.stop()
})

interface Run {
  code: number
  stdout: Buffer
  stderr: string
}

/** The export script as `npm run export` runs it (node + tsx), with the server's data directory in ATELIER_DATA_DIR. */
function cli(
  args: string[],
  env: Record<string, string> = { ATELIER_DATA_DIR: server.dataDir },
  npm = false,
): Promise<Run> {
  const [command, argv] = npm
    ? ['npm', ['run', '--silent', 'export', '--', ...args]]
    : [process.execPath, ['--import', 'tsx', 'scripts/export.ts', ...args]]
  return new Promise((resolve) => {
    execFile(
      command,
      argv,
      { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'buffer', timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0
        resolve({ code: typeof code === 'number' ? code : -1, stdout, stderr: stderr.toString('utf8') })
      },
    )
  })
}

async function http(path: string): Promise<Buffer> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.adminToken}` } })
  assert.equal(res.status, 200, path)
  return Buffer.from(await res.arrayBuffer())
}

test('`npm run export`: csv and md on standard output, html to a file — the bytes the HTTP export serves', async () => {
  const out = path.join(tempDataDir('atelier-export-'), 'feuille.html')
  const [csv, md, html] = await Promise.all([
    cli(['--workshop', w.workshop.id, '--format', 'csv'], undefined, true),
    cli(['--workshop', w.workshop.id, '--format', 'md']),
    cli(['--workshop', w.workshop.id, '--format', 'html', '--out', out]),
  ])
  for (const run of [csv, md, html]) assert.equal(run.code, 0, run.stderr)
  assert.deepEqual(csv.stdout, await http(`/api/workshops/${w.workshop.id}/export?format=csv`))
  assert.deepEqual(md.stdout, await http(`/api/workshops/${w.workshop.id}/export?format=md`))
  assert.equal(html.stdout.length, 0)
  assert.match(html.stderr, /^Wrote .*feuille\.html \(\d+ bytes\)\.\n$/)
  assert.deepEqual(fs.readFileSync(out), await http(`/api/snapshots/${w.snapshotId}/export?format=html`))
})

test('--process gives the démarche’s latest roadmap version, as its HTTP export', async () => {
  const run = await cli(['--process', w.process.id, '--format', 'csv'])
  assert.equal(run.code, 0, run.stderr)
  assert.deepEqual(run.stdout, await http(`/api/processes/${w.process.id}/roadmap/export?format=csv`))
  assert.match(run.stdout.toString('utf8'), /^\uFEFFAtelier;Rang;/)
})

test('--snapshot gives the stored JSON; --live builds the same state now (same sha256), stores nothing', async () => {
  const [stored, live] = await Promise.all([
    cli(['--snapshot', w.snapshotId, '--format', 'json', '--data-dir', server.dataDir], {}),
    cli(['--workshop', w.workshop.id, '--live', '--format', 'json']),
  ])
  assert.equal(stored.code, 0, stored.stderr)
  assert.deepEqual(stored.stdout, await http(`/api/snapshots/${w.snapshotId}`))
  assert.equal(live.code, 0, live.stderr)
  const built = JSON.parse(live.stdout.toString('utf8')) as Snapshot
  const original = JSON.parse(stored.stdout.toString('utf8')) as Snapshot
  assert.match(built.id, /^live-\d+$/)
  assert.equal(built.previousId, w.snapshotId)
  assert.equal(built.sha256, original.sha256, 'the same board and vote: the same content')
  const list = JSON.parse((await http(`/api/workshops/${w.workshop.id}/snapshots`)).toString('utf8')) as unknown[]
  assert.equal(list.length, 1, 'nothing stored')
})

test('nothing to export: exit code 1 and what is missing', async () => {
  const empty = await createWorkshop(server.url, server.adminToken, 'Sans instantané')
  const cases: [string[], RegExp][] = [
    [['--workshop', 'AAAAAAAAAAAAAAAAAAAAAA', '--format', 'csv'], /^No workshop AAAAAAAAAAAAAAAAAAAAAA\.\n$/],
    [['--workshop', empty.id, '--format', 'csv'], /has no snapshot yet \(take one, or export with --live\)/],
    [['--snapshot', 'nope', '--format', 'md'], /^No snapshot nope\.\n$/],
    // Ids are base64url: one may start with a dash.
    [['--snapshot', '-nope', '--format', 'md'], /^No snapshot -nope\.\n$/],
    [['--process', 'nope', '--format', 'md'], /^No démarche nope\.\n$/],
    [['--workshop', w.workshop.id, '--format', 'csv', '--data-dir', tempDataDir()], /^No Atelier database in /],
  ]
  const runs = await Promise.all(cases.map(([args]) => cli(args)))
  for (const [i, run] of runs.entries()) {
    assert.equal(run.code, 1, `${cases[i]?.[0].join(' ')}: ${run.stderr}`)
    assert.match(run.stderr, cases[i]?.[1] as RegExp)
    assert.equal(run.stdout.length, 0)
  }
})

test('wrong usage: exit code 2, and --help says how', async () => {
  const cases: [string[], RegExp][] = [
    [['--workshop', w.workshop.id, '--format', 'pdf'], /^Unknown format "pdf": json, csv, md or html\./],
    [['--workshop', w.workshop.id], /--format is required/],
    [['--format', 'csv'], /exactly one of --workshop, --snapshot or --process/],
    [['--snapshot', w.snapshotId, '--live', '--format', 'json'], /--live goes with --workshop/],
    [['--workshop', w.workshop.id, '--format', 'csv', '--colour'], /Unknown option '--colour'/],
  ]
  const [help, ...runs] = await Promise.all([cli(['--help']), ...cases.map(([args]) => cli(args))])
  for (const [i, run] of runs.entries()) {
    assert.equal(run.code, 2, `${cases[i]?.[0].join(' ')}: ${run.stderr}`)
    assert.match(run.stderr, cases[i]?.[1] as RegExp)
    assert.match(run.stderr, /Run with --help for usage\.\n$/)
  }
  assert.equal(help.code, 0)
  assert.match(
    help.stdout.toString('utf8'),
    /--live {2}a snapshot built now from the stored board and votes, not stored/,
  )
})
