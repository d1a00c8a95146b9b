/**
 * Builds a workshop's roadmap snapshot (shared/roadmap/snapshotSchema.ts) from
 * what the server holds: the board's records, who joined, and the vote whose
 * results may be seen. Pure: the same inputs give the same snapshot, byte for
 * byte, and the same `sha256` for the same state whatever the envelope.
 *
 * The meaning of the board comes from the one derivation (deriveBoardModel,
 * the one the client shows); this module only maps it to the schema:
 * - a chantier's `nom` is its titre; porteur, partenaires and co-financements
 *   become organisations `{ nom }`; `dateDeFin` / `dateDeDebut` and
 *   `budgetGlobal` are read out of the text typed (null when it does not read
 *   as one), the échéance as typed is kept;
 * - `provenance`: the enjeux and notes behind a chantier, and the vote session
 *   when its results rank that chantier;
 * - `membres`: the organisations present, every role, grouped by name (case,
 *   spaces and accents ignored), with their collège and head count; people
 *   without one are « Sans organisation » per collège. No person's name;
 * - lists are ranked (by votes, ties kept in reading order; unvoted items in
 *   reading order after the voted ones);
 * - texts longer than the schema allows are cut, marked with « … »: a snapshot
 *   of a board with a huge note is still a snapshot.
 */
import { createHash } from 'node:crypto'
import { COLLEGES } from '../../shared/colleges'
import { byRank, deriveBoardModel, type ItemVotes, type ModelVote } from '../../shared/model/boardModel'
import { canonicalJson } from '../../shared/roadmap/canonicalJson'
import { readAmount } from '../../shared/roadmap/readAmount'
import { readDate } from '../../shared/roadmap/readDate'
import {
  SNAPSHOT_ENVELOPE,
  SNAPSHOT_SCHEMA_VERSION,
  Snapshot,
  SnapshotChantier,
  SnapshotEnjeu,
  SnapshotMembre,
  SnapshotNote,
  SnapshotOrganisation,
} from '../../shared/roadmap/snapshotSchema'
import { stripAccents } from '../facilitation/clustering/stripAccents'
import type { ParticipantRow, WorkshopRow } from '../storage/store'

/** What the snapshot is about: the workshop's state as stored. */
export interface SnapshotContent {
  workshop: Required<WorkshopRow>
  /** The board's records (any order). */
  records: readonly unknown[]
  /** Everyone who joined, any role (only organisation and collège are read). */
  participants: readonly Pick<ParticipantRow, 'organisation' | 'college'>[]
  /** The latest vote whose results may be seen, or null — never a hidden tally. */
  vote: ModelVote | null
}

/** Who took it, when, and which copy it is: not covered by the sha256. */
export interface SnapshotEnvelope {
  id: string
  /** ms since the epoch */
  createdAt: number
  /** Participant id of the facilitator who took it. */
  createdBy: string
  previousId: string | null
}

export type SnapshotInputs = SnapshotContent & SnapshotEnvelope

export const NO_ORGANISATION = 'Sans organisation'

export function buildSnapshot(inputs: SnapshotInputs): Snapshot {
  const { workshop, vote } = inputs
  const model = deriveBoardModel(inputs.records, vote)
  const content: Omit<Snapshot, (typeof SNAPSHOT_ENVELOPE)[number]> = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    workshop: {
      id: workshop.id,
      kind: workshop.template,
      title: fit(workshop.title, Snapshot.shape.workshop.shape.title.maxLength),
      processId: workshop.processId,
    },
    membres: membres(inputs.participants),
    enjeux: byRank(model.enjeux).map((e) => ({
      id: e.id,
      titre: fit(e.titre, SnapshotEnjeu.shape.titre.maxLength),
      noteIds: e.noteIds,
      ...votesOf(e.votes, vote),
      origine: e.origine,
    })),
    chantiers: byRank(model.chantiers).map((c) => ({
      id: c.id,
      nom: fit(c.titre, SnapshotChantier.shape.nom.maxLength),
      description: fit(c.description, SnapshotChantier.shape.description.maxLength),
      contexte: fit(c.contexte, SnapshotChantier.shape.contexte.maxLength),
      besoins: fit(c.besoins, SnapshotChantier.shape.besoins.maxLength),
      budgetGlobal: readAmount(c.budgetGlobal),
      dateDeDebut: readDate(c.dateDeDebut, 'start'),
      dateDeFin: readDate(c.echeance, 'end'),
      echeance: fit(c.echeance, SnapshotChantier.shape.echeance.maxLength),
      porteurs: organisations(c.porteur ? [c.porteur] : []),
      partenaires: organisations(c.partenaires),
      coFinancements: organisations(c.coFinancements),
      perimetreGeographique: c.perimetreGeographique
        ? fit(c.perimetreGeographique, SnapshotChantier.shape.perimetreGeographique.unwrap().maxLength)
        : null,
      enjeuIds: c.enjeuIds,
      ...votesOf(c.votes, vote),
      provenance: {
        enjeuIds: c.enjeuIds,
        noteIds: c.noteIds,
        voteSessionId: c.votes && vote ? vote.session.id : null,
      },
    })),
    notes: byRank(model.notes).map((n) => ({
      id: n.id,
      texte: fit(n.texte, SnapshotNote.shape.texte.maxLength),
      clusterId: n.enjeuId,
      parking: n.parking,
      votes: n.votes?.votes ?? null,
      rang: n.votes?.rang ?? null,
    })),
    votes: vote ? votes(vote) : null,
  }
  return {
    id: inputs.id,
    createdAt: new Date(inputs.createdAt).toISOString(),
    createdBy: { participantId: inputs.createdBy },
    previousId: inputs.previousId,
    sha256: contentSha256(content),
    ...content,
  }
}

/**
 * The sha256 of a snapshot: hex SHA-256 of the canonical JSON of the snapshot
 * without its envelope (SNAPSHOT_ENVELOPE: id, createdAt, createdBy,
 * previousId, sha256), so two snapshots of the same state share it.
 */
export function snapshotSha256(snapshot: Snapshot): string {
  const content: Record<string, unknown> = { ...snapshot }
  for (const key of SNAPSHOT_ENVELOPE) delete content[key]
  return contentSha256(content)
}

function contentSha256(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex')
}

function votesOf(
  votes: ItemVotes | null,
  vote: ModelVote | null,
): { votes: number | null; rang: number | null; parCollege: Record<string, number> } {
  if (!votes) return { votes: null, rang: null, parCollege: {} }
  // Anonymous sessions carry no collège per item (ranking.ts leaves it empty; a second guard here).
  return { votes: votes.votes, rang: votes.rang, parCollege: vote?.session.anonymous ? {} : votes.parCollege }
}

type SnapshotVotes = NonNullable<Snapshot['votes']>

function votes({ session, results }: ModelVote): SnapshotVotes {
  const parCollege: SnapshotVotes['participation']['parCollege'] = {}
  for (const [college, p] of Object.entries(results.participation.byCollege)) {
    parCollege[college] = { inscrits: p.participants, votants: p.voters }
  }
  return {
    sessionId: session.id,
    cible: session.targets,
    regles: {
      votesParPersonne: session.votesPerPerson,
      maxParItem: session.maxPerItem,
      resultatsMasques: session.hideResults,
      anonyme: session.anonymous,
    },
    participation: {
      inscrits: results.participation.participants,
      votants: results.participation.voters,
      parCollege,
    },
  }
}

function organisations(names: readonly string[]): { nom: string }[] {
  return names.map((nom) => ({ nom: fit(nom, SnapshotOrganisation.shape.nom.maxLength) }))
}

const COLLEGE_ORDER = new Map<string, number>(COLLEGES.map((c, i) => [c.id, i]))
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

/** The organisations present: grouped by normalised name, or « Sans organisation » per collège. */
function membres(participants: SnapshotContent['participants']): SnapshotMembre[] {
  const groups = new Map<string, { nom: string; colleges: Map<string | null, number>; n: number }>()
  for (const p of participants) {
    const nom = p.organisation?.replace(/\s+/g, ' ').trim() ?? ''
    const id = nom ? `org:${organisationKey(nom)}` : `sans-organisation:${p.college ?? 'aucun'}`
    const group = groups.get(id) ?? { nom: nom || NO_ORGANISATION, colleges: new Map(), n: 0 }
    groups.set(id, group)
    group.n++
    group.colleges.set(p.college, (group.colleges.get(p.college) ?? 0) + 1)
  }
  const list: SnapshotMembre[] = [...groups].map(([id, g]) => ({
    id: fit(id, SnapshotMembre.shape.id.maxLength),
    nom: fit(g.nom, SnapshotMembre.shape.nom.maxLength),
    college: mainCollege(g.colleges),
    participants: g.n,
  }))
  // Organisations by name, then « Sans organisation » in the order of the collèges.
  const unnamed = (m: SnapshotMembre) => m.id.startsWith('sans-organisation:')
  return list.sort(
    (a, b) =>
      Number(unnamed(a)) - Number(unnamed(b)) ||
      (unnamed(a) ? collegeRank(a.college) - collegeRank(b.college) : collator.compare(a.nom, b.nom)) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}

/** One key for every way of typing a name: « CAF de l'Aisne » = « caf  de l’aisne » = « CAF DE L’AÏSNE ». */
function organisationKey(nom: string): string {
  return stripAccents(nom.toLowerCase())
    .replace(/[’ʼ‘`]/g, "'")
    .replace(/\s+/g, '')
}

/** The collège most of an organisation's people gave (the first one given among equals); null if none did. */
function mainCollege(counts: Map<string | null, number>): string | null {
  let best: string | null = null
  let bestCount = 0
  for (const [college, n] of counts) {
    if (college !== null && n > bestCount) {
      best = college
      bestCount = n
    }
  }
  return best
}

const collegeRank = (college: string | null) =>
  college === null ? COLLEGES.length : (COLLEGE_ORDER.get(college) ?? COLLEGES.length)

/** `text`, cut to `max` UTF-16 units (the schema's measure) with « … », never inside a surrogate pair. */
function fit(text: string, max: number | null): string {
  if (max === null || text.length <= max) return text
  let end = max - 1
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--
  return `${text.slice(0, end)}…`
}
