/**
 * What changed between two versions of a démarche's roadmap: enjeux and
 * chantiers added, removed or renamed, enjeux merged, notes moved from one
 * enjeu to another, and rank changes. Pure; the server answers it as JSON
 * (`GET /api/roadmap-versions/:a/diff/:b`) and the roadmap page words it.
 *
 * Items are the same when they have the same key (`<workshopId>/<shapeId>`;
 * a copied enjeu has its original's). A note is the same when it shares a ref
 * with the other version's note (a board's note keeps its id when moved).
 *
 * Merged: two or more enjeux of the old version whose notes (those still
 * there, at least one each) now all sit in one enjeu of the new version. A
 * merge says it all: its enjeux are not also listed as removed, its target as
 * added, nor its notes as moved.
 */
import type { RoadmapEnjeu, RoadmapVersion } from './roadmapSchema'

export interface DiffItem {
  id: string
  titre: string
}

export interface Renamed {
  id: string
  before: string
  after: string
}

export interface Merge {
  /** The old version's enjeux, in its order. */
  enjeux: DiffItem[]
  /** The new version's enjeu holding their notes. */
  into: DiffItem
}

export interface MovedNote {
  /** The note's key in the new version. */
  id: string
  texte: string
  from: DiffItem
  to: DiffItem
}

export interface RankChange {
  kind: 'chantier' | 'enjeu'
  id: string
  /** As the new version names it. */
  titre: string
  /** Null: not ranked (no votes). */
  before: number | null
  after: number | null
}

export interface ItemChanges {
  added: DiffItem[]
  removed: DiffItem[]
  renamed: Renamed[]
}

export interface RoadmapDiff {
  from: { id: string; version: number }
  to: { id: string; version: number }
  enjeux: ItemChanges & { merged: Merge[] }
  chantiers: ItemChanges
  notes: { moved: MovedNote[] }
  /** Chantiers first, then enjeux, each by their new rank (unranked last). */
  ranks: RankChange[]
}

type Diffable = Pick<RoadmapVersion, 'id' | 'version' | 'enjeux' | 'chantiers'>

export function diffRoadmaps(before: Diffable, after: Diffable): RoadmapDiff {
  const merges = findMerges(before.enjeux, after.enjeux)
  const mergedOld = new Set(merges.flatMap((m) => m.enjeux.map((e) => e.id)))
  const mergedNew = new Set(merges.map((m) => m.into.id))
  const enjeux = itemChanges(
    before.enjeux.map((e) => ({ id: e.id, titre: e.titre })),
    after.enjeux.map((e) => ({ id: e.id, titre: e.titre })),
  )
  const chantiers = itemChanges(
    before.chantiers.map((c) => ({ id: c.id, titre: c.nom })),
    after.chantiers.map((c) => ({ id: c.id, titre: c.nom })),
  )
  return {
    from: { id: before.id, version: before.version },
    to: { id: after.id, version: after.version },
    enjeux: {
      added: enjeux.added.filter((e) => !mergedNew.has(e.id)),
      removed: enjeux.removed.filter((e) => !mergedOld.has(e.id)),
      renamed: enjeux.renamed,
      merged: merges,
    },
    chantiers,
    notes: { moved: movedNotes(before.enjeux, after.enjeux, mergedOld) },
    ranks: [
      ...rankChanges(
        'chantier',
        before.chantiers,
        after.chantiers.map((c) => ({ id: c.id, titre: c.nom, rang: c.rang })),
      ),
      ...rankChanges('enjeu', before.enjeux, after.enjeux),
    ],
  }
}

/** True when nothing the diff reports changed. */
export function isEmptyDiff(diff: RoadmapDiff): boolean {
  const { enjeux, chantiers, notes, ranks } = diff
  return [
    enjeux.added,
    enjeux.removed,
    enjeux.renamed,
    enjeux.merged,
    chantiers.added,
    chantiers.removed,
    chantiers.renamed,
    notes.moved,
    ranks,
  ].every((list) => list.length === 0)
}

function itemChanges(before: DiffItem[], after: DiffItem[]): ItemChanges {
  const old = new Map(before.map((i) => [i.id, i]))
  const now = new Map(after.map((i) => [i.id, i]))
  return {
    added: after.filter((i) => !old.has(i.id)),
    removed: before.filter((i) => !now.has(i.id)),
    renamed: after.flatMap((i) => {
      const was = old.get(i.id)
      return was && was.titre !== i.titre ? [{ id: i.id, before: was.titre, after: i.titre }] : []
    }),
  }
}

/** Where each note of `enjeux` sits: every ref of it → the note's key and its enjeu. */
function noteIndex(enjeux: readonly RoadmapEnjeu[]): Map<string, { id: string; enjeu: RoadmapEnjeu }> {
  const index = new Map<string, { id: string; enjeu: RoadmapEnjeu }>()
  for (const enjeu of enjeux) {
    for (const note of enjeu.notes) {
      for (const ref of note.refs) index.set(`${ref.workshopId}/${ref.shapeId}`, { id: note.id, enjeu })
    }
  }
  return index
}

/** The new version's place of an old note, found through any of its refs. */
function placeOf(note: RoadmapEnjeu['notes'][number], index: ReturnType<typeof noteIndex>) {
  for (const ref of note.refs) {
    const place = index.get(`${ref.workshopId}/${ref.shapeId}`)
    if (place) return place
  }
  return undefined
}

function findMerges(before: readonly RoadmapEnjeu[], after: readonly RoadmapEnjeu[]): Merge[] {
  const index = noteIndex(after)
  const into = new Map<RoadmapEnjeu, RoadmapEnjeu[]>()
  for (const old of before) {
    const targets = new Set(old.notes.flatMap((n) => placeOf(n, index)?.enjeu ?? []))
    if (targets.size !== 1) continue
    const target = [...targets][0] as RoadmapEnjeu
    into.set(target, [...(into.get(target) ?? []), old])
  }
  return after.flatMap((target) => {
    const sources = into.get(target) ?? []
    if (sources.length < 2) return []
    return [
      { enjeux: sources.map((e) => ({ id: e.id, titre: e.titre })), into: { id: target.id, titre: target.titre } },
    ]
  })
}

function movedNotes(
  before: readonly RoadmapEnjeu[],
  after: readonly RoadmapEnjeu[],
  merged: ReadonlySet<string>,
): MovedNote[] {
  const index = noteIndex(after)
  const moved: MovedNote[] = []
  for (const old of before) {
    if (merged.has(old.id)) continue
    for (const note of old.notes) {
      const place = placeOf(note, index)
      if (!place || place.enjeu.id === old.id) continue
      moved.push({
        id: place.id,
        texte: note.texte,
        from: { id: old.id, titre: old.titre },
        to: { id: place.enjeu.id, titre: place.enjeu.titre },
      })
    }
  }
  return moved
}

function rankChanges(
  kind: RankChange['kind'],
  before: readonly { id: string; rang: number | null }[],
  after: readonly { id: string; titre: string; rang: number | null }[],
): RankChange[] {
  const old = new Map(before.map((i) => [i.id, i.rang]))
  return after
    .flatMap((i) => {
      const was = old.get(i.id)
      return was !== undefined && was !== i.rang ? [{ kind, id: i.id, titre: i.titre, before: was, after: i.rang }] : []
    })
    .sort((a, b) => (a.after ?? Infinity) - (b.after ?? Infinity))
}
