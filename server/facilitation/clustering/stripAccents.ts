/**
 * Accent-insensitive form of a lower-case French word: "médiation" → "mediation",
 * "cœur" → "coeur". Participants type on phones and laptops without the same keyboard, so
 * matching must not depend on accents; labels keep the original accented words.
 */
export function stripAccents(word: string): string {
  // NFD splits "é" into "e" + combining accent; \p{M} removes the combining marks.
  // The ligatures œ/æ are letters of their own in Unicode and are not decomposed by NFD.
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
}
