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
 *
 * The ANCT's fields of an action (optional props, see shared/chantierShape)
 * sit in a folded section « Pour la feuille de route (ANCT) » at the end: the
 * room drafts a chantier with the fields above, and whoever prepares the
 * roadmap completes the rest. The section stays open or closed from one card
 * to the next, and says how many of its fields are filled in while folded.
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
import {
  ANCT_FIELDS,
  anctFilledCount,
  formatLines,
  parseCoFinancements,
  parsePartenaires,
  toggleEnjeu,
} from './chantierEdits'

export function ChantierPanel({ editor }: { editor: Editor }) {
  const shape = useValue('selected chantier', () => {
    const selected = editor.getSelectedShapes()
    const only = selected.length === 1 ? selected[0] : undefined
    return only?.type === CHANTIER_SHAPE_TYPE ? (only as unknown as ChantierShape) : null
  }, [editor])
  const readOnly = useValue('board read-only', () => editor.getIsReadonly(), [editor])
  // Here, not in the form: the form is remade for each card, the reader's choice stays.
  const [anctOpen, setAnctOpen] = useState(false)
  if (!shape) return null
  return (
    <ChantierForm
      key={shape.id}
      editor={editor}
      shape={shape}
      readOnly={readOnly}
      anctOpen={anctOpen}
      onAnctToggle={setAnctOpen}
    />
  )
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

interface ChantierFormProps {
  editor: Editor
  shape: ChantierShape
  readOnly: boolean
  anctOpen: boolean
  onAnctToggle(open: boolean): void
}

function ChantierForm({ editor, shape, readOnly, anctOpen, onAnctToggle }: ChantierFormProps) {
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
      className="side-panel side-panel--docked chantier-panel"
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
      <header className="side-panel__header">
        <h2 id={headingId}>{t('chantier.panel.title')}</h2>
        {readOnly && <span className="chantier-panel__badge">{t('chantier.panel.readOnly')}</span>}
        <button
          type="button"
          className="side-panel__close"
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
        value={formatLines(props.partenaires)}
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
          <p className="panel-help">{t('chantier.panel.noEnjeux')}</p>
        ) : (
          <>
            <p className="panel-help">
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

      <AnctSection props={props} readOnly={readOnly} open={anctOpen} onToggle={onAnctToggle} update={update} />
    </aside>
  )
}

interface AnctSectionProps {
  props: ChantierProps
  readOnly: boolean
  open: boolean
  onToggle(open: boolean): void
  update(next: Partial<ChantierProps>): void
}

/** The ANCT's fields of an action, folded by default (a native disclosure: keyboard and screen readers know it). */
function AnctSection({ props, readOnly, open, onToggle, update }: AnctSectionProps) {
  const { t, i18n } = useTranslation()
  const chars = (max: number) => max.toLocaleString(i18n.language)
  const filled = anctFilledCount(props)
  return (
    <details
      className="chantier-panel__anct"
      data-testid="chantier-anct"
      open={open}
      onToggle={(e) => onToggle(e.currentTarget.open)}
    >
      <summary data-testid="chantier-anct-toggle">
        <span className="chantier-panel__anct-title">{t('chantierAnct.title')}</span>
        <span className="chantier-panel__anct-count" data-testid="chantier-anct-count">
          {t('chantierAnct.filled', { count: filled, total: ANCT_FIELDS.length })}
        </span>
      </summary>
      <p className="panel-help">{t('chantierAnct.intro')}</p>
      <DraftField
        field="contexte"
        label={t('chantierAnct.contexte')}
        help={t('chantierAnct.contexteHelp', { max: chars(CHANTIER_LIMITS.contexte) })}
        value={props.contexte ?? ''}
        max={CHANTIER_LIMITS.contexte}
        rows={3}
        readOnly={readOnly}
        onCommit={(contexte) => update({ contexte })}
      />
      <DraftField
        field="besoins"
        label={t('chantierAnct.besoins')}
        help={t('chantierAnct.besoinsHelp', { max: chars(CHANTIER_LIMITS.besoins) })}
        value={props.besoins ?? ''}
        max={CHANTIER_LIMITS.besoins}
        rows={3}
        readOnly={readOnly}
        onCommit={(besoins) => update({ besoins })}
      />
      <DraftField
        field="budgetGlobal"
        label={t('chantierAnct.budgetGlobal')}
        help={t('chantierAnct.budgetGlobalHelp')}
        placeholder={t('chantierAnct.budgetGlobalPlaceholder')}
        value={props.budgetGlobal ?? ''}
        max={CHANTIER_LIMITS.budgetGlobal}
        readOnly={readOnly}
        onCommit={(budgetGlobal) => update({ budgetGlobal })}
      />
      <DraftField
        field="dateDeDebut"
        label={t('chantierAnct.dateDeDebut')}
        help={t('chantierAnct.dateDeDebutHelp')}
        placeholder={t('chantierAnct.dateDeDebutPlaceholder')}
        value={props.dateDeDebut ?? ''}
        max={CHANTIER_LIMITS.dateDeDebut}
        readOnly={readOnly}
        onCommit={(dateDeDebut) => update({ dateDeDebut })}
      />
      <DraftField
        field="coFinancements"
        label={t('chantierAnct.coFinancements')}
        help={t('chantierAnct.coFinancementsHelp', { max: CHANTIER_LIMITS.coFinancements })}
        value={formatLines(props.coFinancements)}
        rows={2}
        readOnly={readOnly}
        onCommit={(text) => update({ coFinancements: parseCoFinancements(text) })}
      />
      <DraftField
        field="perimetreGeographique"
        label={t('chantierAnct.perimetreGeographique')}
        help={t('chantierAnct.perimetreGeographiqueHelp')}
        placeholder={t('chantierAnct.perimetreGeographiquePlaceholder')}
        value={props.perimetreGeographique ?? ''}
        max={CHANTIER_LIMITS.perimetreGeographique}
        readOnly={readOnly}
        onCommit={(perimetreGeographique) => update({ perimetreGeographique })}
      />
    </details>
  )
}

interface DraftFieldProps {
  field: 'titre' | 'description' | 'porteur' | 'partenaires' | 'echeance' | (typeof ANCT_FIELDS)[number]
  label: string
  help?: string
  placeholder?: string
  /** The value as stored (for lists of organisations: one per line). */
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
    className: 'panel-input',
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
        <p id={`${id}-help`} className="panel-help">
          {help}
        </p>
      )}
    </div>
  )
}
