/**
 * The board model: what a workshop's board *means* — enjeux (cluster frames)
 * with their notes, chantiers with the enjeux they answer, and the votes of the
 * last vote whose results may be seen — derived from the board's records.
 *
 * One derivation, two users (DESIGN §3): the client's live counts and lists and
 * the server's snapshots and exports call this same pure function, so what
 * people see is what gets exported. No tldraw, no Yjs, no DOM: records are
 * read as plain JSON and anything malformed is skipped, never thrown on.
 *
 * Rules:
 * - an enjeu is a frame; a note belongs to the nearest frame among its
 *   ancestors (tldraw parents a note dropped into a frame to it; groups may sit
 *   in between); a note on the page whose centre lies in the template's parking
 *   is parked (off topic), otherwise it is not clustered yet;
 * - a chantier's enjeux are the ids in its `enjeuIds` that are frames on the
 *   board (a link to a deleted frame is dropped); its notes are those enjeux' notes;
 * - votes come from the ranking of a vote session (a competition ranking: ties
 *   share a rank); items the session was not about have none;
 * - lists are in reading order (top to bottom, then left to right, by page
 *   position), so two derivations of the same board list items alike.
 */
import { CHANTIER_SHAPE_TYPE } from '../chantierShape'
import type { VoteResults, VoteSessionState } from '../control'
import { type BoardShape, isShape } from './boardShape'
import { richTextToPlain } from './richText'
import { copiedFrom, inAreas, zoneAreas } from './templateMeta'

export interface ItemVotes {
  votes: number
  rang: number
  /** Points per collège; empty for anonymous sessions. */
  parCollege: Record<string, number>
}

export interface ModelNote {
  id: string
  texte: string
  /** The enjeu (frame) holding it, or null. */
  enjeuId: string | null
  /** Put in the template's parking: off topic, not to be clustered. */
  parking: boolean
  votes: ItemVotes | null
}

export interface ModelEnjeu {
  id: string
  titre: string
  noteIds: string[]
  votes: ItemVotes | null
  /** Copied from an earlier workshop's enjeu (a chantiers workshop's starting enjeux). */
  origine: { workshopId: string; shapeId: string } | null
}

export interface ModelChantier {
  id: string
  titre: string
  description: string
  porteur: string
  partenaires: string[]
  echeance: string
  /** The ANCT's fields of an action (optional props of the card: empty when not filled in). */
  contexte: string
  besoins: string
  /** As typed (euros); the snapshot reads it as a number. */
  budgetGlobal: string
  dateDeDebut: string
  coFinancements: string[]
  perimetreGeographique: string
  /** Enjeux still on the board, in the order the chantier lists them. */
  enjeuIds: string[]
  /** The notes of those enjeux, in reading order. */
  noteIds: string[]
  votes: ItemVotes | null
}

export interface ModelVote {
  session: VoteSessionState
  results: VoteResults
}

export interface BoardModel {
  enjeux: ModelEnjeu[]
  chantiers: ModelChantier[]
  notes: ModelNote[]
  /** The vote whose results the model carries, or null. */
  vote: ModelVote | null
}

/** `vote`: a session and its results — only pass results that may be seen. */
export function deriveBoardModel(records: Iterable<unknown>, vote: ModelVote | null = null): BoardModel {
  const shapes = readingOrder([...records].filter(isWellFormedShape))
  const byId = new Map(shapes.map((s) => [s.id, s]))
  const votes = votesById(vote)
  const frameIds = new Set(shapes.filter((s) => s.type === 'frame').map((s) => s.id))

  const parking = zoneAreas(shapes, 'parking')
  const notes: ModelNote[] = shapes
    .filter((s) => s.type === 'note')
    .map((n) => {
      const enjeuId = enclosingFrame(n, byId)
      return {
        id: n.id,
        texte: richTextToPlain(n.props.richText),
        enjeuId,
        parking: enjeuId === null && inAreas(n, parking),
        votes: votes.get(n.id) ?? null,
      }
    })
  const notesOf = new Map<string, string[]>()
  for (const note of notes) {
    if (note.enjeuId === null) continue
    const list = notesOf.get(note.enjeuId) ?? []
    list.push(note.id)
    notesOf.set(note.enjeuId, list)
  }

  const enjeux: ModelEnjeu[] = shapes
    .filter((s) => s.type === 'frame')
    .map((f) => ({
      id: f.id,
      titre: text(f.props.name),
      noteIds: notesOf.get(f.id) ?? [],
      votes: votes.get(f.id) ?? null,
      origine: copiedFrom(f),
    }))

  const chantiers: ModelChantier[] = shapes
    .filter((s) => s.type === CHANTIER_SHAPE_TYPE)
    .map((c) => {
      const enjeuIds = unique(strings(c.props.enjeuIds)).filter((id) => frameIds.has(id))
      return {
        id: c.id,
        titre: text(c.props.titre),
        description: text(c.props.description),
        porteur: text(c.props.porteur),
        partenaires: strings(c.props.partenaires)
          .map((p) => p.trim())
          .filter(Boolean),
        echeance: text(c.props.echeance),
        contexte: text(c.props.contexte),
        besoins: text(c.props.besoins),
        budgetGlobal: text(c.props.budgetGlobal),
        dateDeDebut: text(c.props.dateDeDebut),
        coFinancements: strings(c.props.coFinancements)
          .map((p) => p.trim())
          .filter(Boolean),
        perimetreGeographique: text(c.props.perimetreGeographique),
        enjeuIds,
        noteIds: enjeuIds.flatMap((id) => notesOf.get(id) ?? []),
        votes: votes.get(c.id) ?? null,
      }
    })

  return { enjeux, chantiers, notes, vote }
}

/** Items of a model list sorted by rank (unvoted last), reading order among equals. */
export function byRank<T extends { votes: ItemVotes | null }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (a.item.votes?.rang ?? Infinity) - (b.item.votes?.rang ?? Infinity) || a.i - b.i)
    .map(({ item }) => item)
}

function isWellFormedShape(record: unknown): record is BoardShape {
  if (!isShape(record)) return false
  const { id, type, parentId, x, y, props } = record
  return (
    typeof id === 'string' &&
    typeof type === 'string' &&
    typeof parentId === 'string' &&
    Number.isFinite(x) &&
    Number.isFinite(y) &&
    typeof props === 'object' &&
    props !== null
  )
}

/** Top to bottom, then left to right, by page position; ids break ties. */
function readingOrder(shapes: BoardShape[]): BoardShape[] {
  const byId = new Map(shapes.map((s) => [s.id, s]))
  const position = new Map(shapes.map((s) => [s.id, pagePosition(s, byId)]))
  return shapes.sort((a, b) => {
    const pa = position.get(a.id) as { x: number; y: number }
    const pb = position.get(b.id) as { x: number; y: number }
    return pa.y - pb.y || pa.x - pb.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  })
}

/** Page position of a shape: its offset added up its parents (rotation ignored: reading order only). */
function pagePosition(shape: BoardShape, byId: Map<string, BoardShape>): { x: number; y: number } {
  let x = shape.x
  let y = shape.y
  const seen = new Set([shape.id])
  let parent = byId.get(shape.parentId)
  while (parent && !seen.has(parent.id)) {
    seen.add(parent.id)
    x += parent.x
    y += parent.y
    parent = byId.get(parent.parentId)
  }
  return { x, y }
}

/** The nearest frame among a shape's ancestors (cycles in a corrupt board are cut). */
function enclosingFrame(shape: BoardShape, byId: Map<string, BoardShape>): string | null {
  const seen = new Set([shape.id])
  let parent = byId.get(shape.parentId)
  while (parent && !seen.has(parent.id)) {
    if (parent.type === 'frame') return parent.id
    seen.add(parent.id)
    parent = byId.get(parent.parentId)
  }
  return null
}

function votesById(vote: ModelVote | null): Map<string, ItemVotes> {
  const map = new Map<string, ItemVotes>()
  for (const r of vote?.results.ranking ?? []) {
    map.set(r.targetId, { votes: r.votes, rang: r.rank, parCollege: { ...r.byCollege } })
  }
  return map
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : ''
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}
