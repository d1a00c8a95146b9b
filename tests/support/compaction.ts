/**
 * A board written until the server compacts its log (ATELIER_COMPACT_AFTER set low by
 * the test): the template's records, then 200 moves of one note, `shape:moved`, which
 * ends at x = 199.
 */
import type { TLRecord } from '@tldraw/tlschema'
import { type BoardClient, connectBoard, eventually } from './boardClient'
import { documentRecords, noteRecord } from './records'
import type { ServerProcess } from './serverProcess'

/** The server's JSON log lines of one event. */
export const logEvents = (server: ServerProcess, name: string) =>
  server.logs.map((l) => JSON.parse(l) as { event: string; room?: string }).filter((e) => e.event === name)

/** Writes the board through a stock client and resolves once its room was compacted; the client stays open. */
export async function writeUntilCompacted(
  server: ServerProcess,
  workshopId: string,
  token: string,
): Promise<BoardClient> {
  const client = connectBoard(server.url, workshopId, { token })
  try {
    await client.synced()
    client.doc.transact(() => {
      for (const r of documentRecords()) client.put(r)
    })
    for (let i = 0; i < 200; i++) client.put(noteRecord('moved', 'Note', i, i) as TLRecord)
    const room = `${workshopId}/board`
    await eventually(() => logEvents(server, 'room_compacted').some((e) => e.room === room), 10_000, 'a compaction')
    return client
  } catch (error) {
    client.destroy()
    throw error
  }
}
