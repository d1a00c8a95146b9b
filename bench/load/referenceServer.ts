/**
 * The reference Yjs server, `@y/websocket-server` 0.1.1 as published (its own
 * bin, no persistence, no auth), as a child process on loopback.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import net from 'node:net'

export interface ReferenceServer {
  port: number
  child: ChildProcess
  stop(): Promise<void>
}

/** A port free right now on loopback (the reference's bin cannot be told to pick one and say which). */
async function freePort(): Promise<number> {
  const probe = net.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as net.AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

export async function startReferenceServer(): Promise<ReferenceServer> {
  const bin = createRequire(import.meta.url)
    .resolve('@y/websocket-server/package.json')
    .replace(/package\.json$/, 'src/server.js')
  const port = await freePort()
  const child = spawn(process.execPath, [bin], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`reference server did not start in 10 s\n${output}`)), 10_000)
    const onData = (d: Buffer) => {
      output += String(d)
      if (output.includes('running at')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`reference server exited with ${code}\n${output}`))
    })
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    port,
    child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
