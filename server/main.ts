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
  // The token in clear only the once it is made: a process manager keeping stderr (journald)
  // would otherwise hold the admin token again after every restart.
  const where = running.adminToken.generated
    ? `Admin page (new admin token, kept in the data directory):\n    ${running.url}/#token=${running.adminToken.clear}`
    : `Admin page: ${running.url}/#token=<admin token> (${config.adminToken ? 'ATELIER_ADMIN_TOKEN' : `${config.dataDir}/admin-token`})`
  process.stderr.write(`\nAtelier is running. ${where}\n\n`)
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
