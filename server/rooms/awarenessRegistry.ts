/**
 * The presence entries of a room, each owned by one connection.
 *
 * A connection owns the first client id it announces with a non-null state and
 * may only ever change that entry: entries for other ids are dropped. That
 * stops spoofing, and also absorbs the stock y-websocket client's habit of
 * sending every awareness update it receives back to the server (yjs #732).
 * Ids of connections that left stay reserved for their participant: a late echo
 * from someone else cannot claim them, while the same participant reconnecting
 * (the stock client keeps its id) gets its entry back.
 *
 * A state may only name its own participant: `user.id` and tldraw's
 * `presence.userId`, when present, must be the connection's participant id.
 * Clients decide whom to follow and who is online from these ids, so they must
 * not be forgeable. A state naming nobody (the stock client's initial `{}`)
 * is harmless and accepted.
 */
import type { AwarenessEntry } from './messages'

/** Whoever speaks for an entry: a connection, tied to a participant. */
export interface AwarenessOwner {
  readonly participantId: string
}

interface OwnedEntry extends AwarenessEntry {
  owner: AwarenessOwner
}

const MAX_RETIRED = 10_000

/**
 * `accepted`: entries to relay to the others. `reply`: entries to send back to the
 * sender only — the removal the others saw while it was away, so that its client
 * raises its clock above it and re-announces (y-protocols' own recovery rule);
 * otherwise the others would ignore it until its clock caught up.
 */
export type AwarenessResult =
  | { ok: true; accepted: AwarenessEntry[]; reply: AwarenessEntry[] }
  | { ok: false; reason: string }

export class AwarenessRegistry {
  private readonly entries = new Map<number, OwnedEntry>()
  private readonly owners = new Map<AwarenessOwner, number>()
  /** Ids of connections that left → the participant they belonged to, and the clock of their removal. */
  private readonly retired = new Map<number, { participantId: string; clock: number }>()

  constructor(private readonly maxStateBytes: number) {}

  get size(): number {
    return this.entries.size
  }

  apply(owner: AwarenessOwner, incoming: AwarenessEntry[]): AwarenessResult {
    const accepted: AwarenessEntry[] = []
    const reply: AwarenessEntry[] = []
    for (const entry of incoming) {
      let own = this.owners.get(owner)
      if (own === undefined && entry.json !== 'null' && this.claimable(entry.clientId, owner)) {
        own = entry.clientId
        this.owners.set(owner, own)
        const removal = this.retired.get(own)
        this.retired.delete(own)
        if (removal && removal.clock >= entry.clock) reply.push({ clientId: own, clock: removal.clock, json: 'null' })
      }
      if (entry.clientId !== own) continue
      if (entry.json.length > this.maxStateBytes) return { ok: false, reason: 'awareness state too large' }
      const current = this.entries.get(own)
      const newer =
        current === undefined || current.clock < entry.clock || (current.clock === entry.clock && entry.json === 'null')
      // An old state (the stock client's echo of its own entry) is dropped unread: parsing it would cost as much as a new one.
      if (!newer) continue
      if (entry.json !== 'null') {
        const state = parseObject(entry.json)
        if (!state) return { ok: false, reason: 'awareness state is not a JSON object' }
        if (!namesOnly(state, owner.participantId))
          return { ok: false, reason: 'awareness state names another participant' }
      }
      if (entry.json === 'null') this.entries.delete(own)
      else this.entries.set(own, { ...entry, owner })
      accepted.push(entry)
    }
    return { ok: true, accepted, reply }
  }

  /** Forgets a connection; returns the removal entries to tell the others. */
  remove(owner: AwarenessOwner): AwarenessEntry[] {
    const id = this.owners.get(owner)
    if (id === undefined) return []
    this.owners.delete(owner)
    const current = this.entries.get(id)
    const removalClock = (current?.clock ?? -1) + 1
    this.retire(id, owner.participantId, removalClock)
    if (!current) return []
    this.entries.delete(id)
    return [{ clientId: id, clock: removalClock, json: 'null' }]
  }

  /** Every live entry, for a newcomer or a query. */
  all(): AwarenessEntry[] {
    return [...this.entries.values()].map(({ clientId, clock, json }) => ({ clientId, clock, json }))
  }

  private claimable(clientId: number, owner: AwarenessOwner): boolean {
    if (this.entries.has(clientId)) return false
    const retired = this.retired.get(clientId)
    return retired === undefined || retired.participantId === owner.participantId
  }

  private retire(id: number, participantId: string, clock: number): void {
    this.retired.delete(id)
    this.retired.set(id, { participantId, clock })
    if (this.retired.size > MAX_RETIRED) {
      const oldest = this.retired.keys().next().value
      if (oldest !== undefined) this.retired.delete(oldest)
    }
  }
}

type JsonObject = Record<string, unknown>

function parseObject(text: string): JsonObject | null {
  try {
    const v: unknown = JSON.parse(text)
    return isObject(v) ? v : null
  } catch {
    return null
  }
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Whether every participant id the state carries (`user.id`, `presence.userId`) is `participantId`. */
function namesOnly(state: JsonObject, participantId: string): boolean {
  const claims = [
    isObject(state.user) ? state.user.id : undefined,
    isObject(state.presence) ? state.presence.userId : undefined,
  ]
  return claims.every((id) => id === undefined || id === participantId)
}
