/**
 * The cluster suggestions a facilitator is previewing: local to their screen,
 * never written to the board (nothing changes for anyone until « Appliquer »).
 *
 * One preview per editor, kept in a tldraw atom so that both halves of the
 * feature react to it: the panel, rendered from the workshop bar outside
 * tldraw, and the outlines, rendered by tldraw on the canvas. The editor is
 * what both can reach, hence the WeakMap keyed by it (gone with the editor).
 */
import { type Atom, atom, type Editor, type TLShapeId } from 'tldraw'
import type { SuggestedCluster } from '../../server/facilitation/clustering/suggestClusters'

export interface PreviewGroup {
  /** 1, 2…: shown on the canvas and in the panel, so a group is found without telling colours apart. */
  number: number
  /** Outline and badge colour; white text on it meets WCAG AA (≥ 4.5:1). */
  colour: string
  /** What the facilitator typed, or the server's label: the frame's name once applied. */
  label: string
  suggestedLabel: string
  noteIds: TLShapeId[]
}

export interface ClusterPreview {
  groups: PreviewGroup[]
  /** Notes the server put in no group (they stay where they are). */
  unclustered: number
}

/** Twelve dark, distinct hues (the server suggests at most twelve clusters). */
export const GROUP_COLOURS = [
  '#1d4ed8',
  '#b91c1c',
  '#047857',
  '#7e22ce',
  '#b45309',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
  '#334155',
  '#9a3412',
  '#0f766e',
  '#6d28d9',
] as const

const previews = new WeakMap<Editor, Atom<ClusterPreview | null>>()

export function clusterPreviewOf(editor: Editor): Atom<ClusterPreview | null> {
  let preview = previews.get(editor)
  if (!preview) {
    preview = atom<ClusterPreview | null>('cluster preview', null)
    previews.set(editor, preview)
  }
  return preview
}

export function previewFromSuggestion(clusters: readonly SuggestedCluster[], unclustered: number): ClusterPreview {
  return {
    groups: clusters.map((c, i) => ({
      number: i + 1,
      colour: GROUP_COLOURS[i % GROUP_COLOURS.length]!,
      label: c.label,
      suggestedLabel: c.label,
      noteIds: c.noteIds as TLShapeId[],
    })),
    unclustered,
  }
}

export function renameGroup(preview: ClusterPreview, number: number, label: string): ClusterPreview {
  return { ...preview, groups: preview.groups.map((g) => (g.number === number ? { ...g, label } : g)) }
}

export function withoutGroup(preview: ClusterPreview, number: number): ClusterPreview {
  return { ...preview, groups: preview.groups.filter((g) => g.number !== number) }
}
