/**
 * Who may write which document of a workshop, decided on every update:
 * the control document is the server's alone; observers never write the board;
 * while the board is locked only facilitators do.
 */
import type { DocKind } from '../../shared/boardDoc'
import { CloseCodes, type CloseReason } from '../../shared/protocol'
import { canWriteBoard, type Role } from '../../shared/roles'

export function writeRefusal(role: Role, kind: DocKind, boardLocked: boolean): CloseReason | null {
  if (kind === 'control' || !canWriteBoard(role)) return CloseCodes.readOnly
  if (boardLocked && role !== 'facilitator') return CloseCodes.boardLocked
  return null
}

/** `<workshopId>/<kind>` → its parts. */
export function parseDocName(name: string): { workshopId: string; kind: DocKind } {
  const slash = name.indexOf('/')
  return { workshopId: name.slice(0, slash), kind: name.slice(slash + 1) as DocKind }
}
