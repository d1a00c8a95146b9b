/**
 * The bus over Redis pub/sub (ATELIER_BUS=redis://…): one connection publishes, one
 * subscribes. ioredis reconnects by itself; every time the subscriber is subscribed
 * again the bridge catches up from the store, since pub/sub keeps nothing for a node
 * that was away (a Redis restart, a network cut).
 */
import { Redis } from 'ioredis'
import { type Bus, type BusEvents, type BusMessage, decodeBusMessage, encodeBusMessage } from './bus'

const CHANNEL = 'atelier:sync'

export async function openRedisBus(url: string, node: string, events: BusEvents): Promise<Bus> {
  const options = {
    // Retry forever, at most every 2 s: a node outlives a Redis restart.
    retryStrategy: (attempt: number) => Math.min(2000, 100 * attempt),
    maxRetriesPerRequest: null,
    // While Redis is down, publications are dropped rather than queued: the store has the
    // data, and a queue would replay stale cursors and grow without bound.
    enableOfflineQueue: false,
    lazyConnect: true,
  }
  const publisher = new Redis(url, options)
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true })
  for (const [name, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (e: Error) => events.status(false, `${name}: ${e.message}`))
    client.on('end', () => events.status(false, `${name}: closed`))
  }
  subscriber.on('ready', () => {
    subscriber
      .subscribe(CHANNEL)
      .then(() => {
        events.status(true, 'subscribed')
        events.subscribed()
      })
      .catch((e: Error) => events.status(false, `subscribe: ${e.message}`))
  })
  subscriber.on('messageBuffer', (_channel: Buffer, data: Buffer) => {
    const message = decodeBusMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    if (!message) return events.dropped('undecodable bus message')
    if (message.node !== node) events.message(message)
  })
  await Promise.all([publisher.connect(), subscriber.connect()])
  return {
    publish(message: Omit<BusMessage, 'node'>) {
      if (publisher.status !== 'ready') return
      publisher.publish(CHANNEL, Buffer.from(encodeBusMessage({ ...message, node }))).catch(() => {})
    },
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()])
    },
  }
}
