/**
 * What the list view shows, gathered from the documents it follows, as the
 * canvas gathers them (client/board/drafts/recordUnion.ts): the board's
 * records, then the participant's own drafts, then — for a facilitator —
 * other people's drafts (private writing). The first document holding an id
 * wins, so a note revealed meanwhile is shown once, from the board; the
 * records held only in drafts are the private ones (« Privée »).
 *
 * Pure module (no Yjs, no DOM): unit-tested with the writer in listWriter.test.ts.
 */
import type { RecordEntry } from '../../shared/model/boardRecords'
import { type BoardShape, isShape } from '../../shared/model/boardShape'

export type RecordSource = 'board' | 'own' | 'others'

export interface ListRecords {
  /** Every record shown, by id. */
  byId: ReadonlyMap<string, unknown>
  /** The document each shown record comes from. */
  source: ReadonlyMap<string, RecordSource>
  /** The shapes among them. */
  shapes: BoardShape[]
  /** The page new shapes go on (the first, as tldraw opens it), or null on a board not initialised yet. */
  pageId: string | null
}

export function gatherRecords(
  board: ReadonlyMap<string, RecordEntry>,
  own: ReadonlyMap<string, RecordEntry> | null,
  others: readonly ReadonlyMap<string, RecordEntry>[],
): ListRecords {
  const byId = new Map<string, unknown>()
  const source = new Map<string, RecordSource>()
  const add = (entries: ReadonlyMap<string, RecordEntry>, kind: RecordSource) => {
    for (const [id, entry] of entries) {
      if (source.has(id)) continue
      byId.set(id, entry.val)
      source.set(id, kind)
    }
  }
  add(board, 'board')
  if (own) add(own, 'own')
  for (const drafts of others) add(drafts, 'others')
  const values = [...byId.values()]
  return { byId, source, shapes: values.filter(isShape), pageId: firstPageId(values) }
}

function firstPageId(records: unknown[]): string | null {
  let first: { id: string; index: string } | null = null
  for (const r of records) {
    const page = r as { typeName?: unknown; id?: unknown; index?: unknown }
    if (page.typeName !== 'page' || typeof page.id !== 'string' || typeof page.index !== 'string') continue
    if (!first || page.index < first.index) first = { id: page.id, index: page.index }
  }
  return first?.id ?? null
}
