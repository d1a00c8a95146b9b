/**
 * Structured logs: one JSON line per event on stdout. Callers pass ids, never
 * names, link secrets or tokens.
 */
export type Level = 'debug' | 'info' | 'warn' | 'error'
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

export type LogFields = Record<string, unknown> & { event: string }

export interface Logger {
  debug(fields: LogFields): void
  info(fields: LogFields): void
  warn(fields: LogFields): void
  error(fields: LogFields): void
}

export function createLogger(
  level: Level | 'silent',
  write: (line: string) => void = (l) => process.stdout.write(l),
): Logger {
  const at = (l: Level) => (fields: LogFields) => {
    if (ORDER[l] < ORDER[level]) return
    write(`${JSON.stringify({ time: new Date().toISOString(), level: l, ...fields })}\n`)
  }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}
