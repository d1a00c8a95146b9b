/**
 * The servers a load run is pointed at, behind one interface: Atelier as deployed
 * (auth, validation, durable log; each participant joins through the API and
 * connects with its session), two Atelier nodes on PostgreSQL and Redis (the
 * participants alternate between them), and the reference `@y/websocket-server`
 * (one room, anyone connects). Each server process is pinned to core 0; the
 * generator keeps core 1.
 */
import { execFileSync } from 'node:child_process'
import { createWorkshop, join } from '../../tests/support/api'
import { freshPostgresDatabase } from '../../tests/support/postgres'
import { startRedis } from '../../tests/support/redis'
import { type Scrape, scrapeMetrics } from '../../tests/support/scrapeMetrics'
import { type ServerProcess, startServerProcess } from '../../tests/support/serverProcess'
import { pinToCore } from './processStats'
import { startReferenceServer } from './referenceServer'

export const SERVER_CORE = 0
export const GENERATOR_CORE = 1

export interface Admission {
  /** y-websocket's `serverUrl` for this participant. */
  wsBase: string
  params: Record<string, string>
  participantId: string
}

export interface Target {
  name: 'Atelier' | 'Atelier, 2 nodes' | 'reference'
  /** The server processes whose CPU and memory the run reports (two nodes: both; not PostgreSQL nor Redis). */
  pids: number[]
  /** y-websocket's room name. */
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
  return atelierTarget('Atelier', [server])
}

/**
 * Two nodes sharing one PostgreSQL database and one Redis (`ATELIER_BUS`), everything on
 * the server core: participant i joins and connects through node i mod 2, so every move
 * reaches half of its peers through Redis.
 */
export async function startTwoNodes(): Promise<Target> {
  const [store, redis] = await Promise.all([freshPostgresDatabase(), startRedis()])
  for (const port of [new URL(store).port, String(redis.port)]) pinToCore(listenerPid(port), SERVER_CORE)
  const env = { ATELIER_STORE: store, ATELIER_BUS: redis.url }
  const nodes = [await startServerProcess({ env }), await startServerProcess({ env })]
  const target = await atelierTarget('Atelier, 2 nodes', nodes)
  return { ...target, stop: () => target.stop().finally(() => redis.stop()) }
}

/**
 * The process listening on `port` on loopback: pinned before the nodes connect, so that
 * PostgreSQL's backends, forked by it for each connection, inherit the core.
 */
function listenerPid(port: string): number {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' })
  const pid = Number(/pid=(\d+)/.exec(out)?.[1])
  if (!Number.isInteger(pid)) throw new Error(`bench: no process found listening on port ${port}`)
  return pid
}

async function atelierTarget(name: Target['name'], nodes: ServerProcess[]): Promise<Target> {
  for (const node of nodes) pinToCore(node.child.pid as number, SERVER_CORE)
  const first = nodes[0] as ServerProcess
  const workshop = await createWorkshop(first.url, first.adminToken, 'Plénière (bench)')
  let admitted = 0
  return {
    name,
    pids: nodes.map((n) => n.child.pid as number),
    room: `${workshop.id}/board`,
    ownAwarenessOnly: true,
    async admit(who) {
      const node = nodes[admitted++ % nodes.length] as ServerProcess
      const session = await join(node.url, workshop, 'participant', who)
      return {
        wsBase: `${node.url.replace(/^http/, 'ws')}/sync`,
        params: { token: session.token },
        participantId: session.participantId,
      }
    },
    // The first node's figures: with two, each holds the same histogram of its own half.
    metrics: () => scrapeMetrics(first),
    exited: Promise.race(nodes.map((n) => new Promise<number | null>((resolve) => n.child.once('exit', resolve)))),
    stop: async () => {
      await Promise.all(nodes.map((n) => n.stop()))
    },
  }
}

export async function startReference(): Promise<Target> {
  const server = await startReferenceServer()
  const pid = server.child.pid as number
  pinToCore(pid, SERVER_CORE)
  let participants = 0
  return {
    name: 'reference',
    pids: [pid],
    room: 'bench',
    ownAwarenessOnly: false,
    admit: async () => ({
      wsBase: `ws://127.0.0.1:${server.port}`,
      params: {},
      participantId: `participant-${++participants}`,
    }),
    exited: new Promise((resolve) => server.child.once('exit', resolve)),
    stop: () => server.stop(),
  }
}
