/**
 * Who may open and who may write which document of a workshop:
 * - the control document is the server's alone; observers never write;
 * - a drafts document (private writing) is opened by its author, who writes
 *   it, and by facilitators, who only read it; nobody else even opens it;
 * - while the board is locked only facilitators write (drafts included).
 * Opening is decided at the upgrade, writing on every update.
 */
import type { DocTarget } from '../../shared/boardDoc'
import { CloseCodes, type CloseReason } from '../../shared/protocol'
import { canWriteBoard, type Role, writesLockedBoard } from '../../shared/roles'

export interface Who {
  role: Role
  participantId: string
}

export function writeRefusal(who: Who, target: DocTarget, boardLocked: boolean): CloseReason | null {
  if (target.kind === 'control' || !canWriteBoard(who.role)) return CloseCodes.readOnly
  if (target.kind === 'drafts' && who.participantId !== target.owner) return CloseCodes.readOnly
  if (boardLocked && !writesLockedBoard(who.role)) return CloseCodes.boardLocked
  return null
}

/** Whether `who` may open the document at all (HTTP 403 before the WebSocket opens). */
export function mayOpen(who: Who, target: DocTarget): boolean {
  if (target.kind !== 'drafts') return true
  return who.role === 'facilitator' || (who.role === 'participant' && who.participantId === target.owner)
}
