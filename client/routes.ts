/** The app's few pages, by pathname (no router library needed). */
import { WORKSHOP_ID_PATTERN } from '../shared/workshop'

export type Route =
  | { page: 'home' }
  | { page: 'workshop'; workshopId: string }
  | { page: 'roadmap'; processId: string }
  | { page: 'notFound' }

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' }
  const match = /^\/w\/([^/]+)\/?$/.exec(pathname)
  if (match?.[1] && WORKSHOP_ID_PATTERN.test(match[1])) return { page: 'workshop', workshopId: match[1] }
  // A démarche's roadmap (its ids are made like workshop ids).
  const roadmap = /^\/d\/([^/]+)\/?$/.exec(pathname)
  if (roadmap?.[1] && WORKSHOP_ID_PATTERN.test(roadmap[1])) return { page: 'roadmap', processId: roadmap[1] }
  return { page: 'notFound' }
}
