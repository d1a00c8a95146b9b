/**
 * What every part of the list view needs, handed down through React context:
 * the board model (the server's derivation), the records behind it, the
 * writes this person may make now, where a note may go, and the page's live
 * region and focus.
 */
import type { TLRecord } from '@tldraw/tlschema'
import { createContext, useContext } from 'react'
import type { BoardModel } from '../../shared/model/boardModel'
import type { BoardShapes, NoteDestination } from './listEdits'
import type { ListRecords } from './listRecords'

export interface ListEdit {
  /** Writes the records (validated, routed); a refusal is announced and answers false. */
  put(records: readonly TLRecord[]): boolean
  /** Deletes these records (and the arrows bound to them); a refusal is announced and answers false. */
  remove(ids: readonly string[]): boolean
}

/** A place a note can be put, as the forms offer it (`key` is the option's value). */
export interface NotePlace {
  key: string
  label: string
  destination: NoteDestination
}

export interface ListContextValue {
  model: BoardModel
  records: ListRecords
  /** The page new shapes go on and every shape shown, as the edits read them. */
  board: BoardShapes
  /** Null while this person may not write (observer, locked board, refused connection, not loaded yet). */
  edit: ListEdit | null
  /** Our participant id (the author stamp of our notes). */
  me: string
  /** A participant's new notes stay private (private writing is on). */
  privateNotes: boolean
  places: NotePlace[]
  announce(text: string): void
  /** Moves the keyboard focus to the element with this id as soon as it is on the page. */
  focusWhenShown(elementId: string): void
}

export const ListContext = createContext<ListContextValue | null>(null)

export function useList(): ListContextValue {
  const value = useContext(ListContext)
  if (!value) throw new Error('useList outside the list view')
  return value
}

/** The option value of where a note is now. */
export function placeKey(note: { enjeuId: string | null; parking: boolean }): string {
  return note.enjeuId ? `enjeu:${note.enjeuId}` : note.parking ? 'parking' : 'loose'
}

/** Element ids the list moves the focus to. */
export const noteActionsId = (noteId: string) => `list-note-actions-${noteId}`
export const chantierHeadingId = (chantierId: string) => `list-chantier-${chantierId}`
