/**
 * Where the camera goes when an item of the Synthèse is clicked: the item
 * whole and centred in the part of the canvas that the side panels leave
 * free (the Synthèse on the left; on the right the chantier's panel, which
 * opens as the chantier gets selected), at 100 % at most. Pure: unit-tested
 * in focusCamera.test.ts.
 *
 * tldraw's camera maps a page point p to the screen point (p + camera) × z.
 */
export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export interface Covered {
  /** Screen pixels hidden by a panel along the left and the right edge of the canvas. */
  left: number
  right: number
}

/** Space kept around the item, in screen pixels. */
const MARGIN_PX = 32
/** Narrower than this between the panels (a phone), the panels are ignored: they would leave no room. */
const MIN_FREE_PX = 240
const MIN_ZOOM = 0.05

export function focusCamera(
  item: Box,
  screen: { w: number; h: number },
  covered: Covered,
  maxZoom = 1,
): { x: number; y: number; z: number } {
  const free = screen.w - covered.left - covered.right
  const [left, width] = free >= MIN_FREE_PX ? [covered.left, free] : [0, screen.w]
  const room = { w: Math.max(1, width - 2 * MARGIN_PX), h: Math.max(1, screen.h - 2 * MARGIN_PX) }
  const z = Math.max(MIN_ZOOM, Math.min(maxZoom, room.w / Math.max(item.w, 1), room.h / Math.max(item.h, 1)))
  const centre = { x: left + width / 2, y: screen.h / 2 }
  return { x: centre.x / z - (item.x + item.w / 2), y: centre.y / z - (item.y + item.h / 2), z }
}
