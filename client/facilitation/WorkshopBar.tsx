/**
 * The bar under the board's top bar: the workshop's phases with the current
 * one marked, and the timer — what everyone in the room needs to see.
 */
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { PHASES } from '../../shared/control'
import { useWorkshop } from '../board/workshopContext'
import { ClusterSuggestions } from '../clustering/ClusterSuggestions'
import { VoteControls } from '../voting/VoteControls'
import { VoteStatus } from '../voting/VoteStatus'
import { Countdown } from './Countdown'
import './facilitation.css'

export function WorkshopBar(_props: { editor: Editor | null }) {
  const { t } = useTranslation()
  const { control } = useWorkshop()
  const state = control.state
  if (!state) return null
  return (
    <nav className="workshop-bar" aria-label={t('facilitation.phases')} data-testid="workshop-bar">
      <ol className="phase-steps">
        {PHASES.map((phase) => (
          <li
            key={phase}
            className={phase === state.phase ? 'is-current' : undefined}
            aria-current={phase === state.phase ? 'step' : undefined}
            data-testid={`phase-${phase}`}
          >
            {t(`facilitation.phase.${phase}`)}
          </li>
        ))}
      </ol>
      <Countdown timer={state.timer} clock={control.clock} />
      <VoteStatus />
      <VoteControls />
      <ClusterSuggestions editor={_props.editor} />
    </nav>
  )
}
