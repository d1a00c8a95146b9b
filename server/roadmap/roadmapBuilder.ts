/**
 * Gathers the latest snapshot of each workshop of a démarche into the content
 * of a roadmap version (shared/roadmap/roadmapSchema.ts). Pure: snapshots in,
 * content out; the service adds the envelope (id, number, date, sha256).
 *
 * Rules:
 * - items are keyed `<workshopId>/<shapeId>` (shape ids are per board);
 * - an enjeu copied from an earlier workshop (`origine`, followed to the
 *   original) is one entry with the original's key; its title is the latest
 *   board's; its votes come from the latest board that voted on it;
 * - a note sits where the latest board holding it puts it: a copied enjeu's
 *   notes are copied with their texts, so a note of a later board with the
 *   text of an earlier board's note not joined yet is that same note (the
 *   snapshot does not say which note a copy came from);
 * - chantiers are ranked over the whole roadmap by votes (competition ranking:
 *   ties share a rank, 1, 1, 3; unvoted ones have none and come last); each
 *   enjeu lists its chantiers in that order;
 * - participation comes from each workshop's vote, or from who was present
 *   when it had none; people without a collège count as « autre », as in votes.
 */
import type {
  RoadmapChantier,
  RoadmapContent,
  RoadmapEnjeu,
  RoadmapNote,
  RoadmapParticipation,
  RoadmapRef,
} from '../../shared/roadmap/roadmapSchema'
import { ROADMAP_SCHEMA_VERSION } from '../../shared/roadmap/roadmapSchema'
import type { Snapshot, SnapshotEnjeu } from '../../shared/roadmap/snapshotSchema'

export interface Demarche {
  id: string
  nom: string
  codeDepartement: string | null
  perimetre: string | null
}

/** The key of a shape of a workshop's board, unique in a démarche. */
export function itemKey(workshopId: string, shapeId: string): string {
  return `${workshopId}/${shapeId}`
}

/** `snapshots`: the latest of each workshop of the démarche that has one, its oldest workshop first. */
export function buildRoadmap(demarche: Demarche, snapshots: readonly Snapshot[]): RoadmapContent {
  const rootOf = enjeuRoots(snapshots)
  const enjeux = gatherEnjeux(snapshots, rootOf)
  const chantiers = rankChantiers(snapshots.flatMap((s) => s.chantiers.map((c) => roadmapChantier(s, c, rootOf))))
  for (const enjeu of enjeux) {
    enjeu.chantierIds = chantiers.filter((c) => c.enjeuIds.includes(enjeu.id)).map((c) => c.id)
  }
  return {
    schemaVersion: ROADMAP_SCHEMA_VERSION,
    demarche: {
      id: demarche.id,
      nom: demarche.nom,
      codeDepartement: demarche.codeDepartement,
      perimetre: demarche.perimetre,
    },
    ateliers: snapshots.map((s) => ({
      workshop: { id: s.workshop.id, kind: s.workshop.kind, title: s.workshop.title },
      snapshotId: s.id,
      snapshotSha256: s.sha256,
      createdAt: s.createdAt,
    })),
    enjeux: withRanks(enjeux),
    chantiers,
    participation: participation(snapshots),
  }
}

/** Key of every enjeu → key of the original it was copied from (itself when not a copy). */
function enjeuRoots(snapshots: readonly Snapshot[]): (key: string) => string {
  const parent = new Map<string, string>()
  for (const s of snapshots) {
    for (const e of s.enjeux) {
      if (e.origine) parent.set(itemKey(s.workshop.id, e.id), itemKey(e.origine.workshopId, e.origine.shapeId))
    }
  }
  return (key) => {
    const seen = new Set([key])
    let root = key
    for (let next = parent.get(root); next !== undefined && !seen.has(next); next = parent.get(root)) {
      seen.add(next)
      root = next
    }
    return root
  }
}

function gatherEnjeux(snapshots: readonly Snapshot[], rootOf: (key: string) => string): RoadmapEnjeu[] {
  const byRoot = new Map<string, { snapshot: Snapshot; enjeu: SnapshotEnjeu }[]>()
  for (const snapshot of snapshots) {
    for (const enjeu of snapshot.enjeux) {
      const root = rootOf(itemKey(snapshot.workshop.id, enjeu.id))
      byRoot.set(root, [...(byRoot.get(root) ?? []), { snapshot, enjeu }])
    }
  }
  const notes = placeNotes(snapshots, rootOf)
  return [...byRoot].map(([id, sources]) => {
    const latest = sources.at(-1) as (typeof sources)[number]
    const voted = sources.filter((s) => s.enjeu.votes !== null).at(-1)
    return {
      id,
      titre: latest.enjeu.titre,
      refs: sources.map(({ snapshot, enjeu }) => ({
        workshopId: snapshot.workshop.id,
        shapeId: enjeu.id,
        titre: enjeu.titre,
      })),
      notes: notes.get(id) ?? [],
      votes: voted?.enjeu.votes ?? null,
      rang: null,
      parCollege: voted ? { ...voted.enjeu.parCollege } : {},
      chantierIds: [],
    }
  })
}

/**
 * The notes of each enjeu (by key), each where the latest board holding it
 * puts it. A board that copied enjeux from earlier workshops holds copies of
 * their notes, with the same texts: a note of such a board is joined to the
 * earlier workshops' note of the same text not joined yet — preferably one in
 * the same enjeu, else one the group moved to another enjeu since the copy.
 */
function placeNotes(snapshots: readonly Snapshot[], rootOf: (key: string) => string): Map<string, RoadmapNote[]> {
  const place = new Map<RoadmapNote, string>()
  const lists = new Map<string, RoadmapNote[]>()
  const putIn = (note: RoadmapNote, enjeuId: string) => {
    const from = place.get(note)
    if (from !== undefined)
      lists.set(
        from,
        (lists.get(from) ?? []).filter((n) => n !== note),
      )
    place.set(note, enjeuId)
    lists.set(enjeuId, [...(lists.get(enjeuId) ?? []), note])
  }
  for (const snapshot of snapshots) {
    const workshopId = snapshot.workshop.id
    const sources = new Set(snapshot.enjeux.flatMap((e) => (e.origine ? [e.origine.workshopId] : [])))
    const copyable = [...place.keys()].filter((n) => n.refs.every((r) => sources.has(r.workshopId)))
    const texts = new Map(snapshot.notes.map((n) => [n.id, n.texte]))
    for (const enjeu of snapshot.enjeux) {
      const enjeuId = rootOf(itemKey(workshopId, enjeu.id))
      for (const noteId of enjeu.noteIds) {
        const texte = texts.get(noteId)
        if (texte === undefined) continue
        const ref: RoadmapRef = { workshopId, shapeId: noteId }
        const candidates = copyable.filter((n) => n.texte === texte && !n.refs.some((r) => r.workshopId === workshopId))
        const same = candidates.find((n) => place.get(n) === enjeuId) ?? candidates[0]
        if (same) same.refs.push(ref)
        putIn(same ?? { id: itemKey(workshopId, noteId), texte, refs: [ref] }, enjeuId)
      }
    }
  }
  return lists
}

function roadmapChantier(
  snapshot: Snapshot,
  c: Snapshot['chantiers'][number],
  rootOf: (key: string) => string,
): RoadmapChantier {
  const workshopId = snapshot.workshop.id
  const ref = (shapeId: string): RoadmapRef => ({ workshopId, shapeId })
  const { id, enjeuIds, rang, provenance, ...fields } = c
  return {
    ...fields,
    id: itemKey(workshopId, id),
    workshopId,
    shapeId: id,
    enjeuIds: [...new Set(enjeuIds.map((e) => rootOf(itemKey(workshopId, e))))],
    rang: null,
    rangAtelier: rang,
    provenance: {
      enjeux: provenance.enjeuIds.map(ref),
      notes: provenance.noteIds.map(ref),
      voteSession: provenance.voteSessionId ? { workshopId, sessionId: provenance.voteSessionId } : null,
    },
  }
}

/** Competition ranks by votes (unvoted: none); best first, the given order among equals. */
function withRanks<T extends { votes: number | null; rang: number | null }>(items: T[]): T[] {
  const scores = items.flatMap((i) => (i.votes === null ? [] : [i.votes]))
  for (const item of items) {
    const votes = item.votes
    item.rang = votes === null ? null : 1 + scores.filter((s) => s > votes).length
  }
  return items
}

function rankChantiers(chantiers: RoadmapChantier[]): RoadmapChantier[] {
  return withRanks(chantiers)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.rang ?? Infinity) - (b.c.rang ?? Infinity) || a.i - b.i)
    .map(({ c }) => c)
}

function participation(snapshots: readonly Snapshot[]): RoadmapParticipation {
  const ateliers = snapshots.map((s) => {
    if (s.votes) {
      const { inscrits, votants, parCollege } = s.votes.participation
      return { workshopId: s.workshop.id, voteSessionId: s.votes.sessionId, inscrits, votants, parCollege }
    }
    // No vote: who was present, by collège.
    const parCollege: Record<string, { inscrits: number; votants: number }> = {}
    for (const m of s.membres) {
      const entry = parCollege[m.college ?? 'autre'] ?? { inscrits: 0, votants: 0 }
      entry.inscrits += m.participants
      parCollege[m.college ?? 'autre'] = entry
    }
    const inscrits = s.membres.reduce((sum, m) => sum + m.participants, 0)
    return { workshopId: s.workshop.id, voteSessionId: null, inscrits, votants: 0, parCollege }
  })
  const parCollege: Record<string, { inscrits: number; votants: number }> = {}
  for (const a of ateliers) {
    for (const [college, counts] of Object.entries(a.parCollege)) {
      const entry = parCollege[college] ?? { inscrits: 0, votants: 0 }
      entry.inscrits += counts.inscrits
      entry.votants += counts.votants
      parCollege[college] = entry
    }
  }
  const organisations: RoadmapParticipation['organisations'] = []
  for (const m of snapshots.flatMap((s) => s.membres)) {
    const same = organisations.find((o) => o.nom === m.nom && o.college === m.college)
    if (same) same.participants += m.participants
    else organisations.push({ nom: m.nom, college: m.college, participants: m.participants })
  }
  return { parCollege, ateliers: ateliers.map((a) => ({ ...a, parCollege: { ...a.parCollege } })), organisations }
}
