/**
 * Remembers every record key a client ever held, so a test can assert that a
 * refused record "never" reached it — not just that it is absent at the end.
 */
import type { BoardClient } from './boardClient'

export function keysEverSeen(client: BoardClient): Set<string> {
  const seen = new Set<string>(client.records.map.keys())
  client.records.on('change', (changes: Map<string, unknown>) => {
    for (const key of changes.keys()) seen.add(key)
  })
  return seen
}
