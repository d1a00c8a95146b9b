/**
 * A TCP proxy on 127.0.0.1 that makes the network between clients and the
 * server bad on purpose (`tc netem` is not available here):
 *
 * - delay: every chunk, each way, is delivered `delayMs` after it arrived, in
 *   order (so 200 ms is a 400 ms round trip);
 * - resets: every `resetEveryMs` each open connection is reset (RST on both
 *   sides) with probability `resetChance` — "5 % connection resets" is 0.05
 *   per connection per second, so a connection lives 20 s on average and
 *   resets land mid-stream at random moments, as on a flaky mobile link;
 * - cut(): the network vanishes. The default, 'silent', is what a lost venue
 *   Wi-Fi looks like to a browser (still associated, uplink gone, or out of
 *   range with the OS not yet noticing): nothing arrives, nothing fails, no
 *   error, `navigator.onLine` stays true. Bytes are held, as TCP would keep
 *   retransmitting them, and delivered on heal(); new connections are accepted
 *   but get no answer until then (their SYN would be retried). 'reset' is the
 *   other kind: the machine's own link is down, every socket fails at once and
 *   new ones are refused (RST) right away.
 *
 * Randomness is seeded so a failing run can be replayed (`seed`).
 */
import net from 'node:net'
import * as prng from 'lib0/prng'

export type CutMode = 'silent' | 'reset'

export interface FaultProxyOptions {
  targetPort: number
  targetHost?: string
  /** One-way delay of every chunk, each direction (ms). */
  delayMs?: number
  /** Probability that an open connection is reset, checked every `resetEveryMs`. */
  resetChance?: number
  resetEveryMs?: number
  seed?: number
}

export interface FaultProxy {
  port: number
  /** `http://127.0.0.1:<port>`: what clients and browsers are pointed at. */
  url: string
  seed: number
  /** Connections reset by the random faults (not by a 'reset' cut). */
  readonly resets: number
  /** Connections accepted so far. */
  readonly accepted: number
  /** Connections currently proxied. */
  readonly open: number
  readonly cutMode: CutMode | null
  cut(mode?: CutMode): void
  heal(): void
  /** Resets every open connection now (a deterministic fault for tests). */
  resetAll(): void
  close(): Promise<void>
}

/** Data, a clean end (FIN), or an abrupt one (RST): each travels in order, delayed, held by a cut. */
type Signal = Buffer | 'end' | 'reset'
type Item = { due: number; signal: Signal }

/** One direction of one connection: a queue delivered in order, each item `delayMs` after it came in. */
class Lane {
  private queue: Item[] = []
  private held: Signal[] = []
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly to: net.Socket,
    private readonly proxy: { delayMs: number; silent(): boolean },
    private readonly onReset: () => void,
  ) {}

  push(signal: Signal): void {
    if (this.proxy.silent()) {
      this.held.push(signal)
      return
    }
    this.queue.push({ due: Date.now() + this.proxy.delayMs, signal })
    this.pump()
  }

  /** After a silent cut: what was held goes out first, in order. */
  release(): void {
    const held = this.held
    this.held = []
    for (const signal of held) this.push(signal)
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.queue = []
    this.held = []
  }

  private pump(): void {
    if (this.timer) return
    const now = Date.now()
    while (this.queue.length > 0 && this.queue[0]!.due <= now && !this.proxy.silent()) {
      const { signal } = this.queue.shift()!
      if (this.to.destroyed) continue
      if (signal === 'reset') return this.onReset()
      if (signal === 'end') this.to.end()
      else this.to.write(signal)
    }
    if (this.queue.length === 0) return
    if (this.proxy.silent()) {
      // Cut while items were in flight: they are held with the rest.
      this.held.unshift(...this.queue.map((i) => i.signal))
      this.queue = []
      return
    }
    this.timer = setTimeout(
      () => {
        this.timer = null
        this.pump()
      },
      Math.max(0, this.queue[0]!.due - now),
    )
  }
}

interface Link {
  client: net.Socket
  upstream: net.Socket
  up: Lane
  down: Lane
}

export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31)
  const generator = prng.create(seed)
  const random = () => prng.real53(generator)
  const links = new Set<Link>()
  let cutMode: CutMode | null = null
  let resets = 0
  let accepted = 0
  const timing = { delayMs: opts.delayMs ?? 0, silent: () => cutMode === 'silent' }

  const drop = (link: Link) => {
    links.delete(link)
    link.up.stop()
    link.down.stop()
  }
  const reset = (link: Link) => {
    drop(link)
    if (!link.client.destroyed) link.client.resetAndDestroy()
    if (!link.upstream.destroyed) link.upstream.resetAndDestroy()
  }

  const server = net.createServer((client) => {
    accepted++
    if (cutMode === 'reset') {
      client.resetAndDestroy()
      return
    }
    const upstream = net.connect(opts.targetPort, opts.targetHost ?? '127.0.0.1')
    const abort = () => reset(link)
    const link: Link = {
      client,
      upstream,
      up: new Lane(upstream, timing, abort),
      down: new Lane(client, timing, abort),
    }
    links.add(link)
    client.on('data', (chunk) => link.up.push(chunk))
    upstream.on('data', (chunk) => link.down.push(chunk))
    // An end or an error reaches the other side like data does: delayed, and not through a cut.
    client.on('end', () => link.up.push('end'))
    upstream.on('end', () => link.down.push('end'))
    client.on('error', () => link.up.push('reset'))
    upstream.on('error', () => link.down.push('reset'))
    const closed = () => {
      if (client.destroyed && upstream.destroyed) drop(link)
    }
    client.on('close', closed)
    upstream.on('close', closed)
  })

  const resetter =
    (opts.resetChance ?? 0) > 0
      ? setInterval(() => {
          if (cutMode) return // nothing travels, nothing to reset
          for (const link of [...links]) {
            if (random() < (opts.resetChance ?? 0)) {
              resets++
              reset(link)
            }
          }
        }, opts.resetEveryMs ?? 1000)
      : null

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    seed,
    get resets() {
      return resets
    },
    get accepted() {
      return accepted
    },
    get open() {
      return links.size
    },
    get cutMode() {
      return cutMode
    },
    cut(mode = 'silent') {
      cutMode = mode
      if (mode === 'reset') for (const link of [...links]) reset(link)
    },
    heal() {
      cutMode = null
      for (const link of links) {
        link.up.release()
        link.down.release()
      }
    },
    resetAll() {
      for (const link of [...links]) reset(link)
    },
    async close() {
      if (resetter) clearInterval(resetter)
      for (const link of [...links]) reset(link)
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
