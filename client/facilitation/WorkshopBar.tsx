/**
 * The bar under the board's top bar: the workshop's phases with the current
 * one marked, the timer and the board lock — what everyone in the room needs
 * to see — and the facilitation tools: the facilitator steers phases, timer,
 * lock and « Tout le monde ici »; the others may follow the facilitator; all
 * can see who is here. Each feature is one element of the bar (it wraps on
 * small screens).
 */
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { SynthesisToggle } from '../board/synthesis/SynthesisToggle'
import { useWorkshop } from '../board/workshopContext'
import { ClusterSuggestions } from '../clustering/ClusterSuggestions'
import type { BoardConnection } from '../sync/boardConnection'
import { VoteControls } from '../voting/VoteControls'
import { VoteStatus } from '../voting/VoteStatus'
import { ActionError } from './ActionError'
import { BarNotice } from './BarNotice'
import { Countdown } from './Countdown'
import { FollowButton } from './FollowButton'
import { LockControl } from './LockControl'
import { ParticipantsPanel } from './ParticipantsPanel'
import { PhaseSteps } from './PhaseSteps'
import { PrivateWritingControls } from './PrivateWritingControls'
import { SaveToRoadmap } from './SaveToRoadmap'
import { SummonButton, useSummonArrival } from './summon'
import { TimerControls } from './TimerControls'
import { useApiAction } from './useApiAction'
import { useLockedWriteRecovery } from './useLockedWriteRecovery'
import { useOnlineIds } from './useOnlineIds'
import { useParticipants } from './useParticipants'
import './facilitation.css'

export interface WorkshopBarProps {
  editor: Editor | null
  /** The board's connection: its presence says who is here. */
  connection: BoardConnection | null
}

export function WorkshopBar({ editor, connection }: WorkshopBarProps) {
  const { t } = useTranslation()
  const { control, session } = useWorkshop()
  const state = control.state
  const facilitator = session.role === 'facilitator'
  const action = useApiAction()
  const online = useOnlineIds(connection?.provider.awareness ?? null)
  const participants = useParticipants(session.workshop.id, online)
  const summonedAt = useSummonArrival(editor, state === null ? undefined : state.summon, session.participantId)
  const refusedAt = useLockedWriteRecovery(connection, editor)
  if (!state) return null
  return (
    <>
      <section
        className="workshop-bar"
        aria-label={t('facilitation.bar')}
        aria-busy={action.busy}
        data-testid="workshop-bar"
      >
        <PhaseSteps current={state.phase} action={facilitator ? action : null} />
        <Countdown timer={state.timer} clock={control.clock} />
        {facilitator && (
          <TimerControls phase={state.phase} timer={state.timer} settings={state.settings} action={action} />
        )}
        <LockControl locked={state.locked} action={facilitator ? action : null} />
        <PrivateWritingControls action={facilitator ? action : null} />
        {facilitator ? (
          <SummonButton editor={editor} action={action} />
        ) : (
          <FollowButton editor={editor} participants={participants.list} preferred={state.summon?.by ?? null} />
        )}
        <VoteStatus />
        <VoteControls />
        <SaveToRoadmap />
        <ClusterSuggestions editor={editor} />
        <SynthesisToggle editor={editor} />
        <ParticipantsPanel
          participants={participants}
          online={online}
          removableBy={facilitator ? session.participantId : null}
        />
        <ActionError action={action} />
      </section>
      <BarNotice at={summonedAt} text={t('facilitation.summon.arrived')} testId="summon-notice" />
      <BarNotice at={refusedAt} text={t('facilitation.lock.writeRefused')} testId="locked-write-notice" />
    </>
  )
}
