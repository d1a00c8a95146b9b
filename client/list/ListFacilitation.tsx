/**
 * The facilitator's tools in the list view — the workshop bar's own
 * components: phases, timer, lock, private writing, and the vote (opened
 * with its dialog, closed). What needs the canvas (« Tout le monde ici »,
 * suggested groups) stays on the canvas.
 */
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useWorkshop } from '../board/workshopContext'
import { ActionError } from '../facilitation/ActionError'
import { LockControl } from '../facilitation/LockControl'
import { PhaseSteps } from '../facilitation/PhaseSteps'
import { PrivateWritingControls } from '../facilitation/PrivateWritingControls'
import { TimerControls } from '../facilitation/TimerControls'
import { useApiAction } from '../facilitation/useApiAction'
import { VoteControls } from '../voting/VoteControls'
import '../facilitation/facilitation.css'

export function ListFacilitation() {
  const { t } = useTranslation()
  const { control } = useWorkshop()
  const action = useApiAction()
  const headingId = useId()
  const state = control.state
  if (!state) return null
  return (
    <section
      className="list-facilitation"
      aria-labelledby={headingId}
      aria-busy={action.busy}
      data-testid="list-facilitation"
    >
      <h2 id={headingId}>{t('list.facilitation')}</h2>
      <PhaseSteps current={state.phase} action={action} />
      <div className="list-facilitation__tools">
        <TimerControls phase={state.phase} timer={state.timer} settings={state.settings} action={action} />
        <LockControl locked={state.locked} action={action} />
        <PrivateWritingControls action={action} />
        <VoteControls />
      </div>
      <ActionError action={action} />
    </section>
  )
}
