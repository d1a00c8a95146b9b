/**
 * A person's cursor colour: the same on every screen and every visit, derived
 * from their participant id (no need to store or transmit it).
 * Twelve clearly different hues, dark enough for white name labels. With more
 * people than colours some share one; the name label tells them apart.
 */
export const USER_PALETTE = [
  '#d62828', // red
  '#e8590c', // orange
  '#a07900', // ochre
  '#5c940d', // olive green
  '#2b8a3e', // green
  '#0b7285', // teal
  '#1971c2', // blue
  '#3b5bdb', // indigo
  '#7048e8', // violet
  '#ae3ec9', // purple
  '#c2255c', // raspberry
  '#8c5a2b', // brown
] as const

/** FNV-1a: tiny, stable across browsers, spreads similar ids well. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function userColor(participantId: string): string {
  return USER_PALETTE[hash(participantId) % USER_PALETTE.length] as string
}
