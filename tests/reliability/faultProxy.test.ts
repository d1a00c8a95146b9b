/**
 * The fault proxy itself (tests/support/faultProxy.ts), in front of a plain
 * TCP echo server: the delay is there each way and keeps order, a silent cut
 * holds bytes and new connections until heal, a 'reset' cut fails everything
 * at once, and random resets happen and are counted.
 */
import assert from 'node:assert/strict'
import net from 'node:net'
import { after, before, test } from 'node:test'
import { eventually } from '../support/boardClient'
import { type FaultProxy, type FaultProxyOptions, startFaultProxy } from '../support/faultProxy'

let echo: net.Server
let echoPort: number
before(async () => {
  echo = net.createServer((s) => {
    s.on('error', () => {})
    s.pipe(s)
  })
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve))
  echoPort = (echo.address() as net.AddressInfo).port
})
after(() => new Promise<void>((resolve) => echo.close(() => resolve())))

interface Peer {
  socket: net.Socket
  received: () => string
  error: () => NodeJS.ErrnoException | null
  closed: () => boolean
}

function dial(port: number): Peer {
  const socket = net.connect(port, '127.0.0.1')
  let data = ''
  let error: NodeJS.ErrnoException | null = null
  let closed = false
  socket.on('data', (d) => {
    data += String(d)
  })
  socket.on('error', (e) => {
    error = e
  })
  socket.on('close', () => {
    closed = true
  })
  return { socket, received: () => data, error: () => error, closed: () => closed }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function withProxy(opts: Omit<FaultProxyOptions, 'targetPort'>, body: (proxy: FaultProxy) => Promise<void>) {
  const proxy = await startFaultProxy({ targetPort: echoPort, ...opts })
  try {
    await body(proxy)
  } finally {
    await proxy.close()
  }
}

test('delay: each way, in order', { timeout: 10_000 }, () =>
  withProxy({ delayMs: 150 }, async (proxy) => {
    const peer = dial(proxy.port)
    const sent = Date.now()
    for (let i = 0; i < 20; i++) peer.socket.write(`${i},`)
    const expected = Array.from({ length: 20 }, (_, i) => `${i},`).join('')
    await eventually(() => peer.received() === expected, 5000, 'echo through the proxy')
    const rtt = Date.now() - sent
    console.log(`figure: proxy round trip with 150 ms each way: ${rtt} ms`)
    assert.ok(rtt >= 300, `round trip ${rtt} ms: the delay was not applied both ways`)
    assert.ok(rtt < 1500, `round trip ${rtt} ms`)
    peer.socket.destroy()
  }),
)

test('silent cut: bytes and new connections wait, then everything arrives in order on heal', { timeout: 10_000 }, () =>
  withProxy({}, async (proxy) => {
    const old = dial(proxy.port)
    old.socket.write('before|')
    await eventually(() => old.received() === 'before|', 2000, 'echo before the cut')
    proxy.cut()
    old.socket.write('during|')
    const late = dial(proxy.port)
    late.socket.write('new|')
    await pause(400)
    assert.equal(old.received(), 'before|', 'a byte crossed a silent cut')
    assert.equal(late.received(), '', 'a new connection was answered during a silent cut')
    assert.equal(old.error() ?? late.error(), null, 'a silent cut raised an error')
    proxy.heal()
    old.socket.write('after|')
    await eventually(() => old.received() === 'before|during|after|', 2000, 'held bytes delivered on heal')
    await eventually(() => late.received() === 'new|', 2000, 'held connection served on heal')
    old.socket.destroy()
    late.socket.destroy()
  }),
)

test("'reset' cut: open sockets fail at once, new ones are refused until heal", { timeout: 10_000 }, () =>
  withProxy({}, async (proxy) => {
    const old = dial(proxy.port)
    old.socket.write('x')
    await eventually(() => old.received() === 'x', 2000, 'echo before the cut')
    proxy.cut('reset')
    await eventually(() => old.closed(), 2000, 'open socket closed by the cut')
    assert.equal(old.error()?.code, 'ECONNRESET')
    const refused = dial(proxy.port)
    await eventually(() => refused.closed(), 2000, 'new socket refused during the cut')
    proxy.heal()
    const again = dial(proxy.port)
    again.socket.write('y')
    await eventually(() => again.received() === 'y', 2000, 'echo after heal')
    again.socket.destroy()
  }),
)

test('random resets: connections are reset at the given rate, and counted', { timeout: 10_000 }, () =>
  withProxy({ resetChance: 0.5, resetEveryMs: 20, seed: 7 }, async (proxy) => {
    const peers = Array.from({ length: 10 }, () => dial(proxy.port))
    await eventually(() => peers.every((p) => p.closed()), 3000, 'every connection reset')
    assert.ok(
      peers.every((p) => p.error()?.code === 'ECONNRESET'),
      'a connection ended without a reset',
    )
    assert.equal(proxy.resets, 10)
    assert.equal(proxy.open, 0)
  }),
)
