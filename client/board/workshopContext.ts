/**
 * What every part of a board page needs to know about the workshop — who I
 * am, what the server decided (control state, server clock), how to ask it
 * something — handed down through React context, so that components tldraw
 * renders for us (on the canvas, in its toolbar) can read it too.
 */
import { createContext, useContext } from 'react'
import type { SessionResponse } from '../../shared/api'
import { type WorkshopApi, workshopApi } from '../api'
import type { Control } from '../facilitation/useControl'

export interface WorkshopContextValue {
  session: SessionResponse
  control: Control
  api: WorkshopApi
}

export const WorkshopContext = createContext<WorkshopContextValue | null>(null)

export function useWorkshop(): WorkshopContextValue {
  const value = useContext(WorkshopContext)
  if (!value) throw new Error('useWorkshop outside a board page')
  return value
}

export function workshopContextValue(session: SessionResponse, control: Control): WorkshopContextValue {
  return { session, control, api: workshopApi(session.workshop.id) }
}
