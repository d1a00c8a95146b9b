/**
 * What a new workshop starts with, decided before it is stored: its démarche
 * (which must exist), its template's settings and first phase, and its board —
 * the template's zones, plus for a chantiers workshop started from an earlier
 * workshop of the same démarche, that workshop's enjeux. The board is written
 * into the log with the workshop row (Store.createWorkshop), so the first
 * client finds it there and keeps it (it only initialises an empty board).
 */
import type { CreateWorkshopBody } from '../../shared/api'
import { boardDocName } from '../../shared/boardDoc'
import { newId } from '../auth/secrets'
import { HttpError } from '../http/errors'
import type { Store, WorkshopStart } from '../storage/store'
import { encodeBoard, loadBoardRecords } from './boardLog'
import { readEnjeux } from './enjeuxCopy'
import { initialPhase, settingsForTemplate } from './templateSettings'
import { type TemplateOptions, templateBoard } from './templates'

const startFromInvalid = (message: string) => new HttpError(422, 'start_from_invalid', message)

export async function workshopStart(
  store: Store,
  workshopId: string,
  body: CreateWorkshopBody,
): Promise<WorkshopStart> {
  if (body.processId && !(await store.getProcess(body.processId))) {
    throw new HttpError(422, 'unknown_process', 'Démarche introuvable : choisissez une démarche existante.')
  }
  const settings = settingsForTemplate(body.template)
  const options: TemplateOptions = { title: body.title, newShapeId: () => `shape:${newId()}` }
  if (body.startFrom !== undefined) {
    options.startFrom = await startingEnjeux(store, body, body.startFrom)
  }
  return {
    control: { phase: initialPhase(body.template), settings, privateWriting: settings.privateWriting },
    docs: [{ doc: boardDocName(workshopId), data: encodeBoard(templateBoard(body.template, options)) }],
  }
}

/** The enjeux of the earlier workshop a chantiers workshop starts from, read from the store. */
async function startingEnjeux(store: Store, body: CreateWorkshopBody, sourceId: string) {
  if (body.template !== 'chantiers') {
    throw startFromInvalid('Seul un atelier chantiers peut partir des enjeux d’un atelier précédent.')
  }
  if (!body.processId) {
    throw startFromInvalid('Pour partir des enjeux d’un atelier, rattachez le nouvel atelier à sa démarche.')
  }
  const source = await store.getWorkshop(sourceId)
  if (!source) throw startFromInvalid('L’atelier de départ est introuvable.')
  if (source.processId !== body.processId) {
    throw startFromInvalid('L’atelier de départ doit appartenir à la même démarche.')
  }
  const records = await loadBoardRecords(store, boardDocName(source.id))
  return { workshopId: source.id, title: source.title, enjeux: readEnjeux(records) }
}
