/**
 * Composition root: wires storage, auth, rooms, the HTTP app and the sync
 * gateway, in that order, from a parsed Config. main.ts runs it as a process.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseDocName } from '../shared/boardDoc'
import { createBoardSchema } from '../shared/boardSchema'
import { type AdminToken, loadAdminToken } from './auth/adminToken'
import { makeOriginCheck } from './auth/origins'
import { ReaderGrantSigner } from './auth/readerGrants'
import { newSecret } from './auth/secrets'
import { SessionSigner } from './auth/sessions'
import { BusBridge, SessionsChange } from './bus/busBridge'
import type { Config } from './config'
import { FacilitationService } from './facilitation/facilitationService'
import { writeRefusal } from './facilitation/writePolicy'
import { attachSyncGateway } from './gateway/syncGateway'
import { createApp } from './http/app'
import { createLogger, type Logger } from './logger'
import { EventLoopMonitor } from './metrics/eventLoopMonitor'
import { renderMetrics } from './metrics/prometheus'
import { ServerMetrics } from './metrics/serverMetrics'
import { RoadmapService } from './roadmap/roadmapService'
import { SnapshotService } from './roadmap/snapshotService'
import { RoomManager } from './rooms/roomManager'
import { claimDataDir } from './storage/pidFile'
import { openPostgresStore } from './storage/postgresStore'
import { openSqliteStore } from './storage/sqliteStore'
import { Erasure } from './workshops/erasure'
import { RetentionSweep } from './workshops/retention'

export interface RunningServer {
  url: string
  port: number
  adminToken: AdminToken
  rooms: RoomManager
  logger: Logger
  /** Graceful stop: refuse new work, close clients with "server restarting", flush, close the store. */
  close(): Promise<void>
}

export async function startServer(config: Config): Promise<RunningServer> {
  const logger = createLogger(config.logLevel)
  // Whatever the store, the data directory holds the admin token and the pid file.
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
  // Before the store opens: a second server on the same directory is refused, and npm run restore sees it served.
  const claim = claimDataDir(config.dataDir)
  const store =
    config.store.kind === 'postgres' ? await openPostgresStore(config.store.url) : openSqliteStore(config.dataDir)
  const adminToken = loadAdminToken(config.dataDir, config.adminToken)
  const sessionKey = await store.setSettingIfAbsent('session_key', newSecret(32))
  const signer = new SessionSigner(sessionKey, config.sessionTtlSeconds)
  // Roadmap readers' grants live as long as sessions, under the same key (their own audience).
  const readers = new ReaderGrantSigner(sessionKey, config.sessionTtlSeconds)
  const originAllowed = makeOriginCheck(config)
  const metrics = new ServerMetrics()
  const facilitation = new FacilitationService(store, () => rooms, {
    onBackgroundError: (error, workshopId) =>
      logger.warn({ event: 'private_writing_failed', workshop: workshopId, error: String(error) }),
    // Told to the other nodes once the bridge is attached to the bus (below).
    onChanged: (workshopId) => bridge?.controlChanged(workshopId),
  })
  const bridge = config.bus ? new BusBridge({ rooms: () => rooms, store, facilitation, logger }) : null
  const rooms: RoomManager = new RoomManager({
    store,
    schema: createBoardSchema(),
    logger,
    idleMs: config.roomIdleMs,
    compactAfterUpdates: config.compactAfterUpdates,
    maxLoadedRooms: config.limits.maxLoadedRooms,
    maxLoadedDrafts: config.limits.maxLoadedDrafts,
    maxAwarenessBytes: config.limits.maxAwarenessBytes,
    onCommit: (entries, ms) => metrics.committed(entries, ms),
    onDelivered: (ms) => metrics.fanoutSeconds.observe(ms / 1000),
    ...(bridge && {
      onCommitted: (room, updates) => bridge.committed(room, updates),
      onAwareness: (room, entries) => bridge.awareness(room, entries),
      onSessionsChanged: (workshopId, gone) =>
        bridge.sessionsChanged(workshopId, gone ? SessionsChange.workshopGone : SessionsChange.revoked),
    }),
    writeRefusal: (conn, name) => {
      const target = parseDocName(name)
      return writeRefusal(conn.session, target, facilitation.isLocked(target.workshopId))
    },
    onLoad: async (room) => {
      const { workshopId, kind } = parseDocName(room.name)
      if (kind === 'control') await facilitation.writeControl(room, workshopId)
    },
    onUpdate: (room) => {
      if (parseDocName(room.name).kind !== 'drafts') return
      facilitation.drafts
        .changed(room)
        .catch((error) => logger.warn({ event: 'private_writing_failed', room: room.name, error: String(error) }))
    },
  })
  const erasure = new Erasure({ store, rooms, facilitation, logger })
  const retention = new RetentionSweep({
    store,
    erasure,
    logger,
    sweepMs: config.retention.sweepMs,
    now: () => Date.now() + config.retention.clockShiftMs,
  })
  const roadmap = new RoadmapService({ store, logger })
  const snapshots = new SnapshotService({ store, facilitation, rooms, logger, onSnapshot: roadmap.onSnapshot })
  const eventLoop = new EventLoopMonitor()
  eventLoop.start()
  const app = createApp({
    config,
    store,
    logger,
    originAllowed,
    signer,
    adminToken,
    facilitation,
    snapshots,
    readers,
    roadmap,
    sessionTtlSeconds: config.sessionTtlSeconds,
    rooms,
    erasure,
    defaultRetentionDays: config.retention.defaultDays,
    metrics,
    renderMetrics: () =>
      renderMetrics({ eventLoop: eventLoop.read(), roomsLoaded: rooms.size, server: metrics, bus: bridge?.counters }),
  })
  const server = http.createServer(app)
  const gateway = attachSyncGateway(server, {
    rooms,
    signer,
    store,
    limits: config.limits,
    logger,
    metrics,
    originAllowed,
    beforeOpen: (workshopId) => facilitation.prepare(workshopId),
    openRefusal: (session, target) => facilitation.drafts.openRefusal(session, target),
  })

  if (bridge && config.bus) {
    const node = newSecret(9)
    // ioredis (~6 MiB) is loaded only by the nodes that use a bus.
    const { openRedisBus } = await import('./bus/redisBus')
    let up = true
    bridge.attach(
      await openRedisBus(config.bus, node, {
        message: (m) => bridge.receive(m),
        dropped: (detail) => bridge.dropped(detail),
        subscribed: () => void bridge.catchUpAll(),
        status: (isUp, detail) => {
          if (isUp === up && isUp) return
          up = isUp
          ;(isUp ? logger.info : logger.warn).call(logger, { event: isUp ? 'bus_up' : 'bus_down', detail })
        },
      }),
    )
    logger.info({ event: 'bus_joined', node })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  retention.start()
  const url = config.publicUrl ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`

  let closing: Promise<void> | null = null
  const close = () => {
    closing ??= (async () => {
      server.close()
      gateway.close()
      await retention.stop()
      await rooms.shutdown()
      await bridge?.close()
      server.closeAllConnections()
      await store.close()
      claim.release()
      eventLoop.stop()
    })()
    return closing
  }
  return { url, port, adminToken, rooms, logger, close }
}
