/** The three capabilities a workshop link can grant. One link per role. */
export const ROLES = ['facilitator', 'participant', 'observer'] as const
export type Role = (typeof ROLES)[number]

/** Observers follow live but can never write the board, by any means. */
export function canWriteBoard(role: Role): boolean {
  return role !== 'observer'
}

/** While the facilitator has locked the board, only facilitators still write it. */
export function writesLockedBoard(role: Role): boolean {
  return role === 'facilitator'
}
