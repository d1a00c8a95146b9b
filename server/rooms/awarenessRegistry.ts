/**
 * The presence entries of a room, each owned by one connection.
 *
 * A connection owns the first client id it announces with a non-null state and
 * may only ever change that entry: entries for other ids are dropped. That
 * stops spoofing, and also absorbs the stock y-websocket client's habit of
 * sending every awareness update it receives back to the server (yjs #732).
 * Ids of connections that left are retired so a late echo cannot claim them.
 */
import type { AwarenessEntry } from './messages'

interface OwnedEntry extends AwarenessEntry {
  owner: object
}

const MAX_RETIRED = 10_000

export type AwarenessResult = { ok: true; accepted: AwarenessEntry[] } | { ok: false; reason: string }

export class AwarenessRegistry {
  private readonly entries = new Map<number, OwnedEntry>()
  private readonly owners = new Map<object, number>()
  private readonly retired = new Set<number>()

  constructor(private readonly maxStateBytes: number) {}

  get size(): number {
    return this.entries.size
  }

  apply(owner: object, incoming: AwarenessEntry[]): AwarenessResult {
    const accepted: AwarenessEntry[] = []
    for (const entry of incoming) {
      let own = this.owners.get(owner)
      if (own === undefined && entry.json !== 'null' && this.claimable(entry.clientId)) {
        own = entry.clientId
        this.owners.set(owner, own)
      }
      if (entry.clientId !== own) continue
      if (entry.json.length > this.maxStateBytes) return { ok: false, reason: 'awareness state too large' }
      if (entry.json !== 'null' && !isJsonObject(entry.json))
        return { ok: false, reason: 'awareness state is not a JSON object' }
      const current = this.entries.get(own)
      const newer =
        current === undefined || current.clock < entry.clock || (current.clock === entry.clock && entry.json === 'null')
      if (!newer) continue
      if (entry.json === 'null') this.entries.delete(own)
      else this.entries.set(own, { ...entry, owner })
      accepted.push(entry)
    }
    return { ok: true, accepted }
  }

  /** Forgets a connection; returns the removal entries to tell the others. */
  remove(owner: object): AwarenessEntry[] {
    const id = this.owners.get(owner)
    if (id === undefined) return []
    this.owners.delete(owner)
    this.retire(id)
    const current = this.entries.get(id)
    if (!current) return []
    this.entries.delete(id)
    return [{ clientId: id, clock: current.clock + 1, json: 'null' }]
  }

  /** Every live entry, for a newcomer or a query. */
  all(): AwarenessEntry[] {
    return [...this.entries.values()].map(({ clientId, clock, json }) => ({ clientId, clock, json }))
  }

  private claimable(clientId: number): boolean {
    return !this.entries.has(clientId) && !this.retired.has(clientId)
  }

  private retire(id: number): void {
    this.retired.add(id)
    if (this.retired.size > MAX_RETIRED) {
      const oldest = this.retired.values().next().value
      if (oldest !== undefined) this.retired.delete(oldest)
    }
  }
}

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text)
    return typeof v === 'object' && v !== null && !Array.isArray(v)
  } catch {
    return false
  }
}
