/**
 * The strip that stays at the top of the list view while it scrolls: the
 * phase, the timer everyone sees, the board lock, private writing, and the
 * connection (« Hors ligne » and reconnection included).
 */
import { useTranslation } from 'react-i18next'
import { ConnectionBadge } from '../board/BoardTopBar'
import { useWorkshop } from '../board/workshopContext'
import { Countdown } from '../facilitation/Countdown'
import { LockControl } from '../facilitation/LockControl'
import { PrivateWritingControls } from '../facilitation/PrivateWritingControls'
import type { ConnectionState } from '../sync/connectionState'

export function ListStatus({ connection }: { connection: ConnectionState }) {
  const { t } = useTranslation()
  const { control } = useWorkshop()
  const state = control.state
  return (
    <section className="list-status" aria-label={t('list.status')} data-testid="list-status">
      {state && (
        <>
          <span className="list-status__phase" data-testid="list-phase" data-phase={state.phase}>
            {t('list.phase', { phase: t(`facilitation.phase.${state.phase}`) })}
          </span>
          <Countdown timer={state.timer} clock={control.clock} />
          <LockControl locked={state.locked} action={null} />
          <PrivateWritingControls action={null} />
        </>
      )}
      <ConnectionBadge state={connection} />
    </section>
  )
}
