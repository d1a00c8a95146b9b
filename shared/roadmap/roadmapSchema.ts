/**
 * A version of a démarche's roadmap (feuille de route), version 1 of its
 * layout: the latest snapshot of each of the démarche's workshops gathered into
 * one view — enjeux, each with its chantiers ranked by votes, porteurs,
 * échéances, participation by collège — that the roadmap page and the exports
 * read as it is. The TypeScript types and the published JSON Schema
 * (`/schemas/roadmap-version-v1.json`, JSON Schema 2020-12) both come from the
 * zod schema below, and the server validates every version against it before
 * storing it.
 *
 * Shape ids are per board, so every item is named by a key qualified by its
 * workshop, `<workshopId>/<shapeId>` (workshop ids never hold a `/`), and
 * keeps the refs `{ workshopId, shapeId }` that lead back to its board.
 * Provenance: chantier → the enjeux it answers (on its board) → their notes →
 * the vote session that ranked it.
 *
 * An enjeu copied into a later workshop (a chantiers workshop starting from an
 * enjeux workshop, `origine` in the snapshot) is the same enjeu as its source:
 * one entry, keyed by the original, listing every board that holds it.
 *
 * No person's name: organisations, collèges and counts only, as in snapshots.
 * Imported only as types by the client (zod stays out of the browser bundle).
 */
import { z } from 'zod'
import { TEMPLATES } from '../workshop'
import { CollegeId, Count, Id, ParCollege, ParticipationParCollege, Rank, Sha256, Text } from './schemaParts'
import { SnapshotChantier } from './snapshotSchema'

export const ROADMAP_SCHEMA_VERSION = 1

/** `<workshopId>/<shapeId>`: an item of one workshop's board, unique in the démarche. */
const Key = z
  .string()
  .min(3)
  .max(401)
  .regex(/^[^/]+\/.+$/)
const Ref = z
  .strictObject({ workshopId: Id, shapeId: Id })
  .describe('A shape on a workshop’s board (open it at /w/<workshopId>?focus=<shapeId>).')

export const RoadmapAtelier = z.strictObject({
  workshop: z.strictObject({ id: Id, kind: z.enum(TEMPLATES), title: Text(200) }),
  snapshotId: Id,
  snapshotSha256: Sha256,
  createdAt: z.iso.datetime().describe('When the snapshot was taken.'),
})

export const RoadmapNote = z.strictObject({
  id: Key.describe('The key of its first ref.'),
  texte: Text(10_000),
  refs: z
    .array(Ref)
    .min(1)
    .describe('The note on each board that holds it: the original, then its copies (same text, copied enjeu).'),
})

export const RoadmapEnjeu = z.strictObject({
  id: Key.describe('The key of the original enjeu (copies share it).'),
  titre: Text(500).describe('As the latest workshop holding it names it.'),
  refs: z
    .array(Ref.extend({ titre: Text(500) }))
    .min(1)
    .describe('The enjeu on each board, in the order of the ateliers.'),
  notes: z.array(RoadmapNote),
  votes: Count.nullable().describe('From the latest workshop that voted on it.'),
  rang: Rank.describe('Among the enjeux, by votes; ties share a rank.'),
  parCollege: ParCollege,
  chantierIds: z.array(Key).describe('Its chantiers, best ranked first.'),
})

export const RoadmapChantier = SnapshotChantier.omit({ id: true, enjeuIds: true, rang: true, provenance: true }).extend(
  {
    id: Key,
    workshopId: Id,
    shapeId: Id,
    enjeuIds: z.array(Key).describe('The roadmap enjeux it answers.'),
    rang: Rank.describe('Among every chantier of the roadmap, by votes; ties share a rank (1, 1, 3).'),
    rangAtelier: Rank.describe('Its rank in its own workshop’s vote.'),
    provenance: z
      .strictObject({
        enjeux: z.array(Ref),
        notes: z.array(Ref),
        voteSession: z.strictObject({ workshopId: Id, sessionId: Id }).nullable(),
      })
      .describe('The enjeux, notes and vote session that produced it, on its board.'),
  },
)

export const RoadmapParticipation = z.strictObject({
  parCollege: ParticipationParCollege.describe('Summed over the ateliers.'),
  ateliers: z.array(
    z.strictObject({
      workshopId: Id,
      voteSessionId: Id.nullable().describe('The vote the counts come from; null: people present, nobody voted.'),
      inscrits: Count,
      votants: Count,
      parCollege: ParticipationParCollege,
    }),
  ),
  organisations: z
    .array(z.strictObject({ nom: Text(200), college: CollegeId.nullable(), participants: Count }))
    .describe('Organisations present, summed over the ateliers.'),
})

export const RoadmapVersion = z
  .strictObject({
    id: Id,
    schemaVersion: z.literal(ROADMAP_SCHEMA_VERSION),
    version: z.int().min(1).describe('Counts from 1 per démarche.'),
    createdAt: z.iso.datetime(),
    previousId: Id.nullable().describe('The démarche’s previous version.'),
    sha256: Sha256.describe(
      'SHA-256 of the canonical JSON (keys sorted, no spaces) of the version without id, version, createdAt, previousId and sha256: two versions built from the same snapshots have the same sha256.',
    ),
    demarche: z.strictObject({
      id: Id,
      nom: Text(200),
      codeDepartement: z.string().max(3).nullable(),
      perimetre: Text(200).nullable(),
    }),
    ateliers: z.array(RoadmapAtelier).describe('The latest snapshot of each workshop of the démarche, oldest first.'),
    enjeux: z.array(RoadmapEnjeu).describe('In the order of the ateliers, then of each board.'),
    chantiers: z.array(RoadmapChantier).describe('Best ranked first; unvoted ones last.'),
    participation: RoadmapParticipation,
  })
  .describe('A version of a démarche’s roadmap (Atelier, schema version 1).')

export type RoadmapVersion = z.infer<typeof RoadmapVersion>
export type RoadmapEnjeu = z.infer<typeof RoadmapEnjeu>
export type RoadmapChantier = z.infer<typeof RoadmapChantier>
export type RoadmapNote = z.infer<typeof RoadmapNote>
export type RoadmapAtelier = z.infer<typeof RoadmapAtelier>
export type RoadmapParticipation = z.infer<typeof RoadmapParticipation>
export type RoadmapRef = z.infer<typeof Ref>

/** The fields the sha256 does not cover: which copy and when, not what. */
export const ROADMAP_ENVELOPE = ['id', 'version', 'createdAt', 'previousId', 'sha256'] as const
export type RoadmapContent = Omit<RoadmapVersion, (typeof ROADMAP_ENVELOPE)[number]>
