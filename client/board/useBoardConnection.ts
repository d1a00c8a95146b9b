/** The board connection of a workshop, rebuilt from the server's state after a refused write (useRebuildingConnection). */
import { boardDocName } from '../../shared/boardDoc'
import { type BoardConnection, createBoardConnection } from '../sync/boardConnection'
import { useRebuildingConnection } from '../sync/useRebuildingConnection'

export function useBoardConnection(workshopId: string): BoardConnection | null {
  return useRebuildingConnection(boardDocName(workshopId), () => createBoardConnection(workshopId))
}
