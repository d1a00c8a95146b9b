/**
 * The shapes and tools of an Atelier board. The same list builds the TLStore
 * (useYjsStore) and is handed to <Tldraw>, so the client's schema is the
 * server's (shared/boardSchema.ts): tldraw's defaults plus the chantier.
 */
import { defaultShapeUtils, type TLAnyShapeUtilConstructor } from 'tldraw'
import { ChantierShapeTool } from './ChantierShapeTool'
import { ChantierShapeUtil } from './ChantierShapeUtil'

export const boardShapeUtils: readonly TLAnyShapeUtilConstructor[] = [...defaultShapeUtils, ChantierShapeUtil]

export const boardTools = [ChantierShapeTool]
