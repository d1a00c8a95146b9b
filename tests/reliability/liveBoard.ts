/**
 * One workshop board on a real server process, and the stock clients a test
 * connects to it: what every reliability test starts from. The server may be
 * replaced (restart after a kill or a stop); `connect` always targets the
 * current one, and `close` ends everything the test opened.
 */
import { createWorkshop, join } from '../support/api'
import { type BoardClient, connectBoard } from '../support/boardClient'
import { type ServerProcess, type StartOptions, startServerProcess } from '../support/serverProcess'

export interface LiveBoard {
  server: ServerProcess
  workshopId: string
  /** A participant's session token (every client of the test shares it). */
  token: string
  clients: BoardClient[]
  /**
   * A stock provider on the board. BroadcastChannel off: in-process providers
   * would otherwise sync with each other directly, not through the server.
   */
  connect(): BoardClient
  /** Starts the server again on the same port and data directory. */
  restart(): Promise<number>
  close(): Promise<void>
}

// Each stock provider adds a process 'exit' listener; tens of them are expected here, not a leak.
process.setMaxListeners(64)

export async function startLiveBoard(opts: StartOptions = {}): Promise<LiveBoard> {
  const server = await startServerProcess(opts)
  const workshop = await createWorkshop(server.url, server.adminToken)
  const token = (await join(server.url, workshop, 'participant', 'Équipe')).token
  const board: LiveBoard = {
    server,
    workshopId: workshop.id,
    token,
    clients: [],
    connect() {
      const c = connectBoard(board.server.url, board.workshopId, { token, disableBc: true })
      board.clients.push(c)
      return c
    },
    async restart() {
      const started = Date.now()
      board.server = await board.server.restart()
      return Date.now() - started
    },
    async close() {
      for (const c of board.clients) c.destroy()
      board.clients = []
      await board.server.stop()
    },
  }
  return board
}
