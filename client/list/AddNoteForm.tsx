/**
 * « Ajouter une note »: its text and where it goes — among the notes to
 * cluster (the default) or straight into an enjeu (or the parking). The note
 * is stamped with its author and placed where canvas users will see it
 * arrive (listEdits.ts); while private writing is on it stays private.
 * The field keeps the focus, so several notes are written in a row.
 */
import { type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useList } from './listContext'
import { newNote } from './listEdits'

/** Longest note text the form takes (a sticky note holds a sentence or two). */
export const NOTE_MAX_CHARS = 1000

export function AddNoteForm() {
  const { t } = useTranslation()
  const { edit, board, me, places, privateNotes, announce } = useList()
  const id = useId()
  const field = useRef<HTMLTextAreaElement>(null)
  const [text, setText] = useState('')
  const [where, setWhere] = useState('loose')
  const [missing, setMissing] = useState(false)
  const place = places.find((p) => p.key === where) ?? places[0]
  if (!edit || !place) return null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim()) {
      setMissing(true)
      field.current?.focus()
      return
    }
    if (!edit.put(newNote(board, text, me, place.destination))) return
    setText('')
    setMissing(false)
    announce(t('list.add.added', { place: place.label }))
    field.current?.focus()
  }

  return (
    <section className="list-section list-add" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('list.add.title')}</h2>
      <form className="list-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('list.add.text')}</label>
          <textarea
            id={`${id}-text`}
            ref={field}
            rows={3}
            maxLength={NOTE_MAX_CHARS}
            value={text}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? `${id}-missing` : privateNotes ? `${id}-private` : undefined}
            onChange={(e) => {
              setText(e.target.value)
              setMissing(false)
            }}
            data-testid="list-add-text"
          />
          {missing && (
            <p id={`${id}-missing`} className="list-field-error">
              {t('list.add.empty')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-where`}>{t('list.add.where')}</label>
          <select
            id={`${id}-where`}
            value={place.key}
            onChange={(e) => setWhere(e.target.value)}
            data-testid="list-add-where"
          >
            {places.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        {privateNotes && (
          <p id={`${id}-private`} className="list-help" data-testid="list-add-private">
            {t('list.add.privateHelp')}
          </p>
        )}
        <button type="submit" className="button primary" data-testid="list-add-submit">
          {t('list.add.submit')}
        </button>
      </form>
    </section>
  )
}
