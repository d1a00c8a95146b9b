/**
 * Every route the HTTP application registers, read from express's own router
 * stack (an app built in-process: registering routes touches none of its
 * dependencies), as `METHOD /path` with the code's parameter names. Tests that
 * must cover every route compare their list with this one, so a new route
 * cannot be added without them.
 */
import { loadConfig } from '../../server/config'
import { type AppDeps, createApp } from '../../server/http/app'

interface Layer {
  /** A path, or several (one handler on a list of paths, e.g. the joins' rate limit). */
  route?: { path: string | string[]; methods: Record<string, boolean> }
  handle: { stack?: Layer[] }
  /** router 2.x keeps the path a layer was mounted on. */
  rawPath?: unknown
}

export function registeredRoutes(): string[] {
  const app = createApp({ config: loadConfig({}) } as unknown as AppDeps)
  const routes = new Set<string>()
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const p of [layer.route.path].flat()) {
          const path = `${prefix}${p}`.replace(/(.)\/$/, '$1')
          for (const method of Object.keys(layer.route.methods)) routes.add(`${method.toUpperCase()} ${path}`)
        }
      } else if (layer.handle.stack) {
        if (typeof layer.rawPath !== 'string') throw new Error('a router mounted on a non-string path')
        walk(layer.handle.stack, prefix + (layer.rawPath === '/' ? '' : layer.rawPath))
      }
    }
  }
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '')
  return [...routes]
}
