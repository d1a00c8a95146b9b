/**
 * Presence (cursors, names, selections) through Yjs awareness, as in tldraw's
 * official Yjs example:
 *
 * - our state is `{ user: { id, name, color }, presence: TLInstancePresence }`,
 *   the presence record derived from the store by tldraw's
 *   `createPresenceStateDerivation`, published at most every PUBLISH_MS and kept
 *   under the server's size limit (presenceBudget.ts);
 * - every other client's state becomes an `instance_presence` record in our
 *   store (through mergeRemoteChanges, so it is never undoable nor written to
 *   the document), which is what makes tldraw draw their cursors with names.
 *
 * A remote presence record is keyed by its awareness client id (one cursor per
 * tab), whatever id it claims, and validated like any remote record. Its
 * `lastActivityTimestamp` is replaced by *our* clock at the moment it changed:
 * tldraw hides cursors idle for a minute, and a laptop whose clock is a minute
 * off would otherwise never show its cursor.
 */
import {
  createPresenceStateDerivation,
  InstancePresenceRecordType,
  react,
  type Signal,
  type TLInstancePresence,
  type TLPresenceUserInfo,
  type TLRecord,
  type TLStore,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { fitPresence } from './presenceBudget'
import type { RejectionLog } from './recordGate'

const PUBLISH_MS = 50

/** What each client publishes in awareness. */
export interface AwarenessState {
  user?: { id?: unknown; name?: unknown; color?: unknown }
  presence?: unknown
}

export const presenceIdFor = (clientId: number) => InstancePresenceRecordType.createId(String(clientId))

/** Turns another client's awareness state into a presence record we can store, or null. */
export function remotePresence(
  store: TLStore,
  clientId: number,
  state: AwarenessState | undefined,
): TLInstancePresence | null {
  const presence = state?.presence
  if (typeof presence !== 'object' || presence === null) return null
  const user = state?.user ?? {}
  const record = {
    ...(presence as TLInstancePresence),
    id: presenceIdFor(clientId),
    typeName: 'instance_presence',
    // The user block is what our own clients publish; prefer it for the label.
    ...(typeof user.name === 'string' ? { userName: user.name } : {}),
    ...(typeof user.color === 'string' ? { color: user.color } : {}),
  } as TLInstancePresence
  try {
    store.schema.types.instance_presence.validate(record)
    return record
  } catch {
    return null
  }
}

export interface PresenceOptions {
  store: TLStore
  awareness: Awareness
  user: Signal<TLPresenceUserInfo>
  log: RejectionLog
}

export function bindPresence({ store, awareness, user, log }: PresenceOptions): () => void {
  const ownId = awareness.clientID
  const ownPresenceId = presenceIdFor(ownId)
  const $presence = createPresenceStateDerivation(user, ownPresenceId)(store)

  // ---- ours → awareness (throttled: cursor moves fire every frame)
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastPublished = 0
  const publish = () => {
    timer = null
    lastPublished = Date.now()
    const { id, name, color } = user.get()
    const info = { id, name, color }
    const presence = $presence.get()
    awareness.setLocalState({ user: info, presence: presence ? fitPresence(presence, undefined, info) : null })
  }
  publish()
  const stopReacting = react('atelier presence → awareness', () => {
    $presence.get() // subscribe
    if (timer !== null) return
    const wait = Math.max(0, PUBLISH_MS - (Date.now() - lastPublished))
    timer = setTimeout(publish, wait)
  })

  // ---- others' awareness → presence records
  const activity = new Map<number, { remote: number; local: number }>()
  const localActivity = (clientId: number, remote: number) => {
    const seen = activity.get(clientId)
    if (seen && seen.remote === remote) return seen.local
    const local = Date.now()
    activity.set(clientId, { remote, local })
    return local
  }
  const sync = (clientIds: number[], removed: number[]) => {
    const states = awareness.getStates() as Map<number, AwarenessState>
    const toPut: TLInstancePresence[] = []
    const toRemove = new Set<TLRecord['id']>()
    for (const clientId of clientIds) {
      if (clientId === ownId) continue
      const record = remotePresence(store, clientId, states.get(clientId))
      if (record)
        toPut.push({ ...record, lastActivityTimestamp: localActivity(clientId, record.lastActivityTimestamp ?? 0) })
      else {
        if (states.get(clientId)?.presence) log.report('remote', `presence:${clientId}`, 'invalid presence', null)
        toRemove.add(presenceIdFor(clientId))
      }
    }
    for (const clientId of removed) {
      if (clientId === ownId) continue
      toRemove.add(presenceIdFor(clientId))
      activity.delete(clientId)
    }
    const remove = [...toRemove].filter((id) => store.has(id))
    if (toPut.length === 0 && remove.length === 0) return
    store.mergeRemoteChanges(() => {
      if (remove.length > 0) store.remove(remove)
      if (toPut.length > 0) store.put(toPut)
    })
  }
  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) =>
    sync([...added, ...updated], removed)
  awareness.on('change', onChange)
  // States that arrived before we were bound (the server sends them on join).
  sync([...awareness.getStates().keys()], [])

  return () => {
    stopReacting()
    if (timer !== null) clearTimeout(timer)
    awareness.off('change', onChange)
    const stale = store.query
      .records('instance_presence')
      .get()
      .map((r) => r.id)
    if (stale.length > 0) store.mergeRemoteChanges(() => store.remove(stale))
  }
}
