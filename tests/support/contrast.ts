/**
 * WCAG 2.1 contrast ratio of two sRGB colours written `#rrggbb`, as defined
 * for success criteria 1.4.3 (text: 4.5:1, large text 3:1) and 1.4.11 (user
 * interface components and graphics: 3:1).
 */
function channel(value: number): number {
  const c = value / 255
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex)
  if (!match?.[1]) throw new Error(`not a #rrggbb colour: ${hex}`)
  const n = Number.parseInt(match[1], 16)
  return 0.2126 * channel(n >> 16) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}
