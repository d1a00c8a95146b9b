/**
 * Snapshots of a démarche's workshops for the roadmap's unit tests, written as
 * a board would give them: enjeux with their notes' texts, chantiers with the
 * enjeux they answer and their votes. Every snapshot is valid against the v1
 * schema (parsed), so tests see what the server would store.
 */
import { createHash } from 'node:crypto'
import { type Snapshot, Snapshot as SnapshotSchema } from '../../shared/roadmap/snapshotSchema'

export interface FixtureEnjeu {
  id: string
  titre: string
  /** Note id → text. */
  notes: Record<string, string>
  origine?: { workshopId: string; shapeId: string }
  votes?: number
  rang?: number
}

export interface FixtureChantier {
  id: string
  nom: string
  enjeuIds: string[]
  porteur?: string
  echeance?: string
  votes?: number
  rang?: number
  parCollege?: Record<string, number>
}

export interface FixtureBoard {
  workshopId: string
  kind?: 'enjeux' | 'chantiers' | 'vide'
  title?: string
  createdAt?: string
  enjeux: FixtureEnjeu[]
  chantiers?: FixtureChantier[]
  /** Participation of the vote (its id is `vote-<workshopId>`), when there was one. */
  vote?: { inscrits: number; votants: number; parCollege: Record<string, { inscrits: number; votants: number }> }
  membres?: { nom: string; college: string | null; participants: number }[]
}

export function fixtureSnapshot(board: FixtureBoard, n = 1): Snapshot {
  const voteSessionId = board.vote ? `vote-${board.workshopId}` : null
  const notesOf = (ids: string[]) => board.enjeux.filter((e) => ids.includes(e.id)).flatMap((e) => Object.keys(e.notes))
  return SnapshotSchema.parse({
    id: `snap-${board.workshopId}-${n}`,
    schemaVersion: 1,
    createdAt: board.createdAt ?? `2026-03-1${n}T10:00:00.000Z`,
    createdBy: { participantId: 'p-fanny' },
    previousId: null,
    sha256: createHash('sha256').update(`${board.workshopId}-${n}`).digest('hex'),
    workshop: {
      id: board.workshopId,
      kind: board.kind ?? 'chantiers',
      title: board.title ?? `Atelier ${board.workshopId}`,
      processId: 'proc-aisne',
    },
    membres: (board.membres ?? []).map((m, i) => ({ id: `m${i}`, ...m })),
    enjeux: board.enjeux.map((e) => ({
      id: e.id,
      titre: e.titre,
      noteIds: Object.keys(e.notes),
      votes: e.votes ?? null,
      rang: e.rang ?? null,
      parCollege: {},
      origine: e.origine ?? null,
    })),
    chantiers: (board.chantiers ?? []).map((c) => ({
      id: c.id,
      nom: c.nom,
      description: '',
      contexte: '',
      besoins: '',
      budgetGlobal: null,
      dateDeDebut: null,
      dateDeFin: null,
      echeance: c.echeance ?? '',
      porteurs: c.porteur ? [{ nom: c.porteur }] : [],
      partenaires: [],
      coFinancements: [],
      perimetreGeographique: null,
      enjeuIds: c.enjeuIds,
      votes: c.votes ?? null,
      rang: c.rang ?? null,
      parCollege: c.parCollege ?? {},
      provenance: { enjeuIds: c.enjeuIds, noteIds: notesOf(c.enjeuIds), voteSessionId },
    })),
    notes: board.enjeux.flatMap((e) =>
      Object.entries(e.notes).map(([id, texte]) => ({
        id,
        texte,
        clusterId: e.id,
        parking: false,
        votes: null,
        rang: null,
      })),
    ),
    votes: board.vote
      ? {
          sessionId: voteSessionId,
          cible: 'chantiers',
          regles: { votesParPersonne: 5, maxParItem: 2, resultatsMasques: false, anonyme: false },
          participation: board.vote,
        }
      : null,
  })
}

/** An enjeux workshop: two enjeux of the Aisne, four notes. */
export const ENJEUX_BOARD: FixtureBoard = {
  workshopId: 'w-enjeux',
  kind: 'enjeux',
  title: 'Atelier enjeux',
  enjeux: [
    {
      id: 'shape:reseau',
      titre: 'Couverture réseau',
      notes: { 'shape:n1': 'Pas de fibre', 'shape:n2': 'Débit faible' },
    },
    {
      id: 'shape:inclusion',
      titre: 'Inclusion numérique',
      notes: { 'shape:n3': 'Former les aidants', 'shape:n4': 'Médiation en mairie' },
    },
  ],
  membres: [
    { nom: 'Conseil départemental', college: 'departement', participants: 2 },
    { nom: 'Préfecture', college: 'etat', participants: 1 },
  ],
}

/** The chantiers workshop that started from it: the two enjeux copied (notes too), three chantiers voted. */
export const CHANTIERS_BOARD: FixtureBoard = {
  workshopId: 'w-chantiers',
  kind: 'chantiers',
  title: 'Atelier chantiers',
  enjeux: [
    {
      id: 'shape:copie-reseau',
      titre: 'Couverture réseau',
      origine: { workshopId: 'w-enjeux', shapeId: 'shape:reseau' },
      notes: { 'shape:c1': 'Pas de fibre', 'shape:c2': 'Débit faible' },
    },
    {
      id: 'shape:copie-inclusion',
      titre: 'Inclusion et médiation',
      origine: { workshopId: 'w-enjeux', shapeId: 'shape:inclusion' },
      notes: { 'shape:c3': 'Former les aidants', 'shape:c4': 'Médiation en mairie', 'shape:c5': 'Bus numérique' },
    },
  ],
  chantiers: [
    {
      id: 'shape:fibre',
      nom: 'Fibre partout',
      enjeuIds: ['shape:copie-reseau'],
      porteur: 'Conseil départemental',
      echeance: '2027',
      votes: 3,
      rang: 2,
      parCollege: { departement: 2, etat: 1 },
    },
    {
      id: 'shape:aidants',
      nom: 'Former 40 aidants',
      enjeuIds: ['shape:copie-inclusion'],
      porteur: 'Association Clic',
      votes: 5,
      rang: 1,
      parCollege: { associations: 3, etat: 2 },
    },
    {
      id: 'shape:tiers',
      nom: 'Tiers-lieux',
      enjeuIds: ['shape:copie-inclusion', 'shape:copie-reseau'],
      votes: 3,
      rang: 2,
      parCollege: { etat: 3 },
    },
    { id: 'shape:idee', nom: 'Idée sans vote', enjeuIds: [] },
  ],
  vote: {
    inscrits: 4,
    votants: 3,
    parCollege: {
      departement: { inscrits: 2, votants: 1 },
      etat: { inscrits: 1, votants: 1 },
      associations: { inscrits: 1, votants: 1 },
    },
  },
  membres: [
    { nom: 'Conseil départemental', college: 'departement', participants: 2 },
    { nom: 'Préfecture', college: 'etat', participants: 1 },
    { nom: 'Association Clic', college: 'associations', participants: 1 },
  ],
}
