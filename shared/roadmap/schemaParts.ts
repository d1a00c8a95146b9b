/**
 * The zod pieces a workshop's snapshot (snapshotSchema.ts) and a démarche's
 * roadmap version (roadmapSchema.ts) are both made of, defined once so the two
 * published JSON Schemas cannot disagree on what an id, a count or a rank is.
 */
import { z } from 'zod'

export const Id = z.string().min(1).max(200)
export const Text = (max: number) => z.string().max(max)
export const Count = z.int().min(0)
/** From 1; ties share a rank; null: not voted on. */
export const Rank = z.int().min(1).nullable()
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)
export const CollegeId = z.string().max(60)
/** Points per collège id. */
export const ParCollege = z.record(CollegeId, Count)
/** Who could vote and who did, per collège id. */
export const ParticipationParCollege = z.record(CollegeId, z.strictObject({ inscrits: Count, votants: Count }))
