/**
 * The voter's own dots in the open vote session, as the server last told
 * them: the dots per item and what is left of the budget. Pure transitions,
 * applied only to the server's answers (the server owns the budget, DESIGN §3):
 * a refused vote changes nothing here.
 */
export interface OwnDots {
  /** The vote session these dots belong to. */
  sessionId: string | null
  /** Null until the server's first answer (`GET …/me`). */
  remaining: number | null
  /** Dots per target id (only items with at least one). */
  dots: Readonly<Record<string, number>>
}

export function noDots(sessionId: string | null = null): OwnDots {
  return { sessionId, remaining: null, dots: {} }
}

/** From `GET …/me`: one entry per dot. */
export function fromMine(sessionId: string, mine: { votes: string[]; remaining: number }): OwnDots {
  const dots: Record<string, number> = {}
  for (const id of mine.votes) dots[id] = (dots[id] ?? 0) + 1
  return { sessionId, remaining: mine.remaining, dots }
}

/** After `201 { remaining }` to a vote on `targetId`. */
export function afterPlace(own: OwnDots, targetId: string, remaining: number): OwnDots {
  return { ...own, remaining, dots: { ...own.dots, [targetId]: dotsOn(own, targetId) + 1 } }
}

/** After `200 { remaining }` to taking a dot back from `targetId`. */
export function afterRetract(own: OwnDots, targetId: string, remaining: number): OwnDots {
  const { [targetId]: _gone, ...others } = own.dots
  const left = dotsOn(own, targetId) - 1
  return { ...own, remaining, dots: left > 0 ? { ...others, [targetId]: left } : others }
}

export function dotsOn(own: OwnDots, targetId: string): number {
  return own.dots[targetId] ?? 0
}
