/**
 * Wire protocol between clients and the sync gateway.
 *
 * Messages are the y-protocols ones, as spoken by the stock `y-websocket`
 * WebsocketProvider: a varuint message type, then its payload.
 *   0 sync       — sync step 1 (state vector), sync step 2 (missing update), update
 *   1 awareness  — presence entries [clientId, clock, state]
 *   3 queryAwareness — ask the server for every awareness entry
 * (2, auth, is never sent by the server: authentication happens at the HTTP upgrade.)
 *
 * When the server ends a connection it uses one of the close codes below, so a
 * client can tell "you may not write" from "the server is restarting".
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

export const SyncStep = {
  step1: 0,
  step2: 1,
  update: 2,
} as const

export interface CloseReason {
  code: number
  reason: string
}

/**
 * Close codes the server sends. They follow the stock y-websocket client's
 * convention: 4400–4499 mirror HTTP 4xx (reconnecting cannot help, the client
 * stops), everything else is transient (the client reconnects with back-off).
 */
export const CloseCodes = {
  /** The server is shutting down or restarting: reconnect later. */
  serviceRestart: { code: 1012, reason: 'server restarting' },
  /** A frame larger than the configured limit. */
  messageTooBig: { code: 1009, reason: 'message too big' },
  /** A message that does not decode or an update that fails validation. */
  invalidMessage: { code: 4400, reason: 'invalid message' },
  /** The session was revoked (link rotated, participant deleted). */
  sessionRevoked: { code: 4401, reason: 'session revoked' },
  /** A write from a connection that may not write (observer, locked board). */
  readOnly: { code: 4403, reason: 'read-only: write refused' },
  /**
   * A participant's write while the facilitator has locked the board. The
   * write was not applied, but the client's document holds it: that copy must
   * not reconnect (its sync would offer the write again). The client drops its
   * document and opens a fresh one from the server's state (REBUILD_CLOSE_CODES).
   */
  boardLocked: { code: 4423, reason: 'board locked' },
  /**
   * A write that changes a note's author stamp (shared/model/noteAuthor.ts).
   * Our own clients only send one by a rare race (an undo bringing back a
   * note deleted before the server's restart): like a locked write, the
   * client drops its document and starts again from the server's state, so
   * the canvas is never stuck on it.
   */
  noteAuthor: { code: 4409, reason: 'write refused: a note keeps its author' },
  /** The connection sent too many messages per second. */
  rateLimited: { code: 4429, reason: 'rate limited' },
  /** The room could not persist an update: nothing was acknowledged, reconnect. */
  storageFailure: { code: 4500, reason: 'storage failure' },
} as const satisfies Record<string, CloseReason>

/**
 * Close codes after which the client must not reconnect with the same document
 * but start again from the server's, with no user action: drop the local Y.Doc
 * (and everything bound to it) and open a fresh connection. A stock client just
 * stops, as for any 44xx code.
 */
export const REBUILD_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCodes.boardLocked.code,
  CloseCodes.noteAuthor.code,
])

/** Whether reconnecting after this close code is pointless without user action. */
export function isFatalClose(code: number): boolean {
  return code >= 4400 && code <= 4499 && !REBUILD_CLOSE_CODES.has(code)
}

/** Our close codes after which the client must not reconnect by itself. */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set(
  Object.values(CloseCodes)
    .map((c) => c.code)
    .filter(isFatalClose),
)
