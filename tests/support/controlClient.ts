/**
 * A reader of a workshop's control document (shared/control.ts) through the
 * stock y-websocket provider, as every client reads it; calls to the API with
 * a participant's token (opening a vote among them).
 */
import assert from 'node:assert/strict'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CONTROL_MAP, type VoteRules, type VoteSessionState, type VoteTargetKind } from '../../shared/control'

export interface ControlClient {
  doc: Y.Doc
  provider: WebsocketProvider
  closes: number[]
  get(key: string): unknown
  /** Everything the document holds, as JSON text (to search for what must not be there). */
  json(): string
  synced(): Promise<void>
  destroy(): void
}

export function connectControl(baseUrl: string, workshopId: string, token: string): ControlClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, `${workshopId}/control`, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  })
  const closes: number[] = []
  provider.on('connection-close', (e) => {
    if (e) closes.push(e.code)
  })
  const map = doc.getMap<unknown>(CONTROL_MAP)
  return {
    doc,
    provider,
    closes,
    get: (key) => map.get(key),
    json: () => JSON.stringify(map.toJSON()),
    synced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise((resolve) => {
            const on = (s: boolean) => {
              if (!s) return
              provider.off('sync', on)
              resolve()
            }
            provider.on('sync', on)
          }),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Calls the API with a participant's bearer token; returns status and parsed body. */
export async function call(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the API answers
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

/**
 * Opens a vote session as a facilitator (asserts it opened: 201) and returns it. By default on
 * every note, 5 dots each, at most 3 on one item, results hidden until the close, named.
 */
export async function openVote(
  base: string,
  token: string,
  workshopId: string,
  rules: Partial<VoteRules & { targets: VoteTargetKind | string[] }> = {},
): Promise<VoteSessionState> {
  const open = await call(base, token, 'POST', `/api/workshops/${workshopId}/vote-sessions`, {
    targets: 'notes',
    votesPerPerson: 5,
    maxPerItem: 3,
    hideResults: true,
    anonymous: false,
    ...rules,
  })
  assert.equal(open.status, 201, JSON.stringify(open.body))
  return open.body as VoteSessionState
}
