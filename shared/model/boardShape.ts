/** A tldraw shape record as the board model reads it (only the fields it needs). */
export interface BoardShape {
  id: string
  typeName: 'shape'
  type: string
  parentId: string
  x: number
  y: number
  props: Record<string, unknown>
}

export function isShape(record: unknown): record is BoardShape {
  return typeof record === 'object' && record !== null && (record as { typeName?: unknown }).typeName === 'shape'
}
