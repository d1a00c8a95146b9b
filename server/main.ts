/**
 * Atelier as a process: parse the environment, start, print where to go, and
 * stop gracefully on SIGTERM / SIGINT.
 */
import { loadConfig } from './config'
import { startServer } from './server'

const config = loadConfig()
const running = await startServer(config)
running.logger.info({ event: 'listening', url: running.url, port: running.port, dataDir: config.dataDir })
if (config.logLevel !== 'silent') {
  const tokenNote = running.adminToken.generated ? ' (new admin token, kept in the data directory)' : ''
  process.stderr.write(
    `\nAtelier is running. Admin page${tokenNote}:\n    ${running.url}/#token=${running.adminToken.clear}\n\n`,
  )
}

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1)
    stopping = true
    running.logger.info({ event: 'shutting_down', signal })
    const started = performance.now()
    running.close().then(
      () => {
        // Everything applied is on disk now (the group commit was flushed).
        running.logger.info({ event: 'stopped', ms: Math.round(performance.now() - started) })
        process.exit(0)
      },
      (error) => {
        running.logger.error({ event: 'stop_failed', error: String(error) })
        process.exit(1)
      },
    )
  })
}
