/**
 * The workshop rules the server owns (DESIGN §3): phases, timer, board lock,
 * private writing (privateWriting.ts) and dot-votes. Every decision is taken
 * in a store transaction, then published to the workshop's control
 * document, which clients read but never write.
 */
import { createHmac } from 'node:crypto'
import { boardDocName, controlDocName } from '../../shared/boardDoc'
import {
  CONTROL_MAP,
  type ControlState,
  type Phase,
  type SummonState,
  type VoteResults,
  type VoteRules,
  type VoteSessionState,
  type VoteTargetKind,
} from '../../shared/control'
import { itemIds, looseNotes } from '../../shared/model/boardItems'
import { readBoardRecords } from '../../shared/model/boardRecords'
import { richTextToPlain } from '../../shared/model/richText'
import type { Role } from '../../shared/roles'
import { newId, newSecret } from '../auth/secrets'
import { HttpError } from '../http/errors'
import type { Room } from '../rooms/room'
import type { RoomManager } from '../rooms/roomManager'
import type { Store, VoteOutcome } from '../storage/store'
import { settingsForTemplate } from '../workshops/templateSettings'
import { type Suggestion, suggestClusters } from './clustering/suggestClusters'
import { PrivateWriting } from './privateWriting'
import { participation, results } from './ranking'

export interface Caller {
  participantId: string
  role: Role
  college: string | null
}

export interface OpenVoteRequest extends VoteRules {
  targets: VoteTargetKind | string[]
}

const VOTE_ERRORS: Record<Exclude<VoteOutcome, { ok: true }>['reason'], HttpError> = {
  closed: new HttpError(409, 'vote_closed', 'Le vote est clos.'),
  budget_exhausted: new HttpError(409, 'budget_exhausted', 'Vous avez déjà placé tous vos points.'),
  item_cap_reached: new HttpError(409, 'item_cap_reached', 'Vous avez atteint le maximum de points sur cet élément.'),
  unknown_target: new HttpError(404, 'unknown_target', 'Cet élément ne fait pas partie du vote.'),
  no_vote: new HttpError(409, 'no_vote', "Vous n'avez pas de point sur cet élément."),
}

export interface FacilitationOptions {
  now?: () => number
  /** A background task failed (private writing's counts or reveal). */
  onBackgroundError?: (error: unknown, workshopId: string) => void
  /** Told after each change of a workshop's control state made here (the other nodes read it again: server/bus). */
  onChanged?: (workshopId: string) => void
}

export class FacilitationService {
  /** Board lock per workshop, cached for the synchronous write check of every board update. */
  private readonly locks = new Map<string, boolean>()
  /** Participants' drafts documents: access, counts, reveal. */
  readonly drafts: PrivateWriting
  private readonly now: () => number
  private readonly onChanged: (workshopId: string) => void

  constructor(
    private readonly store: Store,
    private readonly rooms: () => RoomManager,
    options: FacilitationOptions = {},
  ) {
    this.now = options.now ?? Date.now
    this.onChanged = options.onChanged ?? (() => {})
    this.drafts = new PrivateWriting({
      store,
      rooms,
      isActive: async (workshopId) => privateWritingActive(await store.getControl(workshopId)),
      publish: (workshopId) => this.publish(workshopId),
      onError: options.onBackgroundError ?? (() => {}),
    })
  }

  /** Loads what the synchronous checks need; called before a connection attaches. */
  async prepare(workshopId: string): Promise<void> {
    if (this.locks.has(workshopId)) return
    const control = await this.store.getControl(workshopId)
    this.locks.set(workshopId, control?.locked ?? false)
  }

  isLocked(workshopId: string): boolean {
    return this.locks.get(workshopId) ?? false
  }

  /**
   * Another node changed the workshop's control state: the lock is read again (the old
   * value holds meanwhile, never a default), the drafts counts dropped.
   */
  async refresh(workshopId: string): Promise<void> {
    this.drafts.forget(workshopId)
    if (!this.locks.has(workshopId)) return
    const control = await this.store.getControl(workshopId)
    this.locks.set(workshopId, control?.locked ?? false)
  }

  /** After an erasure: what is cached of the workshop is dropped, to be read again from the store. */
  forget(workshopId: string): void {
    this.locks.delete(workshopId)
    this.drafts.forget(workshopId)
  }

  async state(workshopId: string): Promise<ControlState> {
    const [control, workshop] = await Promise.all([
      this.store.getControl(workshopId),
      this.store.getWorkshop(workshopId),
    ])
    if (!control || !workshop) throw new HttpError(404, 'not_found', 'Atelier introuvable.')
    const session = await this.store.currentVoteSession(workshopId)
    let vote: VoteSessionState | null = null
    let part = null
    let visible: VoteResults | null = null
    if (session) {
      const { voterKey, ...publicSession } = session
      vote = publicSession
      const [pool, votes] = await Promise.all([this.store.listVoterPool(workshopId), this.store.allVotes(session.id)])
      part = participation(pool, votes)
      if (resultsVisible(session)) visible = results(session.id, session.targetIds, votes, session.anonymous, part)
    }
    return {
      phase: control.phase,
      locked: control.locked,
      timer: control.timer,
      settings: control.settings ?? settingsForTemplate(workshop.template),
      privateWriting: { active: privateWritingActive(control), ...(await this.drafts.summary(workshopId)) },
      summon: control.summon,
      vote,
      participation: part,
      results: visible,
    }
  }

  /** A change made here: written into the control document if loaded, and told to the other nodes. */
  async publish(workshopId: string): Promise<void> {
    await this.rewrite(workshopId)
    this.onChanged(workshopId)
  }

  /** Writes the current state into the control document, if that room is loaded (else it is written when it loads). */
  async rewrite(workshopId: string): Promise<void> {
    const room = this.rooms().loadedRoom(controlDocName(workshopId))
    if (room) await this.writeControl(room, workshopId)
  }

  /** Brings a control room's document up to the stored state: only changed keys are written. */
  async writeControl(room: Room, workshopId: string): Promise<void> {
    const state = await this.state(workshopId)
    room.serverChange((doc) => {
      const map = doc.getMap<unknown>(CONTROL_MAP)
      for (const [key, value] of Object.entries(state)) {
        if (!map.has(key) || JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value)
      }
    })
  }

  async setPhase(workshopId: string, phase: Phase): Promise<ControlState> {
    await this.revealOnLeavingWriting(workshopId, phase)
    await this.store.updateControl(workshopId, { phase })
    return this.changed(workshopId)
  }

  async setLocked(workshopId: string, locked: boolean): Promise<ControlState> {
    await this.store.updateControl(workshopId, { locked })
    this.locks.set(workshopId, locked)
    return this.changed(workshopId)
  }

  /** Starts a countdown (seconds > 0) or stops it (null). */
  async setTimer(workshopId: string, seconds: number | null): Promise<ControlState> {
    const timer = seconds === null ? null : { endsAt: this.now() + seconds * 1000, durationMs: seconds * 1000 }
    await this.store.updateControl(workshopId, { timer })
    return this.changed(workshopId)
  }

  /** « Tout le monde ici » : every other client moves its camera to the facilitator's viewport. */
  async summon(workshopId: string, bounds: SummonState['bounds'], by: string): Promise<ControlState> {
    await this.store.updateControl(workshopId, { summon: { bounds, at: this.now(), by } })
    return this.changed(workshopId)
  }

  /** Private writing on or off (only during écriture); turning it off reveals every private note. */
  async setPrivateWriting(workshopId: string, active: boolean): Promise<ControlState> {
    const control = await this.store.getControl(workshopId)
    if (!control) throw new HttpError(404, 'not_found', 'Atelier introuvable.')
    if (active && control.phase !== 'ecriture')
      throw new HttpError(409, 'not_writing_phase', "L'écriture privée n'est possible que pendant la phase d'écriture.")
    await this.store.updateControl(workshopId, { privateWriting: active })
    if (!active) await this.drafts.reveal(workshopId)
    return this.changed(workshopId)
  }

  /** « Révéler les notes » : every private note goes to the board; private writing stays as it is. */
  async revealDrafts(workshopId: string): Promise<{ revealed: number }> {
    const revealed = await this.drafts.reveal(workshopId)
    await this.publish(workshopId)
    return { revealed }
  }

  async openVote(workshopId: string, request: OpenVoteRequest): Promise<VoteSessionState> {
    await this.revealOnLeavingWriting(workshopId, 'vote')
    const targetIds = await this.resolveTargets(workshopId, request.targets)
    if (targetIds.length === 0)
      throw new HttpError(422, 'no_targets', "Il n'y a rien à voter : aucun élément de ce type sur le tableau.")
    const id = newId()
    const openedAt = this.now()
    await this.store.openVoteSession({
      id,
      workshopId,
      targets: Array.isArray(request.targets) ? 'ids' : request.targets,
      targetIds,
      votesPerPerson: request.votesPerPerson,
      maxPerItem: request.maxPerItem,
      hideResults: request.hideResults,
      anonymous: request.anonymous,
      openedAt,
      voterKey: request.anonymous ? newSecret(32) : null,
    })
    await this.store.updateControl(workshopId, { phase: 'vote' })
    await this.changed(workshopId)
    return (await this.session(workshopId, id)).public
  }

  async vote(workshopId: string, sessionId: string, caller: Caller, targetId: string): Promise<{ remaining: number }> {
    const { session } = await this.session(workshopId, sessionId)
    const outcome = await this.store.castVote(
      sessionId,
      voterId(session.voterKey, caller.participantId),
      targetId,
      caller.college,
      this.now(),
    )
    if (!outcome.ok) throw VOTE_ERRORS[outcome.reason]
    await this.publish(workshopId)
    return { remaining: outcome.remaining }
  }

  async retract(
    workshopId: string,
    sessionId: string,
    caller: Caller,
    targetId: string,
  ): Promise<{ remaining: number }> {
    const { session } = await this.session(workshopId, sessionId)
    const outcome = await this.store.retractVote(sessionId, voterId(session.voterKey, caller.participantId), targetId)
    if (!outcome.ok) throw VOTE_ERRORS[outcome.reason]
    await this.publish(workshopId)
    return { remaining: outcome.remaining }
  }

  /** The caller's own dots (target ids, one entry per dot) and what is left of the budget. */
  async mine(workshopId: string, sessionId: string, caller: Caller): Promise<{ votes: string[]; remaining: number }> {
    const { session } = await this.session(workshopId, sessionId)
    // After an anonymous session closes its voter key is gone: nobody, not even the voter, can be linked to dots.
    if (session.anonymous && session.voterKey === null) return { votes: [], remaining: 0 }
    const votes = await this.store.votesOf(sessionId, voterId(session.voterKey, caller.participantId))
    return { votes, remaining: Math.max(0, session.votesPerPerson - votes.length) }
  }

  async close(workshopId: string, sessionId: string): Promise<VoteResults> {
    await this.session(workshopId, sessionId)
    if (!(await this.store.closeVoteSession(sessionId, this.now()))) throw VOTE_ERRORS.closed
    await this.changed(workshopId)
    return this.results(workshopId, sessionId)
  }

  /** Results, once the rules allow them to be seen (403 while open with hidden results). */
  async results(workshopId: string, sessionId: string): Promise<VoteResults> {
    const { session } = await this.session(workshopId, sessionId)
    if (!resultsVisible(session))
      throw new HttpError(403, 'results_hidden', 'Les résultats seront visibles à la clôture du vote.')
    const [pool, votes] = await Promise.all([this.store.listVoterPool(workshopId), this.store.allVotes(sessionId)])
    const part = participation(pool, votes)
    return results(sessionId, session.targetIds, votes, session.anonymous, part)
  }

  /**
   * The latest vote session whose results may be seen, with its results — what
   * a roadmap snapshot carries — or null. A session open with hidden results is
   * passed over: its tally never leaves the server before close.
   */
  async latestVisibleVote(workshopId: string): Promise<{ session: VoteSessionState; results: VoteResults } | null> {
    const sessions = await this.store.listVoteSessions(workshopId)
    const latest = sessions.reverse().find(resultsVisible)
    if (!latest) return null
    const { voterKey, ...session } = latest
    return { session, results: await this.results(workshopId, session.id) }
  }

  /**
   * « Suggérer des regroupements »: clusters of the notes not yet in a frame, by
   * French text similarity. A proposal only: the facilitator previews it, and
   * applying it is an ordinary (undoable) board edit made by their client.
   */
  async suggestClusters(workshopId: string): Promise<Suggestion> {
    const board = await this.rooms().open(boardDocName(workshopId))
    const notes = looseNotes(readBoardRecords(board.doc)).map((n) => ({
      id: n.id,
      text: richTextToPlain(n.props.richText),
    }))
    try {
      return suggestClusters(notes)
    } catch (e) {
      if (e instanceof RangeError)
        throw new HttpError(422, 'too_many_notes', 'Trop de notes pour proposer des regroupements.')
      throw e
    }
  }

  private async session(workshopId: string, sessionId: string) {
    const session = await this.store.getVoteSession(workshopId, sessionId)
    if (!session) throw new HttpError(404, 'not_found', 'Session de vote introuvable.')
    const { voterKey, ...rest } = session
    return { session, public: rest as VoteSessionState, voterKey }
  }

  /** Leaving écriture ends private writing and reveals what is left, before the next phase starts. */
  private async revealOnLeavingWriting(workshopId: string, next: Phase): Promise<void> {
    const control = await this.store.getControl(workshopId)
    if (control?.phase !== 'ecriture' || next === 'ecriture') return
    if (control.privateWriting) await this.store.updateControl(workshopId, { privateWriting: false })
    await this.drafts.reveal(workshopId)
  }

  private async changed(workshopId: string): Promise<ControlState> {
    await this.publish(workshopId)
    return this.state(workshopId)
  }

  /** The ids a vote is about: all items of a kind on the board now, or explicit ids that must exist there. */
  private async resolveTargets(workshopId: string, targets: VoteTargetKind | string[]): Promise<string[]> {
    const board = await this.rooms().open(boardDocName(workshopId))
    const records = readBoardRecords(board.doc)
    if (!Array.isArray(targets)) return itemIds(records, targets)
    const present = new Set(records.map((r) => (r as { id?: string }).id))
    const unknown = targets.filter((id) => !present.has(id))
    if (unknown.length > 0)
      throw new HttpError(400, 'unknown_target', 'Certains éléments du vote ne sont pas sur le tableau.', { unknown })
    return [...new Set(targets)]
  }
}

/** Who a dot belongs to: the participant, or a keyed hash of them in anonymous sessions. */
function voterId(voterKey: string | null, participantId: string): string {
  return voterKey ? createHmac('sha256', voterKey).update(participantId).digest('base64url') : participantId
}

/** Private writing is only ever on during écriture. */
function privateWritingActive(control: { phase: Phase; privateWriting: boolean } | null): boolean {
  return control?.privateWriting === true && control.phase === 'ecriture'
}

function resultsVisible(session: { status: string; hideResults: boolean }): boolean {
  return session.status === 'closed' || !session.hideResults
}
