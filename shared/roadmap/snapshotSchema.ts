/**
 * The roadmap snapshot of a workshop, version 1: the single definition of its
 * shape. The TypeScript type (`Snapshot`) and the published JSON Schema
 * (`/schemas/roadmap-v1.json`, JSON Schema 2020-12, see roadmapJsonSchema.ts)
 * both come from the zod schema below, and the server validates every snapshot
 * against it before storing it.
 *
 * Field names follow the ANCT's data model of a feuille de route France
 * Numérique Ensemble where one exists (nom, contexte, description, besoins,
 * budgetGlobal, dateDeDebut, dateDeFin, porteurs, coFinancements,
 * perimetreGeographique), so actions can be carried into the ANCT platform;
 * French elsewhere, like the rest of the data.
 *
 * Personal data: no participant's name is in a snapshot — organisations and
 * collèges only, and participant ids (createdBy).
 *
 * Imported only as types by the client (zod stays out of the browser bundle).
 */
import { z } from 'zod'
import { TEMPLATES } from '../workshop'
import { CollegeId, Count, Id, ParCollege, ParticipationParCollege, Rank, Sha256, Text } from './schemaParts'

export const SNAPSHOT_SCHEMA_VERSION = 1

/** A calendar date, `YYYY-MM-DD`. */
const IsoDate = z.iso.date()

const Origine = z
  .strictObject({ workshopId: Id, shapeId: Id })
  .describe('Where a copied enjeu came from: the earlier workshop and its frame.')

export const SnapshotMembre = z
  .strictObject({
    id: Id.describe('Stable id of the organisation within the snapshot.'),
    nom: Text(200),
    college: CollegeId.nullable(),
    participants: Count,
  })
  .describe('An organisation present at the workshop.')

export const SnapshotEnjeu = z.strictObject({
  id: Id,
  titre: Text(500),
  noteIds: z.array(Id),
  votes: Count.nullable(),
  rang: Rank,
  parCollege: ParCollege,
  origine: Origine.nullable(),
})

export const SnapshotOrganisation = z.strictObject({ nom: Text(200) })

export const SnapshotChantier = z.strictObject({
  id: Id,
  nom: Text(200),
  description: Text(4000),
  contexte: Text(4000),
  besoins: Text(4000),
  budgetGlobal: z.number().min(0).nullable().describe('In euros.'),
  dateDeDebut: IsoDate.nullable(),
  dateDeFin: IsoDate.nullable().describe(
    'From the échéance when it reads as a date (a month or a year: its last day).',
  ),
  echeance: Text(40).describe('The échéance as the group wrote it.'),
  porteurs: z.array(SnapshotOrganisation),
  partenaires: z.array(SnapshotOrganisation),
  coFinancements: z.array(SnapshotOrganisation),
  perimetreGeographique: Text(200).nullable(),
  enjeuIds: z.array(Id),
  votes: Count.nullable(),
  rang: Rank,
  parCollege: ParCollege,
  provenance: z
    .strictObject({
      enjeuIds: z.array(Id),
      noteIds: z.array(Id),
      voteSessionId: Id.nullable(),
    })
    .describe('The enjeux, notes and vote session that produced this chantier.'),
})

export const SnapshotNote = z.strictObject({
  id: Id,
  texte: Text(10_000),
  clusterId: Id.nullable().describe('The enjeu holding the note, or null.'),
  parking: z.boolean(),
  votes: Count.nullable(),
  rang: Rank,
})

export const SnapshotVotes = z.strictObject({
  sessionId: Id,
  cible: z.enum(['chantiers', 'enjeux', 'notes', 'ids']),
  regles: z.strictObject({
    votesParPersonne: z.int().min(1),
    maxParItem: z.int().min(1),
    resultatsMasques: z.boolean(),
    anonyme: z.boolean(),
  }),
  participation: z.strictObject({
    inscrits: Count,
    votants: Count,
    parCollege: ParticipationParCollege,
  }),
})

export const Snapshot = z
  .strictObject({
    id: Id,
    schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
    createdAt: z.iso.datetime(),
    createdBy: z.strictObject({ participantId: Id }),
    previousId: Id.nullable().describe('The workshop’s previous snapshot.'),
    sha256: Sha256.describe(
      'SHA-256 of the canonical JSON (keys sorted, no spaces) of the snapshot without id, createdAt, createdBy, previousId and sha256: two snapshots of the same state have the same sha256.',
    ),
    workshop: z.strictObject({
      id: Id,
      kind: z.enum(TEMPLATES),
      title: Text(200),
      processId: Id.nullable(),
    }),
    membres: z.array(SnapshotMembre),
    enjeux: z.array(SnapshotEnjeu),
    chantiers: z.array(SnapshotChantier),
    notes: z.array(SnapshotNote),
    votes: SnapshotVotes.nullable().describe('The last vote whose results may be seen, or null.'),
  })
  .describe('A roadmap snapshot of one workshop (Atelier, schema version 1).')

export type Snapshot = z.infer<typeof Snapshot>
export type SnapshotChantier = z.infer<typeof SnapshotChantier>
export type SnapshotEnjeu = z.infer<typeof SnapshotEnjeu>
export type SnapshotNote = z.infer<typeof SnapshotNote>
export type SnapshotMembre = z.infer<typeof SnapshotMembre>

/** The fields the sha256 does not cover: who, when and which copy, not what. */
export const SNAPSHOT_ENVELOPE = ['id', 'createdAt', 'createdBy', 'previousId', 'sha256'] as const
