/**
 * « Tout le monde ici » : the facilitator sends their viewport to the server,
 * which publishes it in the control document (`summon`); every other screen
 * then moves its camera there — but only for a summon made after it loaded,
 * so that someone joining late is not yanked to an old one.
 */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import type { SummonState } from '../../shared/control'
import { useWorkshop } from '../board/workshopContext'
import type { ApiAction } from './useApiAction'

const MOVE_MS = 400

export function SummonButton({ editor, action }: { editor: Editor | null; action: ApiAction }) {
  const { t } = useTranslation()
  const { api } = useWorkshop()
  const summon = () => {
    if (!editor) return
    const { x, y, w, h } = editor.getViewportPageBounds()
    void action.run(() => api.summon({ x, y, w, h }))
  }
  return (
    <button
      type="button"
      className="bar-button"
      disabled={!editor}
      onClick={summon}
      title={t('facilitation.summon.help')}
      data-testid="summon"
    >
      {t('facilitation.summon.button')}
    </button>
  )
}

/**
 * Moves this screen to each new summon of someone else. Returns when the last
 * one arrived (for the notice), or null. `summon` is undefined until the
 * control document is loaded: the summon found then is history, not news.
 */
export function useSummonArrival(editor: Editor | null, summon: SummonState | null | undefined, me: string) {
  const seen = useRef<number | null | undefined>(undefined)
  const [arrivedAt, setArrivedAt] = useState<number | null>(null)
  const at = summon === undefined ? undefined : (summon?.at ?? null)
  useEffect(() => {
    if (at === undefined) return
    if (seen.current === undefined || seen.current === at) {
      seen.current = at
      return
    }
    seen.current = at
    if (!summon || summon.by === me || !editor) return
    // Following the one who summons already shows their view; following someone else must stop, or it would pull us back.
    if (editor.getInstanceState().followingUserId !== summon.by) {
      editor.stopFollowingUser()
      editor.zoomToBounds(summon.bounds, { inset: 0, animation: { duration: MOVE_MS } })
    }
    setArrivedAt(at)
  }, [at, summon, me, editor])
  return arrivedAt
}
