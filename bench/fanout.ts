/**
 * Fan-out under load (issue 7 item 1): N headless participants (stock
 * y-websocket clients, each with its own session) each move their own note
 * 2×/s and their cursor 10×/s; every other participant records when each move
 * reaches it. The same load against Atelier and against the reference
 * `@y/websocket-server` 0.1.1, one after the other, server on core 0 and this
 * generator on core 1. One Markdown table per N, with our figures as ratios to
 * the reference's. Figures, not pass/fail: the run only aborts if a server dies
 * or a phase overruns.
 *
 * Atelier's row also gives the server's own part of that delay, from its /metrics
 * (atelier_fanout_delay_seconds: a client's update reaching the server until it is written
 * to every peer): the rest is loopback and this one-core generator, which decodes every
 * message for all N stock clients one after the other (the last of 49 receivers waits for
 * the 48 before it; on real devices each decodes its own).
 *
 * BENCH_N (default 10,50,200), BENCH_SECONDS (measured window, default 20) and
 * BENCH_SERVERS (default atelier,two-nodes,reference; two-nodes: PostgreSQL and Redis
 * from Debian's packages, each participant on one of two nodes in turn).
 */
import { monitorEventLoopDelay, performance as perfHooks } from 'node:perf_hooks'
import { histogramPercentile } from './load/measurement'
import {
  CURSORS_PER_SECOND,
  connectParticipant,
  FanoutRun,
  MOVES_PER_SECOND,
  type Participant,
} from './load/participants'
import { cpuSeconds, loadAverage, peakRssMiB, pinToCore } from './load/processStats'
import { type Column, ms, percent, perSecond, table } from './load/report'
import { GENERATOR_CORE, startAtelier, startReference, startTwoNodes, type Target } from './load/targets'

const NS = (process.env.BENCH_N ?? '10,50,200').split(',').map(Number)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20)
/** Which servers to run (default all three): `atelier`, `two-nodes`, `reference`. */
const SERVERS = (process.env.BENCH_SERVERS ?? 'atelier,two-nodes,reference').split(',')
const WARMUP_MS = 2000
/** After the window, how long stragglers may still arrive before they count as lost. */
const DRAIN_MS = 5000
const CONNECT_BATCH = 25
/**
 * Participants that decode and measure (BENCH_RECEIVERS): all of them up to 50; beyond, 15
 * and the others are sinks (bench/load/participants.ts) — at 200, one generator core cannot
 * decode for all (with 50 receivers it was 100 % busy and its own lag p99 was 420 ms).
 */
const receiversAt = (n: number) => Number(process.env.BENCH_RECEIVERS ?? (n <= 50 ? n : 15))

pinToCore(process.pid, GENERATOR_CORE)
// Every stock provider registers a process 'exit' listener (to close its socket): 200 of them are expected here.
process.setMaxListeners(0)
const { eventLoopUtilization } = perfHooks
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

interface Row {
  server: string
  n: number
  receivers: number
  p50: number
  p95: number
  p99: number
  /** The server's own part of the delay (atelier_fanout_delay_seconds), as its bucket's upper bound. */
  serverP50: number
  serverP99: number
  completeness: number
  movesPerSecond: number
  cursorsPerSecond: number
  messagesUpPerSecond: number
  messagesDownPerSecond: number
  serverCpu: number
  cpuMicrosPerUpdate: number
  peakRss: number
  generatorBusy: number
  generatorLagP99: number
  load: string
}

async function within<T>(what: string, timeoutMs: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const overrun = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench/fanout: ${what} not done in ${timeoutMs / 1000} s`)), timeoutMs)
  })
  try {
    return await Promise.race([work, overrun])
  } finally {
    clearTimeout(timer)
  }
}

async function measure(start: () => Promise<Target>, n: number): Promise<Row> {
  const target = await start()
  let stopping = false
  void target.exited.then((code) => {
    if (stopping) return
    console.error(`bench/fanout: the ${target.name} server died (exit ${code}) at N = ${n}`)
    process.exit(1)
  })
  const run = new FanoutRun()
  const participants: Participant[] = []
  try {
    await within(
      `connecting ${n} participants to ${target.name}`,
      120_000,
      (async () => {
        for (let i = 0; i < n; i += CONNECT_BATCH) {
          const batch = Array.from({ length: Math.min(CONNECT_BATCH, n - i) }, (_, k) =>
            connectParticipant(target, i + k, run, i + k < receiversAt(n)),
          )
          participants.push(...(await Promise.all(batch)))
        }
        const notes = participants.map((p) => p.noteId)
        while (!participants.every((p) => p.sees(notes))) await sleep(50)
      })(),
    )

    for (const p of participants) p.startMoving()
    await sleep(WARMUP_MS)
    const metricsBefore = await target.metrics?.()
    const cpu = () => target.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0)
    const cpuBefore = cpu()
    const eluBefore = eventLoopUtilization()
    // How late the generator's own event loop runs: a fan-out figure includes it.
    const lag = monitorEventLoopDelay({ resolution: 1 })
    lag.enable()
    const started = performance.now()
    run.measuring = true
    await sleep(SECONDS * 1000)
    run.measuring = false
    const seconds = (performance.now() - started) / 1000
    const serverCpu = cpu() - cpuBefore
    const generatorBusy = eventLoopUtilization(eluBefore).utilization
    lag.disable()
    for (const p of participants) p.stopMoving()

    const expected = run.movesExpected
    const drainUntil = performance.now() + DRAIN_MS
    while (run.movesReceived < expected && performance.now() < drainUntil) await sleep(50)
    const metricsAfter = await target.metrics?.()
    const serverPart = (p: number) =>
      metricsBefore && metricsAfter
        ? histogramPercentile(metricsBefore, metricsAfter, 'atelier_fanout_delay_seconds', p)
        : Number.NaN
    const [p50, p95, p99] = run.latencies.percentiles(50, 95, 99) as [number, number, number]
    // What reached the receivers, scaled to every peer: the sinks get the same (the server cannot tell them apart).
    const scale = (run.movesSent * (n - 1)) / Math.max(1, expected)
    const delivered = (run.movesReceived + run.cursorsReceived) * scale
    return {
      server: target.name,
      n,
      receivers: run.receivers,
      p50,
      p95,
      p99,
      serverP50: serverPart(50),
      serverP99: serverPart(99),
      completeness: expected === 0 ? 0 : (100 * run.movesReceived) / expected,
      movesPerSecond: (run.movesReceived * scale) / seconds,
      cursorsPerSecond: (run.cursorsReceived * scale) / seconds,
      messagesUpPerSecond: run.messagesSent / seconds,
      messagesDownPerSecond: run.messagesReceived / seconds,
      serverCpu: (100 * serverCpu) / seconds,
      cpuMicrosPerUpdate: delivered === 0 ? Number.NaN : (serverCpu * 1e6) / delivered,
      peakRss: target.pids.reduce((sum, pid) => sum + peakRssMiB(pid), 0),
      generatorBusy: 100 * generatorBusy,
      generatorLagP99: lag.percentile(99) / 1e6,
      load: loadAverage(),
    }
  } finally {
    stopping = true
    for (const p of participants) p.destroy()
    await target.stop()
  }
}

/** A histogram percentile: at most its bucket's bound. */
const bound = (v: number) => (Number.isNaN(v) ? '–' : `≤ ${ms(v)}`)

const columns: Column<Row>[] = [
  { title: 'server', cell: (r) => r.server },
  { title: 'fan-out p50', cell: (r) => ms(r.p50), value: (r) => r.p50 },
  { title: 'p95', cell: (r) => ms(r.p95), value: (r) => r.p95 },
  { title: 'p99', cell: (r) => ms(r.p99), value: (r) => r.p99 },
  { title: 'of which server p50', cell: (r) => bound(r.serverP50) },
  { title: 'server p99', cell: (r) => bound(r.serverP99) },
  { title: 'moves delivered', cell: (r) => percent(r.completeness), value: (r) => r.completeness },
  { title: 'moves/s', cell: (r) => perSecond(r.movesPerSecond), value: (r) => r.movesPerSecond },
  { title: 'cursors/s', cell: (r) => perSecond(r.cursorsPerSecond), value: (r) => r.cursorsPerSecond },
  { title: 'messages up/s', cell: (r) => perSecond(r.messagesUpPerSecond), value: (r) => r.messagesUpPerSecond },
  {
    title: 'messages down/s',
    cell: (r) => perSecond(r.messagesDownPerSecond),
    value: (r) => r.messagesDownPerSecond,
  },
  { title: 'server CPU', cell: (r) => percent(r.serverCpu), value: (r) => r.serverCpu },
  { title: 'CPU per update', cell: (r) => `${r.cpuMicrosPerUpdate.toFixed(1)} µs`, value: (r) => r.cpuMicrosPerUpdate },
  { title: 'peak RSS', cell: (r) => `${r.peakRss.toFixed(0)} MiB`, value: (r) => r.peakRss },
  { title: 'generator busy', cell: (r) => percent(r.generatorBusy) },
  { title: 'generator lag p99', cell: (r) => ms(r.generatorLagP99) },
  { title: 'load avg', cell: (r) => r.load },
]

console.log(
  `\nEach participant moves its note ${MOVES_PER_SECOND}×/s and its cursor ${CURSORS_PER_SECOND}×/s; ${SECONDS} s measured after ${WARMUP_MS / 1000} s of warm-up, ${DRAIN_MS / 1000} s to drain. Atelier: our client's awareness (own entry only); reference: the stock client (echoes every entry, yjs #732). « of which server »: Atelier's own part (its /metrics, a client's update reaching it until written to every peer), as the upper bound of its histogram bucket; the rest is loopback and this one-core generator decoding for every participant in turn.`,
)
for (const n of NS) {
  const rows: Row[] = []
  if (SERVERS.includes('atelier')) rows.push(await measure(startAtelier, n))
  if (SERVERS.includes('two-nodes')) rows.push(await measure(startTwoNodes, n))
  if (SERVERS.includes('reference')) rows.push(await measure(startReference, n))
  const sample =
    n > receiversAt(n)
      ? ` — ${receiversAt(n)} of the ${n} decode and measure, the others are sinks (they send as much, their provider decodes nothing; the stock client's echo is then missing from the reference's load); moves/s, cursors/s and CPU per update are scaled to every peer`
      : ''
  console.log(`\n### N = ${n}${sample}\n\n${table(columns, rows)}`)
}
process.exit(0)
