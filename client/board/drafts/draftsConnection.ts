/**
 * A connection to one participant's drafts document (private writing), with
 * the stock y-websocket provider on `/sync/<workshopId>/drafts/<participantId>`:
 * read-write for its author, read-only for a facilitator (the server refuses
 * anyone else at the upgrade). Nobody is "present" in a drafts document:
 * presence stays on the board connection.
 */
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { draftsDocName } from '../../../shared/boardDoc'
import { type BoardConnection, syncBaseUrl } from '../../sync/boardConnection'
import { shouldReconnect } from '../../sync/closeCodes'

export function createDraftsConnection(workshopId: string, participantId: string): BoardConnection {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(syncBaseUrl(), draftsDocName(workshopId, participantId), doc, {
    disableBc: true,
    maxBackoffTime: 5000,
    shouldReconnect,
  })
  provider.awareness.setLocalState(null)
  return {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}
