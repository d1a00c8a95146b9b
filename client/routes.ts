/** The app's few pages, by pathname (no router library needed). */
import { WORKSHOP_ID_PATTERN } from '../shared/workshop'

/** The déclaration d'accessibilité, linked from every page. */
export const ACCESSIBILITY_PATH = '/accessibilite'

export type Route =
  | { page: 'home' }
  | { page: 'workshop'; workshopId: string }
  /** The board's list view: the same board without the canvas (phones, keyboards, screen readers). */
  | { page: 'list'; workshopId: string }
  | { page: 'roadmap'; processId: string }
  | { page: 'accessibility' }
  | { page: 'notFound' }

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' }
  if (pathname === ACCESSIBILITY_PATH || pathname === `${ACCESSIBILITY_PATH}/`) return { page: 'accessibility' }
  const match = /^\/w\/([^/]+)\/?$/.exec(pathname)
  if (match?.[1] && WORKSHOP_ID_PATTERN.test(match[1])) return { page: 'workshop', workshopId: match[1] }
  const list = /^\/w\/([^/]+)\/liste\/?$/.exec(pathname)
  if (list?.[1] && WORKSHOP_ID_PATTERN.test(list[1])) return { page: 'list', workshopId: list[1] }
  // A démarche's roadmap (its ids are made like workshop ids).
  const roadmap = /^\/d\/([^/]+)\/?$/.exec(pathname)
  if (roadmap?.[1] && WORKSHOP_ID_PATTERN.test(roadmap[1])) return { page: 'roadmap', processId: roadmap[1] }
  return { page: 'notFound' }
}
