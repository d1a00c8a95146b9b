/** A test size from the environment (the figure as default), so CI and a long local run share one file. */
export function envSize(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}=${raw}: a whole number is expected`)
  return n
}
