/**
 * A bench's time bound: a server or client that hangs must fail the run (and CI's
 * bench:ci) rather than hold it. The timer does not keep a finished run alive.
 */
export function exitAfter(ms: number, name: string): void {
  setTimeout(() => {
    console.error(`bench/${name}: not done in ${ms / 1000} s`)
    process.exit(1)
  }, ms).unref()
}
