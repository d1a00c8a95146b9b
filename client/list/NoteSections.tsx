/**
 * The notes, as the board model groups them: each enjeu a heading (h2) with
 * its notes as a list, then « Notes à classer », then « Parking » (when the template has one). A note says
 * in words what colour tells on the canvas: « Votre note », « Privée ».
 *
 * Each note has one « Actions » button (one tab stop per note in a long
 * list) that opens what this person may do with it: change the text or
 * delete it — their own notes only — and move it to another enjeu, back
 * among the notes to cluster, or to the parking — any note, as on the canvas.
 * Someone else's private note (a facilitator reads them) offers nothing.
 */
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { byRank, type ModelNote } from '../../shared/model/boardModel'
import type { BoardShape } from '../../shared/model/boardShape'
import { noteAuthor } from '../../shared/model/noteAuthor'
import { itemTitle } from '../voting/itemTitle'
import { useItemName } from '../voting/useItemName'
import { NOTE_MAX_CHARS } from './AddNoteForm'
import { noteActionsId, placeKey, useList } from './listContext'
import { movedNote, noteWithText } from './listEdits'
import { VotesLine } from './VotesLine'

export function NoteSections() {
  const { t } = useTranslation()
  const { model, places } = useList()
  const notes = byRank(model.notes)
  const parking = notes.filter((n) => n.parking)
  // A template without a parking zone has no parking to show (nor to offer).
  const hasParking = parking.length > 0 || places.some((p) => p.key === 'parking')
  const notesOf = (enjeuId: string) => notes.filter((n) => n.enjeuId === enjeuId)
  return (
    <>
      {model.enjeux.length === 0 ? (
        <NoteSection id="list-enjeux" title={t('list.enjeux.heading')} notes={[]} empty={t('list.enjeux.none')} />
      ) : (
        byRank(model.enjeux).map((enjeu) => (
          <NoteSection
            key={enjeu.id}
            id={`list-enjeu-${enjeu.id}`}
            title={enjeu.titre || t('list.enjeux.untitled')}
            notes={notesOf(enjeu.id)}
            empty={t('list.enjeux.notes', { count: 0 })}
            votes={enjeu.votes}
            testId="list-enjeu"
            dataId={enjeu.id}
          />
        ))
      )}
      <NoteSection
        id="list-loose"
        title={t('list.loose.title')}
        notes={notes.filter((n) => n.enjeuId === null && !n.parking)}
        empty={t('list.loose.empty')}
        testId="list-loose"
      />
      {hasParking && (
        <NoteSection
          id="list-parking"
          title={t('list.parking.title')}
          notes={parking}
          empty={t('list.parking.empty')}
          testId="list-parking"
        />
      )}
    </>
  )
}

interface NoteSectionProps {
  /** The heading's id: the focus goes there after one of its notes is deleted. */
  id: string
  title: string
  notes: ModelNote[]
  empty: string
  votes?: ModelNote['votes']
  testId?: string
  dataId?: string
}

function NoteSection({ id, title, notes, empty, votes = null, testId, dataId }: NoteSectionProps) {
  const { t } = useTranslation()
  return (
    <section className="list-section" aria-labelledby={id} data-testid={testId} data-id={dataId}>
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      <p className="list-section__meta">
        {notes.length > 0 && <span>{t('list.enjeux.notes', { count: notes.length })}</span>}
        <VotesLine votes={votes} />
      </p>
      {notes.length === 0 ? (
        <p className="list-empty">{empty}</p>
      ) : (
        <ul className="list-notes">
          {notes.map((note) => (
            <NoteItem key={note.id} note={note} sectionHeadingId={id} />
          ))}
        </ul>
      )}
    </section>
  )
}

type Mode = 'actions' | 'edit' | 'confirmDelete'

function NoteItem({ note, sectionHeadingId }: { note: ModelNote; sectionHeadingId: string }) {
  const { t } = useTranslation()
  const { records, edit, me } = useList()
  const name = useItemName()
  const [open, setOpen] = useState(false)
  const id = useId()
  const source = records.source.get(note.id)
  const record = records.byId.get(note.id) as BoardShape | undefined
  const mine = noteAuthor(record) === me
  const text = note.texte || t('list.note.untitled')
  const mayAct = edit !== null && source !== 'others'
  return (
    <li className="list-note" data-testid="list-note" data-id={note.id} data-mine={mine}>
      <p className={`list-note__text${note.texte ? '' : ' is-empty'}`}>{text}</p>
      {(mine || source !== 'board' || note.votes) && (
        <p className="list-note__marks">
          {mine && (
            <span className="list-mark" data-testid="list-note-mine">
              {t('list.note.mine')}
            </span>
          )}
          {source !== 'board' && (
            <span className="list-mark is-private" data-testid="list-note-private">
              {t('list.note.private')}
            </span>
          )}
          <VotesLine votes={note.votes} />
        </p>
      )}
      {mayAct && (
        <button
          type="button"
          id={noteActionsId(note.id)}
          className="button secondary list-note__toggle"
          aria-expanded={open}
          aria-controls={open ? `${id}-actions` : undefined}
          onClick={() => setOpen(!open)}
          data-testid="list-note-actions"
        >
          {t('list.note.actions')}
          <span className="visually-hidden"> {t('list.note.actionsFor', { text: name(itemTitle(record)) })}</span>
        </button>
      )}
      {mayAct && open && (
        <div id={`${id}-actions`} className="list-note__actions">
          <NoteActions note={note} mine={mine} sectionHeadingId={sectionHeadingId} />
        </div>
      )}
    </li>
  )
}

function NoteActions({ note, mine, sectionHeadingId }: { note: ModelNote; mine: boolean; sectionHeadingId: string }) {
  const { t } = useTranslation()
  const { records, board, edit, places, announce, focusWhenShown } = useList()
  const id = useId()
  const [mode, setMode] = useState<Mode>('actions')
  const [draft, setDraft] = useState(note.texte)
  const here = placeKey(note)
  const elsewhere = places.filter((p) => p.key !== here)
  const [target, setTarget] = useState(elsewhere[0]?.key ?? '')
  const record = records.byId.get(note.id) as BoardShape | undefined
  if (!edit || !record) return null
  const toggleId = noteActionsId(note.id)

  const save = (event: FormEvent) => {
    event.preventDefault()
    if (!draft.trim() || !edit.put([noteWithText(record, draft)])) return
    announce(t('list.note.saved'))
    setMode('actions')
    focusWhenShown(toggleId)
  }
  const remove = () => {
    if (!edit.remove([note.id])) return
    announce(t('list.note.deleted'))
    focusWhenShown(sectionHeadingId)
  }
  const move = (event: FormEvent) => {
    event.preventDefault()
    const place = elsewhere.find((p) => p.key === target) ?? elsewhere[0]
    if (!place || !edit.put(movedNote(board, record, place.destination))) return
    announce(t('list.note.moved', { place: place.label }))
    focusWhenShown(toggleId)
  }

  return (
    <>
      {mine && mode === 'actions' && (
        <div className="list-buttons">
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setDraft(note.texte)
              setMode('edit')
            }}
            data-testid="list-note-edit"
          >
            {t('list.note.edit')}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => setMode('confirmDelete')}
            data-testid="list-note-delete"
          >
            {t('list.note.delete')}
          </button>
        </div>
      )}
      {mine && mode === 'edit' && (
        <form className="list-form" onSubmit={save}>
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('list.note.editLabel')}</label>
            <textarea
              id={`${id}-text`}
              rows={3}
              maxLength={NOTE_MAX_CHARS}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this text
              autoFocus
              data-testid="list-note-edit-text"
            />
          </div>
          <div className="list-buttons">
            <button type="submit" className="button primary" data-testid="list-note-save">
              {t('list.note.save')}
            </button>
            <button type="button" className="button secondary" onClick={() => setMode('actions')}>
              {t('list.note.cancel')}
            </button>
          </div>
        </form>
      )}
      {mine && mode === 'confirmDelete' && (
        <div className="list-buttons">
          <span>{t('list.note.confirmQuestion')}</span>
          <button type="button" className="button danger" onClick={remove} data-testid="list-note-confirm-delete">
            {t('list.note.confirmDelete')}
          </button>
          <button type="button" className="button secondary" onClick={() => setMode('actions')}>
            {t('list.note.cancel')}
          </button>
        </div>
      )}
      {elsewhere.length > 0 && (
        <form className="list-move" onSubmit={move}>
          <label htmlFor={`${id}-to`}>{t('list.note.moveTo')}</label>
          <select
            id={`${id}-to`}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            data-testid="list-note-move-to"
          >
            {elsewhere.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
          <button type="submit" className="button secondary" data-testid="list-note-move">
            {t('list.note.move')}
          </button>
        </form>
      )}
    </>
  )
}
