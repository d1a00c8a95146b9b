/**
 * Command-line export (issue 4 §5), for offline use and automation: the same
 * files as the HTTP export routes, read from the server's data directory.
 *
 *   npm run export -- --workshop <id> --format csv [--out <file>] [--data-dir <dir>]
 *
 * The SQLite file is opened read-only (WAL lets it be read while a server
 * writes it), so running this beside a live server is safe. Exit codes: 0 done,
 * 1 nothing to export (unknown id, no snapshot or version yet, no database),
 * 2 wrong usage.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../server/config'
import { FacilitationService } from '../server/facilitation/facilitationService'
import { createLogger } from '../server/logger'
import { EXPORT_FORMATS, type ExportFile, type ExportFormat } from '../server/roadmap/exports/exportFormats'
import { roadmapExport, snapshotExport } from '../server/roadmap/exports/storedExports'
import { RoadmapService } from '../server/roadmap/roadmapService'
import { buildSnapshot } from '../server/roadmap/snapshotBuilder'
import { loadSnapshotContent } from '../server/roadmap/snapshotInputs'
import { DATABASE_FILE, SqliteStore } from '../server/storage/sqliteStore'
import { canonicalJson } from '../shared/roadmap/canonicalJson'

const HELP = `Export a workshop's snapshot or a démarche's roadmap, as the server's export routes do.

Usage: npm run export -- <source> --format <json|csv|md|html> [--out <file>] [--data-dir <dir>]

Source (exactly one):
  --workshop <id>         the workshop's latest snapshot
  --workshop <id> --live  a snapshot built now from the stored board and votes, not stored
                          (its id is "live-…" and its author "command-line"; a running
                          server's last few milliseconds of edits may not be in it yet)
  --snapshot <id>         that snapshot
  --process <id>          the latest version of the démarche's roadmap

Options:
  --format <f>    json (the stored document itself), csv, md or html
  --out <file>    write there (default: standard output)
  --data-dir <d>  the server's data directory (default: ATELIER_DATA_DIR, else ./data)
  --help          this text

The database is opened read-only: safe beside a running server.
Exit codes: 0 done; 1 nothing to export (unknown id, no snapshot or roadmap version
yet, no database); 2 wrong usage.
`

class Failure extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    message: string,
  ) {
    super(message)
  }
}

const usage = (message: string) => new Failure(2, `${message}\nRun with --help for usage.`)
const nothing = (message: string) => new Failure(1, message)

interface Options {
  source:
    | { kind: 'workshop'; id: string; live: boolean }
    | { kind: 'snapshot'; id: string }
    | { kind: 'process'; id: string }
  format: ExportFormat
  out: string | null
  dataDir: string
}

function readOptions(argv: string[]): Options | 'help' {
  let values: ReturnType<typeof parse>['values']
  try {
    values = parse(argv).values
  } catch (e) {
    throw usage((e as Error).message)
  }
  if (values.help) return 'help'
  const sources = (['workshop', 'snapshot', 'process'] as const).filter((k) => values[k] !== undefined)
  if (sources.length !== 1) throw usage('Give exactly one of --workshop, --snapshot or --process.')
  if (values.live && !values.workshop) throw usage('--live goes with --workshop.')
  if (values.format === undefined) throw usage('--format is required: json, csv, md or html.')
  if (!(EXPORT_FORMATS as readonly string[]).includes(values.format))
    throw usage(`Unknown format "${values.format}": json, csv, md or html.`)
  const kind = sources[0] as (typeof sources)[number]
  const id = values[kind] as string
  return {
    source: kind === 'workshop' ? { kind, id, live: values.live ?? false } : { kind, id },
    format: values.format as ExportFormat,
    out: values.out ?? null,
    dataDir: values['data-dir'] ? path.resolve(values['data-dir']) : loadConfig().dataDir,
  }
}

const STRING_OPTIONS = new Set(['--workshop', '--snapshot', '--process', '--format', '--out', '--data-dir'])
const OPTIONS = new Set([...STRING_OPTIONS, '--live', '--help'])

/**
 * `--snapshot -AbC…` → `--snapshot=-AbC…`: ids are base64url and may start with
 * a dash, which parseArgs would otherwise take for an option and refuse.
 */
function joinValues(argv: string[]): string[] {
  const joined: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const value = argv[i + 1]
    if (STRING_OPTIONS.has(arg) && value !== undefined && !OPTIONS.has(value)) {
      joined.push(`${arg}=${value}`)
      i++
    } else joined.push(arg)
  }
  return joined
}

function parse(argv: string[]) {
  return parseArgs({
    args: joinValues(argv),
    strict: true,
    allowPositionals: false,
    options: {
      workshop: { type: 'string' },
      snapshot: { type: 'string' },
      process: { type: 'string' },
      live: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  })
}

async function exportFile(store: SqliteStore, { source, format }: Options): Promise<ExportFile> {
  if (source.kind === 'snapshot') {
    const row = await store.getSnapshot(source.id)
    if (!row) throw nothing(`No snapshot ${source.id}.`)
    return snapshotExport(store, row.body, format)
  }
  if (source.kind === 'process') {
    if (!(await store.getProcess(source.id))) throw nothing(`No démarche ${source.id}.`)
    const row = await new RoadmapService({ store, logger: createLogger('silent') }).latest(source.id)
    if (!row) throw nothing(`The démarche ${source.id} has no roadmap version yet.`)
    return roadmapExport(row.body, format)
  }
  if (!(await store.getWorkshop(source.id))) throw nothing(`No workshop ${source.id}.`)
  if (!source.live) {
    const row = await store.latestSnapshot(source.id)
    if (!row) throw nothing(`The workshop ${source.id} has no snapshot yet (take one, or export with --live).`)
    return snapshotExport(store, row.body, format)
  }
  // Offline: no rooms to read from (the board comes from the stored log) and none to write to.
  const facilitation = new FacilitationService(store, () => {
    throw new Error('no rooms in the command-line export')
  })
  const content = await loadSnapshotContent({ store, facilitation, rooms: null }, source.id)
  if (!content) throw nothing(`No workshop ${source.id}.`)
  const now = Date.now()
  const snapshot = buildSnapshot({
    ...content,
    id: `live-${now}`,
    createdAt: now,
    createdBy: 'command-line',
    previousId: (await store.latestSnapshot(source.id))?.id ?? null,
  })
  return snapshotExport(store, canonicalJson(snapshot), format)
}

async function main(argv: string[]): Promise<void> {
  const options = readOptions(argv)
  if (options === 'help') {
    process.stdout.write(HELP)
    return
  }
  const file = path.join(options.dataDir, DATABASE_FILE)
  if (!fs.existsSync(file)) throw nothing(`No Atelier database in ${options.dataDir} (expected ${file}).`)
  const store = new SqliteStore(file, { readonly: true })
  try {
    const exported = await exportFile(store, options)
    if (options.out === null) {
      process.stdout.write(exported.body)
      return
    }
    fs.writeFileSync(options.out, exported.body)
    process.stderr.write(`Wrote ${options.out} (${Buffer.byteLength(exported.body)} bytes).\n`)
  } finally {
    await store.close()
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Failure ? e.message : `Export failed: ${(e as Error).message ?? e}`}\n`)
  process.exitCode = e instanceof Failure ? e.exitCode : 1
})
