/**
 * The side panel of a chantier: shown while exactly one chantier is selected,
 * with a labelled field for each prop and the board's frames (enjeux) as
 * checkboxes to link or unlink.
 *
 * Every change is a plain `editor.updateShape`, so it takes the usual way to
 * the others (store → localWriter → Yjs → server check) and is undoable.
 * Observers (and anyone whose connection the server refused) get the same
 * panel read-only: the editor is read-only for them, so are the fields.
 *
 * The panel lives outside tldraw's canvas (BoardPage places it over it), so
 * typing in it never reaches tldraw's shortcuts or pointer handling; Escape
 * closes it and hands the keyboard back to the canvas.
 */
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Editor, useValue } from 'tldraw'
import {
  CHANTIER_LIMITS,
  CHANTIER_SHAPE_TYPE,
  type ChantierProps,
  type ChantierShape,
} from '../../../shared/chantierShape'
import { formatPartenaires, parsePartenaires, toggleEnjeu } from './chantierEdits'

export function ChantierPanel({ editor }: { editor: Editor }) {
  const shape = useValue('selected chantier', () => {
    const selected = editor.getSelectedShapes()
    const only = selected.length === 1 ? selected[0] : undefined
    return only?.type === CHANTIER_SHAPE_TYPE ? (only as unknown as ChantierShape) : null
  }, [editor])
  const readOnly = useValue('board read-only', () => editor.getIsReadonly(), [editor])
  if (!shape) return null
  return <ChantierForm key={shape.id} editor={editor} shape={shape} readOnly={readOnly} />
}

interface Enjeu {
  id: string
  name: string
}

function useEnjeux(editor: Editor): Enjeu[] {
  // A string, so that the list re-renders only when a frame is added, removed or renamed.
  const json = useValue(
    'board enjeux',
    () =>
      JSON.stringify(
        editor
          .getCurrentPageShapes()
          .filter((s) => s.type === 'frame')
          .map((s) => ({ id: s.id, name: (s.props as { name?: string }).name ?? '' })),
      ),
    [editor],
  )
  const enjeux = JSON.parse(json) as Enjeu[]
  return enjeux.sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id))
}

function ChantierForm({ editor, shape, readOnly }: { editor: Editor; shape: ChantierShape; readOnly: boolean }) {
  const { t } = useTranslation()
  const enjeux = useEnjeux(editor)
  const headingId = useId()
  const { props } = shape

  const update = (next: Partial<ChantierProps>) => {
    if (editor.getIsReadonly()) return
    editor.updateShape<ChantierShape>({ id: shape.id, type: CHANTIER_SHAPE_TYPE, props: next })
  }

  const atMax = props.enjeuIds.length >= CHANTIER_LIMITS.enjeuIds
  return (
    <aside
      className="chantier-panel"
      data-testid="chantier-panel"
      data-readonly={readOnly ? 'true' : 'false'}
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        // Escape closes the panel as it would a dialog, and gives the keyboard back to the canvas.
        if (e.key !== 'Escape') return
        e.preventDefault()
        editor.selectNone()
        editor.getContainer().focus()
      }}
    >
      <header className="chantier-panel__header">
        <h2 id={headingId}>{t('chantier.panel.title')}</h2>
        {readOnly && <span className="chantier-panel__badge">{t('chantier.panel.readOnly')}</span>}
        <button
          type="button"
          className="chantier-panel__close"
          aria-label={t('chantier.panel.close')}
          title={t('chantier.panel.close')}
          onClick={() => editor.selectNone()}
        >
          ×
        </button>
      </header>

      <DraftField
        field="titre"
        label={t('chantier.panel.titre')}
        placeholder={t('chantier.titrePlaceholder')}
        value={props.titre}
        max={CHANTIER_LIMITS.titre}
        readOnly={readOnly}
        onCommit={(titre) => update({ titre })}
      />
      <DraftField
        field="description"
        label={t('chantier.panel.description')}
        value={props.description}
        max={CHANTIER_LIMITS.description}
        rows={4}
        readOnly={readOnly}
        onCommit={(description) => update({ description })}
      />
      <DraftField
        field="porteur"
        label={t('chantier.panel.porteur')}
        placeholder={t('chantier.panel.porteurPlaceholder')}
        value={props.porteur}
        max={CHANTIER_LIMITS.porteur}
        readOnly={readOnly}
        onCommit={(porteur) => update({ porteur })}
      />
      <DraftField
        field="partenaires"
        label={t('chantier.panel.partenaires')}
        help={t('chantier.panel.partenairesHelp', { max: CHANTIER_LIMITS.partenaires })}
        value={formatPartenaires(props.partenaires)}
        rows={3}
        readOnly={readOnly}
        onCommit={(text) => update({ partenaires: parsePartenaires(text) })}
      />
      <DraftField
        field="echeance"
        label={t('chantier.panel.echeance')}
        placeholder={t('chantier.panel.echeancePlaceholder')}
        value={props.echeance}
        max={CHANTIER_LIMITS.echeance}
        readOnly={readOnly}
        onCommit={(echeance) => update({ echeance })}
      />

      <fieldset className="chantier-panel__enjeux" data-testid="chantier-enjeux">
        <legend>{t('chantier.panel.enjeux')}</legend>
        {enjeux.length === 0 ? (
          <p className="chantier-panel__help">{t('chantier.panel.noEnjeux')}</p>
        ) : (
          <>
            <p className="chantier-panel__help">
              {t('chantier.panel.enjeuxHelp')}
              {atMax && ` ${t('chantier.panel.enjeuxMax', { max: CHANTIER_LIMITS.enjeuIds })}`}
            </p>
            <ul>
              {enjeux.map((enjeu) => {
                const linked = props.enjeuIds.includes(enjeu.id)
                return (
                  <li key={enjeu.id}>
                    <label>
                      <input
                        type="checkbox"
                        data-testid={`chantier-enjeu-${enjeu.id}`}
                        checked={linked}
                        disabled={readOnly || (!linked && atMax)}
                        onChange={(e) => update({ enjeuIds: toggleEnjeu(props.enjeuIds, enjeu.id, e.target.checked) })}
                      />
                      <span className={enjeu.name.trim() ? undefined : 'is-empty'}>
                        {enjeu.name.trim() || t('chantier.panel.untitledEnjeu')}
                      </span>
                    </label>
                  </li>
                )
              })}
            </ul>
          </>
        )}
      </fieldset>
    </aside>
  )
}

interface DraftFieldProps {
  field: 'titre' | 'description' | 'porteur' | 'partenaires' | 'echeance'
  label: string
  help?: string
  placeholder?: string
  /** The value as stored (for partenaires: one per line). */
  value: string
  max?: number
  /** A multi-line field of this many rows; a one-line input otherwise. */
  rows?: number
  readOnly: boolean
  onCommit(text: string): void
}

/**
 * A field that writes on every keystroke but keeps what is being typed while
 * it has the focus (the stored value may be normalised — partners are trimmed
 * — and must not move the caret); it shows the stored value again on blur and
 * whenever someone else changes it while it is not being edited.
 */
function DraftField({ field, label, help, placeholder, value, max, rows, readOnly, onCommit }: DraftFieldProps) {
  const id = useId()
  const [draft, setDraft] = useState(value)
  const focused = useRef(false)
  useEffect(() => {
    if (!focused.current) setDraft(value)
  }, [value])

  const common = {
    id,
    'data-testid': `chantier-field-${field}`,
    value: draft,
    placeholder,
    maxLength: max,
    readOnly,
    'aria-describedby': help ? `${id}-help` : undefined,
    onFocus: () => {
      focused.current = true
    },
    onBlur: () => {
      focused.current = false
      setDraft(value)
    },
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (readOnly) return
      setDraft(e.target.value)
      onCommit(e.target.value)
    },
  }
  return (
    <div className="chantier-panel__field">
      <label htmlFor={id}>{label}</label>
      {rows ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />}
      {help && (
        <p id={`${id}-help`} className="chantier-panel__help">
          {help}
        </p>
      )}
    </div>
  )
}
