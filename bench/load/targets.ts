/**
 * The two servers a load run is pointed at, behind one interface: Atelier as
 * deployed (auth, validation, durable log; each participant joins through the
 * API and connects with its session) and the reference `@y/websocket-server`
 * (one room, anyone connects). Each is pinned to core 0; the generator keeps core 1.
 */
import { createWorkshop, join } from '../../tests/support/api'
import { type Scrape, scrapeMetrics } from '../../tests/support/scrapeMetrics'
import { startServerProcess } from '../../tests/support/serverProcess'
import { pinToCore } from './processStats'
import { startReferenceServer } from './referenceServer'

export const SERVER_CORE = 0
export const GENERATOR_CORE = 1

export interface Admission {
  params: Record<string, string>
  participantId: string
}

export interface Target {
  name: 'Atelier' | 'reference'
  pid: number
  /** y-websocket's `serverUrl` and room name. */
  wsBase: string
  room: string
  /** Our client sends only its own awareness entry; the reference is run with the stock client, echo included. */
  ownAwarenessOnly: boolean
  /** A new participant's session (for Atelier, a join through the API). */
  admit(name: string): Promise<Admission>
  /** The server's GET /metrics, when it has one (Atelier: its own fan-out delays). */
  metrics?(): Promise<Scrape>
  /** Dies with the run if the server dies (a guard, not a figure). */
  exited: Promise<number | null>
  stop(): Promise<void>
}

export async function startAtelier(env: Record<string, string> = {}): Promise<Target> {
  const server = await startServerProcess({ env })
  const pid = server.child.pid as number
  pinToCore(pid, SERVER_CORE)
  const workshop = await createWorkshop(server.url, server.adminToken, 'Plénière (bench)')
  return {
    name: 'Atelier',
    pid,
    wsBase: `${server.url.replace(/^http/, 'ws')}/sync`,
    room: `${workshop.id}/board`,
    ownAwarenessOnly: true,
    async admit(name) {
      const session = await join(server.url, workshop, 'participant', name)
      return { params: { token: session.token }, participantId: session.participantId }
    },
    metrics: () => scrapeMetrics(server),
    exited: new Promise((resolve) => server.child.once('exit', resolve)),
    stop: () => server.stop(),
  }
}

export async function startReference(): Promise<Target> {
  const server = await startReferenceServer()
  const pid = server.child.pid as number
  pinToCore(pid, SERVER_CORE)
  let participants = 0
  return {
    name: 'reference',
    pid,
    wsBase: `ws://127.0.0.1:${server.port}`,
    room: 'bench',
    ownAwarenessOnly: false,
    admit: async () => ({ params: {}, participantId: `participant-${++participants}` }),
    exited: new Promise((resolve) => server.child.once('exit', resolve)),
    stop: () => server.stop(),
  }
}
