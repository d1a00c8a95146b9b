/**
 * Opens the board connection for a workshop and closes it when the board is
 * left. Created in an effect (not during render) so React's double-invoked
 * effects in development never leave a stray socket open.
 */
import { useEffect, useState } from 'react'
import { type BoardConnection, createBoardConnection } from '../sync/boardConnection'

export function useBoardConnection(workshopId: string): BoardConnection | null {
  const [connection, setConnection] = useState<BoardConnection | null>(null)
  useEffect(() => {
    const created = createBoardConnection(workshopId)
    setConnection(created)
    return () => {
      created.destroy()
      setConnection(null)
    }
  }, [workshopId])
  return connection
}
