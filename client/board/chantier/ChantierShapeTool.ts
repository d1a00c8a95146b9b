/**
 * The « Chantier » tool: click to drop a card of the default size, or drag to
 * draw one (tldraw's box tool). The new card is selected, so its side panel opens.
 */
import { BaseBoxShapeTool } from 'tldraw'
import { CHANTIER_SHAPE_TYPE } from '../../../shared/chantierShape'

export class ChantierShapeTool extends BaseBoxShapeTool {
  static override id = CHANTIER_SHAPE_TYPE
  static override initial = 'idle'
  override shapeType = CHANTIER_SHAPE_TYPE
}
