/**
 * Responses of the snapshots API besides the snapshot itself (its type is
 * `Snapshot`, shared/roadmap/snapshotSchema.ts): free of zod, for the client.
 */

/** `GET /api/workshops/:id/snapshots`: one entry per snapshot, oldest first. */
export interface SnapshotSummary {
  id: string
  /** ISO date-time, as in the snapshot. */
  createdAt: string
  /** The snapshot's sha256 (of its content without the envelope): equal for two snapshots of the same state. */
  sha256: string
}
