/**
 * Rows as both stores read them (same column names in SQLite and PostgreSQL) and
 * the objects of the contract they become.
 */
import type { Template } from '../../shared/api'
import type { Role } from '../../shared/roles'
import type {
  ParticipantRow,
  ProcessLinkRow,
  ProcessRow,
  RoadmapVersionMeta,
  SnapshotMeta,
  StoredWorkshop,
} from './store'

export interface SnapshotDbRow {
  id: string
  workshop_id: string
  created_at: number
  sha256: string
  body: string
}

export function snapshotMeta(r: Omit<SnapshotDbRow, 'body'>): SnapshotMeta {
  return { id: r.id, workshopId: r.workshop_id, createdAt: r.created_at, sha256: r.sha256 }
}

/** The rule of insertSnapshot, given the workshop's latest snapshot as stored. */
export function chainsOnto(
  latest: Pick<SnapshotDbRow, 'id' | 'created_at'> | null | undefined,
  row: SnapshotMeta,
  previousId: string | null,
): boolean {
  // Dated before the latest, it would sort before it and not become the latest: the next one would fork from it.
  return (latest?.id ?? null) === previousId && (!latest || row.createdAt >= latest.created_at)
}

export interface RoadmapVersionDbRow {
  id: string
  process_id: string
  version: number
  created_at: number
  sha256: string
  body: string
}

export function roadmapVersionMeta(r: Omit<RoadmapVersionDbRow, 'body'>): RoadmapVersionMeta {
  return { id: r.id, processId: r.process_id, version: r.version, createdAt: r.created_at, sha256: r.sha256 }
}

export interface ParticipantDbRow {
  id: string
  workshop_id: string
  role: string
  name: string
  organisation: string | null
  college: string | null
  created_at: number
}

export function participantFromRow(r: ParticipantDbRow): ParticipantRow {
  return {
    id: r.id,
    workshopId: r.workshop_id,
    role: r.role as Role,
    name: r.name,
    organisation: r.organisation,
    college: r.college,
    createdAt: r.created_at,
  }
}

export interface WorkshopDbRow {
  id: string
  title: string
  template: string
  created_at: number
  process_id: string | null
  retention_days: number
  erased_at: number | null
}

export const WORKSHOP_COLUMNS = 'id, title, template, created_at, process_id, retention_days, erased_at'

export function workshopFromRow(r: WorkshopDbRow): StoredWorkshop {
  return {
    id: r.id,
    title: r.title,
    template: r.template as Template,
    createdAt: r.created_at,
    processId: r.process_id,
    retentionDays: r.retention_days,
    erasedAt: r.erased_at,
  }
}

export interface ProcessDbRow {
  id: string
  nom: string
  code_departement: string | null
  perimetre: string | null
  created_at: number
}

export function processFromRow(r: ProcessDbRow): ProcessRow {
  return {
    id: r.id,
    nom: r.nom,
    codeDepartement: r.code_departement,
    perimetre: r.perimetre,
    createdAt: r.created_at,
  }
}

export interface ProcessLinkDbRow {
  secret_hash: string
  process_id: string
  created_at: number
  revoked_at: number | null
}

export function processLinkFromRow(r: ProcessLinkDbRow): ProcessLinkRow {
  return { processId: r.process_id, secretHash: r.secret_hash, createdAt: r.created_at }
}

/**
 * A string above every string starting with `prefix` and below any other that
 * is above them: the prefix with its last character incremented. (SQLite
 * compares text as UTF-8 bytes, in code point order, as PostgreSQL's "C" collation
 * does; document names are ASCII.)
 */
export function prefixEnd(prefix: string): string {
  if (prefix.length === 0) return '\u{10ffff}'
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
}

/** better-sqlite3 binds Buffers as BLOBs (pg sends them as binary BYTEA); wrap without copying. */
export function asBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
}
