/**
 * A participant without a browser: the stock `y-websocket` WebsocketProvider
 * on a Y.Doc laid out as documented (YKeyValue over `records`), in Node.
 */
import type { TLRecord } from '@tldraw/tlschema'
import WebSocket from 'ws'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { RECORDS_ARRAY } from '../../shared/boardDoc'

export interface BoardClient {
  doc: Y.Doc
  provider: WebsocketProvider
  records: YKeyValue<TLRecord>
  /** Close events seen, newest last. */
  closes: { code: number; reason: string }[]
  synced(timeoutMs?: number): Promise<void>
  put(record: TLRecord): void
  get(id: string): TLRecord | undefined
  ids(): string[]
  destroy(): void
}

export interface ConnectOptions {
  token?: string
  origin?: string
  /** Reconnect automatically (stock behaviour); off to observe a single session. */
  connect?: boolean
  /**
   * Turn off y-websocket's BroadcastChannel. Node 20 has a global BroadcastChannel,
   * so by default every provider of the same room *in this process* syncs with the
   * others directly, bypassing the server. Tests of what the server lets through
   * must set this, or a refused write still reaches the other test clients.
   */
  disableBc?: boolean
  /** The document's room name, as in its sync path (default `<workshopId>/board`; e.g. a drafts document). */
  room?: string
}

/** A WebSocket class that sends a chosen Origin header, as a browser would. */
function socketClass(origin: string | undefined): typeof WebSocket {
  if (!origin) return WebSocket
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { Origin: origin } })
    }
  } as typeof WebSocket
}

export function connectBoard(baseUrl: string, workshopId: string, opts: ConnectOptions = {}): BoardClient {
  const doc = new Y.Doc()
  const wsBase = `${baseUrl.replace(/^http/, 'ws')}/sync`
  const provider = new WebsocketProvider(wsBase, opts.room ?? `${workshopId}/board`, doc, {
    params: opts.token ? { token: opts.token } : {},
    WebSocketPolyfill: socketClass(opts.origin) as unknown as typeof globalThis.WebSocket,
    connect: opts.connect ?? true,
    maxBackoffTime: 500,
    disableBc: opts.disableBc ?? true,
  })
  const records = new YKeyValue<TLRecord>(doc.getArray(RECORDS_ARRAY))
  const closes: { code: number; reason: string }[] = []
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason })
  })
  return {
    doc,
    provider,
    records,
    closes,
    synced(timeoutMs = 10_000) {
      if (provider.synced) return Promise.resolve()
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('not synced in time')), timeoutMs)
        const onSync = (s: boolean) => {
          if (!s) return
          clearTimeout(timer)
          provider.off('sync', onSync)
          resolve()
        }
        provider.on('sync', onSync)
      })
    },
    put: (record) => records.set(record.id, record),
    get: (id) => records.get(id),
    ids: () => [...records.map.keys()].sort(),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Polls `check` until it returns true (convergence is asserted this way, never with sleeps). */
export async function eventually(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/**
 * Writes records through a stock client, one transaction, and resolves once
 * a second client holds each of them as written (so the server has them);
 * gives the whole board as that second client sees it.
 */
export async function writeBoard(
  baseUrl: string,
  workshopId: string,
  token: string,
  records: readonly TLRecord[],
): Promise<TLRecord[]> {
  const writer = connectBoard(baseUrl, workshopId, { token })
  const check = connectBoard(baseUrl, workshopId, { token })
  try {
    await Promise.all([writer.synced(), check.synced()])
    writer.doc.transact(() => {
      for (const r of records) writer.put(r)
    })
    await eventually(
      () => records.every((r) => JSON.stringify(check.get(r.id)) === JSON.stringify(r)),
      10_000,
      'board written',
    )
    return [...check.records.map.values()].map((e) => e.val)
  } finally {
    writer.destroy()
    check.destroy()
  }
}
