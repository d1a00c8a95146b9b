/**
 * « Synthèse » in the workshop bar: the board's live counts (« 3 enjeux ·
 * 12 notes dont 2 à classer · 1 au parking · 2 chantiers ») on a button that
 * opens or closes the Synthèse panel. Everyone has it, observers included.
 */
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { useBoardModel } from '../useBoardModel'
import { boardCounts, countsText } from './boardCounts'
import { SYNTHESIS_PANEL_ID, SYNTHESIS_TOGGLE_ID, useSynthesisDrawer } from './useSynthesisDrawer'
import './synthesis.css'

export function SynthesisToggle({ editor }: { editor: Editor | null }) {
  if (!editor) return null
  return <Toggle editor={editor} />
}

function Toggle({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const model = useBoardModel(editor)
  const { open, setOpen } = useSynthesisDrawer()
  const counts = boardCounts(model)
  return (
    <button
      type="button"
      id={SYNTHESIS_TOGGLE_ID}
      className="bar-button synthesis-toggle"
      aria-expanded={open}
      aria-controls={open ? SYNTHESIS_PANEL_ID : undefined}
      title={t('synthesis.toggleHint')}
      data-testid="synthesis-toggle"
      data-enjeux={counts.enjeux}
      data-notes={counts.notes}
      data-loose={counts.loose}
      data-parked={counts.parked}
      data-chantiers={counts.chantiers}
      onClick={() => setOpen(!open)}
    >
      <span className="synthesis-toggle__label">{t('synthesis.toggle')}</span>
      <span className="synthesis-toggle__counts" data-testid="synthesis-counts">
        {countsText(t, counts)}
      </span>
    </button>
  )
}
