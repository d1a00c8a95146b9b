/**
 * A real Redis for tests, from Debian's redis-server: in memory only (no RDB, no AOF),
 * on 127.0.0.1 and a free port. `stop()` kills it (as a crash or a restart would) and
 * `start()` brings it back, empty, on the same port — what a node sees of a Redis restart.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'

export interface LocalRedis {
  url: string
  port: number
  start(): Promise<void>
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
    s.once('error', reject)
  })
}

export async function startRedis(): Promise<LocalRedis> {
  const port = await freePort()
  let child: ChildProcess | null = null
  const redis: LocalRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      const c = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      )
      child = c
      let out = ''
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`redis-server did not start in 10 s\n${out}`)), 10_000)
        c.stdout?.on('data', (d) => {
          out += String(d)
          if (out.includes('Ready to accept connections')) {
            clearTimeout(timer)
            resolve()
          }
        })
        c.once('exit', (code) => {
          clearTimeout(timer)
          reject(new Error(`redis-server exited with ${code}\n${out}`))
        })
      })
      // Dies with this process however it ends.
      process.once('exit', () => c.kill('SIGKILL'))
    },
    async stop() {
      const c = child
      child = null
      if (!c || c.exitCode !== null) return
      const exited = new Promise((r) => c.once('exit', r))
      c.kill('SIGKILL')
      await exited
    },
  }
  await redis.start()
  return redis
}
