/**
 * The sync gateway: turns an HTTP upgrade on `/sync/<workshopId>/<doc>` (or
 * `/sync/<workshopId>/drafts/<participantId>`) into a room connection.
 * Everything is checked before the WebSocket opens — path, Origin, session
 * (cookie or token) for that very workshop, who may open that document, room
 * capacity — and refused with a plain HTTP status otherwise (401, 403, 404, 503).
 * Once open, a connection has two budgets, messages and bytes per second
 * (a burst of a few seconds' worth passes); over either it is closed with 4429.
 */
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { WORKSHOP_ID_PATTERN } from '../../shared/api'
import { DOC_KINDS, type DocKind, type DocTarget, docName } from '../../shared/boardDoc'
import { CloseCodes } from '../../shared/protocol'
import type { OriginCheck } from '../auth/origins'
import type { Session, SessionSigner } from '../auth/sessions'
import type { Limits } from '../config'
import { authenticate } from '../http/sessionAuth'
import type { Logger } from '../logger'
import type { ServerMetrics } from '../metrics/serverMetrics'
import { Connection } from '../rooms/connection'
import { RoomLimitError, type RoomManager } from '../rooms/roomManager'
import type { Store } from '../storage/store'

export interface GatewayDeps {
  rooms: RoomManager
  signer: SessionSigner
  store: Store
  limits: Limits
  logger: Logger
  metrics: ServerMetrics
  originAllowed: OriginCheck
  /** Loads what the rooms' synchronous checks need for this workshop (e.g. its board lock). */
  beforeOpen?(workshopId: string): Promise<void>
  /** Whether this session may open this document: null, or the HTTP status to refuse with (403, 404). */
  openRefusal?(session: Session, target: DocTarget): Promise<403 | 404 | null>
}

const KINDS: ReadonlySet<string> = new Set(DOC_KINDS)
const PING_INTERVAL_MS = 30_000
const CLOSE_GRACE_MS = 2_000
/** ws's error code for a frame over maxPayload (it closes with 1009). */
const TOO_BIG = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'

/** `/sync/<workshopId>/<kind>`, or `/sync/<workshopId>/drafts/<participantId>`; null for anything else. */
export function parseSyncPath(pathname: string): DocTarget | null {
  const m = /^\/sync\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/.exec(pathname)
  if (!m) return null
  const [, workshopId, kind, owner = null] = m as unknown as [string, string, string, string | undefined]
  if (!WORKSHOP_ID_PATTERN.test(workshopId) || !KINDS.has(kind)) return null
  // Only drafts documents have an owner, and theirs is a participant id (same shape as a workshop id).
  if ((kind === 'drafts') !== (owner !== null)) return null
  if (owner !== null && !WORKSHOP_ID_PATTERN.test(owner)) return null
  return { workshopId, kind: kind as DocKind, owner }
}

export function attachSyncGateway(server: Server, deps: GatewayDeps): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.limits.maxFrameBytes, perMessageDeflate: false })
  const alive = new WeakMap<object, boolean>()

  const refuse = (socket: Duplex, status: number, text: string) => {
    deps.metrics.refusedUpgrades.inc(String(status))
    if (socket.writable) {
      socket.end(
        `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`,
      )
    }
    socket.destroy()
  }

  const onUpgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const target = parseSyncPath(url.pathname)
      if (!target) return refuse(socket, 404, 'Not Found')
      if (!deps.originAllowed(req)) return refuse(socket, 403, 'Forbidden')
      const auth = await authenticate(deps.signer, deps.store, req, target.workshopId, url)
      if (!auth.ok) return refuse(socket, auth.status, auth.status === 401 ? 'Unauthorized' : 'Forbidden')
      const refusal = (await deps.openRefusal?.(auth.session, target)) ?? null
      if (refusal !== null) return refuse(socket, refusal, refusal === 403 ? 'Forbidden' : 'Not Found')
      await deps.beforeOpen?.(target.workshopId)
      let room: Awaited<ReturnType<RoomManager['open']>>
      try {
        room = await deps.rooms.open(docName(target))
      } catch (e) {
        if (e instanceof RoomLimitError) return refuse(socket, 503, 'Service Unavailable')
        throw e
      }
      if (socket.destroyed) return
      // The session again, now that nothing is awaited before the connection joins its room:
      // a rotation or an erasure committed while the room loaded closed the connections it
      // found (closeSessions), and this one was not among them yet.
      const still = await authenticate(deps.signer, deps.store, req, target.workshopId, url)
      if (!still.ok) return refuse(socket, still.status, still.status === 401 ? 'Unauthorized' : 'Forbidden')
      if (socket.destroyed) return
      wss.handleUpgrade(req, socket, head, (ws) => {
        const conn = new Connection(ws, auth.session, deps.limits, (reason) => deps.metrics.refusedMessages.inc(reason))
        deps.metrics.connections++
        alive.set(ws, true)
        ws.on('pong', () => alive.set(ws, true))
        ws.on('message', (data, isBinary) => {
          if (conn.closed) return
          const frame = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)
          const admission = conn.admit(frame.byteLength)
          if (admission !== 'ok') {
            const reason = admission === 'bytes' ? 'byte rate limited' : 'rate limited'
            deps.logger.info({ event: 'message_refused', participant: conn.participantId, reason })
            return conn.close(CloseCodes.rateLimited, admission === 'bytes' ? 'byte_rate_limited' : 'rate_limited')
          }
          if (!isBinary) return conn.close(CloseCodes.invalidMessage)
          room.receive(conn, new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength))
        })
        ws.on('close', () => {
          conn.closed = true
          deps.metrics.connections--
          deps.rooms.detach(room, conn)
        })
        // A protocol error (a frame over maxPayload: 1009; bad framing: 1002, 1007): ws has already
        // sent the close frame with its code and keeps reading (discarding) until the peer answers.
        // Destroying the socket now would reset the connection with the peer's last bytes unread,
        // and the peer would see 1006, not why. A peer that never answers is cut after a grace.
        ws.on('error', (error: Error & { code?: string }) => {
          if (!conn.closed) deps.metrics.refusedMessages.inc(error.code === TOO_BIG ? 'too_big' : 'invalid')
          conn.closed = true
          setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref()
        })
        deps.rooms.attach(room, conn)
      })
    } catch (e) {
      deps.logger.error({ event: 'upgrade_failed', error: String(e) })
      refuse(socket, 500, 'Internal Server Error')
    }
  }

  const listener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void onUpgrade(req, socket, head)
  server.on('upgrade', listener)

  // Drop connections whose peer vanished without a close (laptop lid, lost Wi-Fi).
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate()
        continue
      }
      alive.set(ws, false)
      ws.ping()
    }
  }, PING_INTERVAL_MS)
  pinger.unref()

  return {
    close() {
      clearInterval(pinger)
      server.off('upgrade', listener)
      wss.close()
    },
  }
}
