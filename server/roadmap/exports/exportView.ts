/**
 * What every export format shows, one shape for a workshop's snapshot and for
 * a démarche's roadmap version: the heading (title, démarche, date), the
 * participation, the chantiers ranked by votes (with their enjeux, porteurs,
 * échéances and the notes behind them) and the enjeux with their notes.
 *
 * The CSV, Markdown and HTML exporters only lay this out; which chantier comes
 * first, which ranks are ties and which notes stand behind a chantier are
 * decided here, once.
 */
import { COLLEGES } from '../../../shared/colleges'
import type { RoadmapVersion } from '../../../shared/roadmap/roadmapSchema'
import type { Snapshot, SnapshotChantier } from '../../../shared/roadmap/snapshotSchema'

export interface ExportView {
  kind: 'snapshot' | 'roadmap'
  title: string
  /** The démarche of a workshop, or the territory of a roadmap, when known. */
  context: string | null
  /** ISO 8601 date-time the snapshot or version was made. */
  createdAt: string
  /** Which stored document this is: a snapshot id, or « version 3 ». */
  reference: string
  sha256: string
  participation: ExportParticipation | null
  organisations: ExportOrganisation[]
  /** Ranked (unvoted last), reading order among equals. */
  chantiers: ExportChantier[]
  /** Ranked when they were voted on, else in reading order. */
  enjeux: ExportEnjeu[]
  /** Collège ids that gave points to some chantier, in the usual collège order. */
  colleges: string[]
}

export interface ExportParticipation {
  inscrits: number
  votants: number
  parCollege: { college: string; inscrits: number; votants: number }[]
  /** A roadmap's figures per workshop (empty for a snapshot: one workshop). */
  parAtelier: { atelier: string; inscrits: number; votants: number }[]
  /** The vote's rules (a snapshot's one vote; none for a roadmap, which gathers several). */
  regles: { votesParPersonne: number; maxParItem: number; anonyme: boolean } | null
}

export interface ExportOrganisation {
  nom: string
  college: string | null
  participants: number
}

export interface ExportChantier {
  id: string
  rang: number | null
  /** Another chantier holds the same rank. */
  exAequo: boolean
  votes: number | null
  nom: string
  /** Titles of the enjeux it answers. */
  enjeux: string[]
  porteurs: string[]
  partenaires: string[]
  echeance: string
  dateDeDebut: string | null
  dateDeFin: string | null
  description: string
  contexte: string
  besoins: string
  budgetGlobal: number | null
  coFinancements: string[]
  perimetreGeographique: string | null
  parCollege: Record<string, number>
  /** Texts of the notes behind it (its provenance). */
  notes: string[]
  /** The workshop it comes from (roadmap versions gather several). */
  atelier: string | null
}

export interface ExportEnjeu {
  id: string
  titre: string
  rang: number | null
  votes: number | null
  notes: string[]
  /** Ids of the chantiers answering it, in the chantiers' ranked order. */
  chantierIds: string[]
}

export interface SnapshotContext {
  /** The démarche's name, when the workshop belongs to one. */
  demarche: string | null
}

export function snapshotView(snapshot: Snapshot, context: SnapshotContext): ExportView {
  const noteText = new Map(snapshot.notes.map((n) => [n.id, n.texte]))
  const enjeuTitle = new Map(snapshot.enjeux.map((e) => [e.id, e.titre]))
  const texts = (ids: readonly string[]) => ids.flatMap((id) => noteText.get(id) ?? [])
  const answers = new Map(snapshot.chantiers.map((c) => [c.id, c.enjeuIds]))

  const chantiers = exportChantiers(snapshot.chantiers, enjeuTitle, (c) => ({
    notes: texts(c.provenance.noteIds),
    atelier: null,
  }))
  const enjeux = ranked(snapshot.enjeux).map((e) => ({
    id: e.id,
    titre: e.titre,
    rang: e.rang,
    votes: e.votes,
    notes: texts(e.noteIds),
    chantierIds: chantiers.filter((c) => answers.get(c.id)?.includes(e.id)).map((c) => c.id),
  }))
  const votes = snapshot.votes
  return {
    kind: 'snapshot',
    title: snapshot.workshop.title,
    context: context.demarche,
    createdAt: snapshot.createdAt,
    reference: snapshot.id,
    sha256: snapshot.sha256,
    participation: votes
      ? {
          inscrits: votes.participation.inscrits,
          votants: votes.participation.votants,
          parCollege: byCollege(votes.participation.parCollege),
          parAtelier: [],
          regles: {
            votesParPersonne: votes.regles.votesParPersonne,
            maxParItem: votes.regles.maxParItem,
            anonyme: votes.regles.anonyme,
          },
        }
      : null,
    organisations: snapshot.membres.map((m) => ({ nom: m.nom, college: m.college, participants: m.participants })),
    chantiers,
    enjeux,
    colleges: collegeOrder(chantiers.flatMap((c) => Object.keys(c.parCollege))),
  }
}

/** A roadmap version: its démarche, its territory, its chantiers ranked over every workshop. */
export function roadmapView(version: RoadmapVersion): ExportView {
  const noteText = new Map<string, string>()
  for (const e of version.enjeux) {
    for (const n of e.notes) for (const r of n.refs) noteText.set(refKey(r), n.texte)
  }
  const enjeuTitle = new Map(version.enjeux.map((e) => [e.id, e.titre]))
  const atelierTitle = new Map(version.ateliers.map((a) => [a.workshop.id, a.workshop.title]))
  const chantiers = exportChantiers(version.chantiers, enjeuTitle, (c) => ({
    notes: c.provenance.notes.flatMap((r) => noteText.get(refKey(r)) ?? []),
    atelier: atelierTitle.get(c.workshopId) ?? null,
  }))
  const order = new Map(chantiers.map((c, i) => [c.id, i]))
  const { demarche, participation: p } = version
  const territoire = [demarche.perimetre, demarche.codeDepartement && `département ${demarche.codeDepartement}`]
    .filter(Boolean)
    .join(', ')
  const total = (key: 'inscrits' | 'votants') => p.ateliers.reduce((sum, a) => sum + a[key], 0)
  return {
    kind: 'roadmap',
    title: demarche.nom,
    context: territoire || null,
    createdAt: version.createdAt,
    reference: `version ${version.version}`,
    sha256: version.sha256,
    participation:
      p.ateliers.length === 0
        ? null
        : {
            inscrits: total('inscrits'),
            votants: total('votants'),
            parCollege: byCollege(p.parCollege),
            parAtelier: p.ateliers.map((a) => ({
              atelier: atelierTitle.get(a.workshopId) ?? a.workshopId,
              inscrits: a.inscrits,
              votants: a.votants,
            })),
            regles: null,
          },
    organisations: p.organisations.map((o) => ({ nom: o.nom, college: o.college, participants: o.participants })),
    chantiers,
    enjeux: ranked(version.enjeux).map((e) => ({
      id: e.id,
      titre: e.titre,
      rang: e.rang,
      votes: e.votes,
      notes: e.notes.map((n) => n.texte),
      chantierIds: [...e.chantierIds].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity)),
    })),
    colleges: collegeOrder(chantiers.flatMap((c) => Object.keys(c.parCollege))),
  }
}

/** The fields of a chantier that a snapshot and a roadmap version both carry, as they carry them. */
type ChantierFields = Omit<SnapshotChantier, 'provenance'>

/**
 * A snapshot's or a roadmap version's chantiers as the exports show them,
 * ranked, ties marked; `behind` gives what only the caller can read: the
 * texts of the notes behind one and the workshop it comes from.
 */
function exportChantiers<C extends ChantierFields>(
  chantiers: readonly C[],
  enjeuTitle: ReadonlyMap<string, string>,
  behind: (c: C) => Pick<ExportChantier, 'notes' | 'atelier'>,
): ExportChantier[] {
  const names = (orgs: readonly { nom: string }[]) => orgs.map((o) => o.nom)
  return withTies(
    ranked(chantiers).map((c) => ({
      id: c.id,
      rang: c.rang,
      exAequo: false,
      votes: c.votes,
      nom: c.nom,
      enjeux: c.enjeuIds.flatMap((id) => enjeuTitle.get(id) ?? []),
      porteurs: names(c.porteurs),
      partenaires: names(c.partenaires),
      echeance: c.echeance,
      dateDeDebut: c.dateDeDebut,
      dateDeFin: c.dateDeFin,
      description: c.description,
      contexte: c.contexte,
      besoins: c.besoins,
      budgetGlobal: c.budgetGlobal,
      coFinancements: names(c.coFinancements),
      perimetreGeographique: c.perimetreGeographique,
      parCollege: c.parCollege,
      ...behind(c),
    })),
  )
}

function refKey(ref: { workshopId: string; shapeId: string }): string {
  return `${ref.workshopId}/${ref.shapeId}`
}

function byCollege(counts: Record<string, { inscrits: number; votants: number }>): ExportParticipation['parCollege'] {
  return collegeOrder(Object.keys(counts)).map((college) => ({
    college,
    ...(counts[college] as { inscrits: number; votants: number }),
  }))
}

/** By rank, unranked last; the given (reading) order among equals — Array.prototype.sort is stable. */
export function ranked<T extends { rang: number | null }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.rang ?? Infinity) - (b.rang ?? Infinity))
}

/** Marks the chantiers whose rank another one shares (competition ranking: 1, 1, 3). */
export function withTies(chantiers: ExportChantier[]): ExportChantier[] {
  const count = new Map<number, number>()
  for (const c of chantiers) if (c.rang !== null) count.set(c.rang, (count.get(c.rang) ?? 0) + 1)
  return chantiers.map((c) => ({ ...c, exAequo: c.rang !== null && (count.get(c.rang) ?? 0) > 1 }))
}

/** Known collèges in their usual order, then any other id (as found, sorted). */
export function collegeOrder(ids: Iterable<string>): string[] {
  const present = new Set(ids)
  const known: string[] = COLLEGES.map((c) => c.id).filter((id) => present.has(id))
  const others = [...present].filter((id) => !known.includes(id)).sort()
  return [...known, ...others]
}
