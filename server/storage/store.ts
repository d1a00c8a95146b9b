/**
 * The storage contract. The embedded default is SQLite (sqliteStore.ts); a
 * multi-node deployment will plug PostgreSQL behind the same interface, and one
 * contract test suite runs against every implementation.
 *
 * Methods are async so that network stores fit; SQLite answers synchronously
 * inside them.
 */
import type { Template } from '../../shared/api'
import type { Role } from '../../shared/roles'

export interface WorkshopRow {
  id: string
  title: string
  template: Template
  createdAt: number
}

export interface ParticipantRow {
  id: string
  workshopId: string
  role: Role
  name: string
  organisation: string | null
  college: string | null
  createdAt: number
}

export interface LinkRow {
  workshopId: string
  role: Role
}

/** A document as stored: an optional compacted snapshot plus the log after it. */
export interface StoredDoc {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  /** Sequence number of the last log entry included (0 when none). */
  lastSeq: number
}

export interface DocAppend {
  doc: string
  data: Uint8Array
}

export interface Store {
  /** Instance-wide settings (session signing key, admin token hash). */
  getSetting(key: string): Promise<string | null>
  setSettingIfAbsent(key: string, value: string): Promise<string>

  createWorkshop(row: WorkshopRow, links: { role: Role; secretHash: string }[]): Promise<void>
  getWorkshop(id: string): Promise<WorkshopRow | null>
  /** The active (not revoked) link whose secret hashes to this value. */
  findLink(secretHash: string): Promise<LinkRow | null>
  addParticipant(row: ParticipantRow): Promise<void>
  getParticipant(id: string): Promise<ParticipantRow | null>

  loadDoc(doc: string): Promise<StoredDoc>
  /** Appends every entry in one transaction: all are durable, or none. */
  appendUpdates(entries: DocAppend[]): Promise<void>
  /** Number of log entries after the snapshot. */
  countUpdates(doc: string): Promise<number>
  /** Replaces the snapshot and the log entries up to `uptoSeq` by `snapshot`, atomically. */
  replaceWithSnapshot(doc: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>

  /** True when a write can be committed (health check). */
  isWritable(): Promise<boolean>
  close(): Promise<void>
}
