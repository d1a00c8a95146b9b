/**
 * Reads the server's GET /metrics (admin token) as Prometheus would: one value
 * per series, keyed by its name and labels as written (`atelier_updates_total`,
 * `atelier_messages_refused_total{reason="invalid"}`).
 */
import assert from 'node:assert/strict'

export type Scrape = Map<string, number>

export async function scrapeMetrics(server: { url: string; adminToken: string }): Promise<Scrape> {
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${server.adminToken}` } })
  assert.equal(res.status, 200, 'GET /metrics with the admin token')
  const series: Scrape = new Map()
  for (const line of (await res.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const space = line.lastIndexOf(' ')
    series.set(line.slice(0, space), Number(line.slice(space + 1)))
  }
  return series
}

/** A series' value; fails when the server does not publish it. */
export function value(scrape: Scrape, key: string): number {
  const v = scrape.get(key)
  assert.ok(v !== undefined, `metric ${key} is published`)
  return v
}
