/**
 * Plain text of a tldraw rich text value (a TipTap document: nested nodes with
 * `text` leaves), paragraphs joined by line breaks. Used wherever a note's text
 * is read outside the canvas: suggestions, the list view, exports.
 */
export function richTextToPlain(richText: unknown): string {
  const blocks: string[] = []
  const walk = (node: unknown, line: string[]): void => {
    if (typeof node !== 'object' || node === null) return
    const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown }
    if (typeof text === 'string') line.push(text)
    if (!Array.isArray(content)) return
    if (type === 'doc' || type === 'bulletList' || type === 'orderedList' || type === 'listItem') {
      for (const child of content) walk(child, line)
      return
    }
    // A block (paragraph, heading…): its own line.
    const own: string[] = []
    for (const child of content) walk(child, own)
    blocks.push(own.join(''))
  }
  const top: string[] = []
  walk(richText, top)
  if (top.length > 0) blocks.unshift(top.join(''))
  return blocks
    .map((b) => b.trim())
    .filter(Boolean)
    .join('\n')
}
