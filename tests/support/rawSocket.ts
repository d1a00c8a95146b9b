/**
 * A hand-driven WebSocket to the sync gateway (package `ws`), for tests that
 * send what no stock client would: crafted frames, forged awareness, bad
 * upgrades. Also the y-protocols framing those tests need.
 */
import type { TLRecord } from '@tldraw/tlschema'
import WebSocket from 'ws'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { writeAwareness, writeAwarenessUpdate, writeSyncStep1, writeUpdate } from '../../server/rooms/messages'
import { RECORDS_ARRAY } from '../../shared/boardDoc'
import { MessageType, SyncStep } from '../../shared/protocol'

export interface RawSocket {
  ws: WebSocket
  /** Binary messages received from the server, oldest first. */
  received: Uint8Array[]
  /** Resolves once the socket is open (rejects if the upgrade fails). */
  opened: Promise<void>
  /** Resolves with the close code and reason, whoever closed. */
  closed: Promise<{ code: number; reason: string }>
  /** `closed`, but rejects when the socket is still open after `ms`. */
  closedWithin(ms: number): Promise<{ code: number; reason: string }>
  send(data: Uint8Array | string): void
}

export function syncUrl(baseUrl: string, path: string, token?: string): string {
  const url = new URL(`${baseUrl.replace(/^http/, 'ws')}${path}`)
  if (token) url.searchParams.set('token', token)
  return url.toString()
}

export function openRaw(
  baseUrl: string,
  workshopId: string,
  token: string,
  opts: { headers?: Record<string, string> } = {},
): RawSocket {
  const ws = new WebSocket(syncUrl(baseUrl, `/sync/${workshopId}/board`, token), { headers: opts.headers })
  const received: Uint8Array[] = []
  ws.on('message', (data, isBinary) => {
    if (isBinary) received.push(new Uint8Array(data as Buffer))
  })
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
  ws.on('error', () => {}) // surfaced through `opened` / `closed`
  const closedWithin = (ms: number) =>
    new Promise<{ code: number; reason: string }>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`socket still open after ${ms} ms`))
        ws.terminate()
      }, ms)
      void closed.then((c) => {
        clearTimeout(timer)
        resolve(c)
      })
    })
  return { ws, received, opened, closed, closedWithin, send: (data) => ws.send(data) }
}

/**
 * The outcome of an upgrade request: the HTTP status when the server refuses
 * before the WebSocket opens, or 'open' when it accepts (then closed at once).
 */
export function upgradeOutcome(url: string, headers: Record<string, string> = {}): Promise<number | 'open'> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    const timer = setTimeout(() => reject(new Error(`no upgrade outcome for ${url}`)), 5000)
    ws.on('unexpected-response', (req, res) => {
      clearTimeout(timer)
      resolve(res.statusCode ?? 0)
      res.resume()
      req.destroy()
    })
    ws.on('open', () => {
      clearTimeout(timer)
      resolve('open')
      ws.close()
    })
    ws.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
  })
}

/** Messages as y-protocols frames them (the server's own writers). */
export { writeUpdate as updateMessage } from '../../server/rooms/messages'

/** An update message writing these records into a board, as a client would send it. */
export function recordsUpdateMessage(records: TLRecord[]): Uint8Array {
  const d = new Y.Doc()
  const kv = new YKeyValue<TLRecord>(d.getArray(RECORDS_ARRAY))
  for (const r of records) kv.set(r.id, r)
  return writeUpdate(Y.encodeStateAsUpdate(d))
}

/** An awareness message carrying the given entries, states given as values. */
export function awarenessMessage(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  return writeAwareness(
    writeAwarenessUpdate(
      entries.map(({ clientId, clock, state }) => ({ clientId, clock, json: JSON.stringify(state) })),
    ),
  )
}

/**
 * Sends a sync step 1 on a stock provider's current socket and waits for the
 * server's step 2 answer. The server handles a connection's messages in order,
 * so 'answered' means everything the client sent before was accepted without
 * closing it; 'closed' means the server (or network) closed it first.
 */
export function syncRoundTrip(provider: {
  ws: globalThis.WebSocket | null
  doc: Y.Doc
}): Promise<'answered' | 'closed'> {
  const ws = provider.ws
  if (!ws || ws.readyState !== ws.OPEN) return Promise.resolve('closed')
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer to sync step 1 within 5 s')), 5000)
    const onMessage = (e: MessageEvent) => {
      const data = new Uint8Array(e.data as ArrayBuffer)
      if (data[0] !== MessageType.sync || data[1] !== SyncStep.step2) return
      done('answered')
    }
    const onClose = () => done('closed')
    const done = (outcome: 'answered' | 'closed') => {
      clearTimeout(timer)
      ws.removeEventListener('message', onMessage)
      ws.removeEventListener('close', onClose)
      resolve(outcome)
    }
    ws.addEventListener('message', onMessage)
    ws.addEventListener('close', onClose)
    ws.send(writeSyncStep1(Y.encodeStateVector(provider.doc)))
  })
}
