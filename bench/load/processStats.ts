/**
 * What a process cost, read from /proc: CPU time (utime + stime) and peak
 * resident memory (VmHWM). Linux only, like the bench.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100

/** CPU seconds the process has used so far (user + system, all its threads). */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces) in parentheses: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

/** Peak resident set size of the process since it started, in MiB. */
export function peakRssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

/**
 * Pins a process and all its threads to one core, so that the server and the
 * load generator never share one (threads started later inherit it).
 */
export function pinToCore(pid: number, core: number): void {
  execFileSync('taskset', ['-a', '-pc', String(core), String(pid)], { stdio: 'ignore' })
}

/** The 1-minute load average, to print beside each figure (others may be running tests). */
export function loadAverage(): string {
  return (os.loadavg()[0] as number).toFixed(2)
}
