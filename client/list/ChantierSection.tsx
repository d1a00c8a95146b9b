/**
 * « Chantiers »: each card of the board as a heading (h3) with its fields in
 * words — description, enjeux liés (by name), porteur, partenaires, échéance —
 * and its result once the vote may be seen. Anyone who may write drafts a new
 * chantier or edits one here with the canvas panel's fields (the ANCT's stay
 * on the canvas and the roadmap: the room drafts, the roadmap completes). A
 * new card lands in the template's « Chantiers » zone (listEdits.ts), so canvas
 * users see it arrive; the focus then goes to its heading.
 */
import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CHANTIER_LIMITS } from '../../shared/chantierShape'
import { byRank, type ModelChantier } from '../../shared/model/boardModel'
import type { BoardShape } from '../../shared/model/boardShape'
import { formatLines, parsePartenaires, toggleEnjeu } from '../board/chantier/chantierEdits'
import { chantierHeadingId, useList } from './listContext'
import { type ChantierFields, chantierWithFields, newChantier } from './listEdits'
import { VotesLine } from './VotesLine'

const NEW_BUTTON_ID = 'list-chantier-new'

export function ChantierSection() {
  const { t } = useTranslation()
  const { model, edit } = useList()
  const headingId = useId()
  const chantiers = byRank(model.chantiers)
  return (
    <section className="list-section" aria-labelledby={headingId} data-testid="list-chantiers">
      <h2 id={headingId}>{t('list.chantiers.title')}</h2>
      {chantiers.length === 0 && <p className="list-empty">{t('list.chantiers.none')}</p>}
      {chantiers.map((chantier) => (
        <ChantierItem key={chantier.id} chantier={chantier} />
      ))}
      {edit && (
        <ChantierFormToggle
          buttonId={NEW_BUTTON_ID}
          testId="list-chantier-new"
          formTitle={t('list.chantiers.newTitle')}
        >
          {t('list.chantiers.new')}
        </ChantierFormToggle>
      )}
    </section>
  )
}

function ChantierItem({ chantier }: { chantier: ModelChantier }) {
  const { t } = useTranslation()
  const { model, edit } = useList()
  const titre = chantier.titre || t('chantier.untitled')
  const enjeuName = (id: string) => model.enjeux.find((e) => e.id === id)?.titre || t('list.enjeux.untitled')
  const notFilled = <span className="list-unfilled">{t('list.chantiers.notFilled')}</span>
  return (
    <article className="list-chantier" data-testid="list-chantier" data-id={chantier.id}>
      <h3 id={chantierHeadingId(chantier.id)} tabIndex={-1}>
        {titre}
      </h3>
      <VotesLine votes={chantier.votes} />
      <dl className="list-fields">
        <dt>{t('chantier.panel.description')}</dt>
        <dd data-field="description">{chantier.description || notFilled}</dd>
        <dt>{t('chantier.panel.enjeux')}</dt>
        <dd data-field="enjeux">
          {chantier.enjeuIds.length === 0 ? (
            <span className="list-unfilled">{t('list.chantiers.noEnjeux')}</span>
          ) : (
            <ul>
              {chantier.enjeuIds.map((id) => (
                <li key={id}>{enjeuName(id)}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('chantier.porteur')}</dt>
        <dd data-field="porteur">{chantier.porteur || notFilled}</dd>
        <dt>{t('chantier.partenaires')}</dt>
        <dd data-field="partenaires">
          {chantier.partenaires.length === 0 ? (
            notFilled
          ) : (
            <ul>
              {chantier.partenaires.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('chantier.echeance')}</dt>
        <dd data-field="echeance">{chantier.echeance || notFilled}</dd>
      </dl>
      {edit && (
        <ChantierFormToggle
          buttonId={`list-chantier-edit-${chantier.id}`}
          testId="list-chantier-edit"
          formTitle={t('list.chantiers.editTitle')}
          chantierId={chantier.id}
        >
          {t('list.chantiers.edit')}
          <span className="visually-hidden"> {t('list.chantiers.editFor', { titre })}</span>
        </ChantierFormToggle>
      )}
    </article>
  )
}

/**
 * A button that opens the chantier form in its place (a new card, or the card
 * `chantierId`); left unwritten, the focus goes back to the button.
 */
function ChantierFormToggle(props: {
  buttonId: string
  testId: string
  formTitle: string
  chantierId?: string
  children: ReactNode
}) {
  const { focusWhenShown } = useList()
  const [open, setOpen] = useState(false)
  if (open) {
    return (
      <ChantierForm
        title={props.formTitle}
        {...(props.chantierId ? { chantierId: props.chantierId } : {})}
        onDone={() => setOpen(false)}
        onCancel={() => {
          setOpen(false)
          focusWhenShown(props.buttonId)
        }}
      />
    )
  }
  return (
    <button
      type="button"
      id={props.buttonId}
      className="button secondary"
      onClick={() => setOpen(true)}
      data-testid={props.testId}
    >
      {props.children}
    </button>
  )
}

interface ChantierFormProps {
  title: string
  /** The card edited; none for a new one. */
  chantierId?: string
  /** Written: the focus goes to the card's heading. */
  onDone(): void
  /** Left unwritten: the focus goes back to the button that opened the form. */
  onCancel(): void
}

function ChantierForm({ title, chantierId, onDone, onCancel }: ChantierFormProps) {
  const { t } = useTranslation()
  const { model, records, board, edit, announce, focusWhenShown } = useList()
  const id = useId()
  const record = chantierId ? (records.byId.get(chantierId) as BoardShape | undefined) : undefined
  const current = chantierId ? model.chantiers.find((c) => c.id === chantierId) : undefined
  const [fields, setFields] = useState<ChantierFields>(() => ({
    titre: current?.titre ?? '',
    description: current?.description ?? '',
    porteur: current?.porteur ?? '',
    partenaires: current?.partenaires ?? [],
    echeance: current?.echeance ?? '',
    enjeuIds: current?.enjeuIds ?? [],
  }))
  // Typed as is (one per line), parsed on submit: parsing on each keystroke would eat the new line.
  const [partenaires, setPartenaires] = useState(formatLines(current?.partenaires))
  const [missing, setMissing] = useState(false)
  if (!edit) return null
  const set = (next: Partial<ChantierFields>) => setFields((f) => ({ ...f, ...next }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!fields.titre.trim()) {
      setMissing(true)
      document.getElementById(`${id}-titre`)?.focus()
      return
    }
    const values = { ...fields, partenaires: parsePartenaires(partenaires) }
    const written = record ? chantierWithFields(record, values) : newChantier(board, values)
    if (!edit.put([written])) return
    const titre = values.titre.trim()
    announce(t(record ? 'list.chantiers.saved' : 'list.chantiers.created', { titre }))
    focusWhenShown(chantierHeadingId(written.id))
    onDone()
  }

  const enjeux = byRank(model.enjeux)
  return (
    <form className="list-form list-chantier-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="list-form__title">
        {title}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-titre`}>{t('chantier.panel.titre')}</label>
        <input
          id={`${id}-titre`}
          value={fields.titre}
          maxLength={CHANTIER_LIMITS.titre}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-missing` : undefined}
          onChange={(e) => {
            set({ titre: e.target.value })
            setMissing(false)
          }}
          // biome-ignore lint/a11y/noAutofocus: the person just asked to draft or edit this chantier
          autoFocus
          data-testid="list-chantier-titre"
        />
        {missing && (
          <p id={`${id}-missing`} className="list-field-error">
            {t('list.chantiers.titreMissing')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('chantier.panel.description')}</label>
        <textarea
          id={`${id}-description`}
          rows={3}
          value={fields.description}
          maxLength={CHANTIER_LIMITS.description}
          onChange={(e) => set({ description: e.target.value })}
          data-testid="list-chantier-description"
        />
      </div>
      <fieldset className="list-checks">
        <legend>{t('chantier.panel.enjeux')}</legend>
        {enjeux.length === 0 ? (
          <p className="list-help">{t('chantier.panel.noEnjeux')}</p>
        ) : (
          enjeux.map((enjeu) => (
            <label key={enjeu.id} className="list-check">
              <input
                type="checkbox"
                checked={fields.enjeuIds.includes(enjeu.id)}
                onChange={(e) => set({ enjeuIds: toggleEnjeu(fields.enjeuIds, enjeu.id, e.target.checked) })}
                data-testid="list-chantier-enjeu"
                data-id={enjeu.id}
              />
              <span>{enjeu.titre || t('list.enjeux.untitled')}</span>
            </label>
          ))
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-porteur`}>{t('chantier.panel.porteur')}</label>
        <input
          id={`${id}-porteur`}
          value={fields.porteur}
          maxLength={CHANTIER_LIMITS.porteur}
          onChange={(e) => set({ porteur: e.target.value })}
          data-testid="list-chantier-porteur"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-partenaires`}>{t('chantier.panel.partenaires')}</label>
        <textarea
          id={`${id}-partenaires`}
          rows={3}
          value={partenaires}
          aria-describedby={`${id}-partenaires-help`}
          onChange={(e) => setPartenaires(e.target.value)}
          data-testid="list-chantier-partenaires"
        />
        <p id={`${id}-partenaires-help`} className="list-help">
          {t('chantier.panel.partenairesHelp', { max: CHANTIER_LIMITS.partenaires })}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-echeance`}>{t('chantier.panel.echeance')}</label>
        <input
          id={`${id}-echeance`}
          value={fields.echeance}
          maxLength={CHANTIER_LIMITS.echeance}
          aria-describedby={`${id}-echeance-help`}
          onChange={(e) => set({ echeance: e.target.value })}
          data-testid="list-chantier-echeance"
        />
        <p id={`${id}-echeance-help`} className="list-help">
          {t('chantier.panel.echeancePlaceholder')}
        </p>
      </div>
      <div className="list-buttons">
        <button type="submit" className="button primary" data-testid="list-chantier-submit">
          {record ? t('list.chantiers.save') : t('list.chantiers.create')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('list.chantiers.cancel')}
        </button>
      </div>
    </form>
  )
}
