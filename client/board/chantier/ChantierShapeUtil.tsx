/**
 * The chantier card on the canvas.
 *
 * - Props, validators and migrations come from shared/chantierShape.ts, the
 *   same objects the server's schema uses: a record is valid here exactly when
 *   the server accepts it.
 * - Close up, the card shows the title, the porteur, the échéance, the
 *   partenaires and how many enjeux it is linked to. Zoomed out (below
 *   OVERVIEW_ZOOM) the small lines would be unreadable, so the card shows only
 *   its title, in a font that keeps a readable size on screen (CSS, from
 *   tldraw's `--tl-zoom`), capped to fit the card.
 * - Double click (or Enter) edits the title in place; the other fields are
 *   edited in the side panel (ChantierPanel).
 */
import { useTranslation } from 'react-i18next'
import { BaseBoxShapeUtil, HTMLContainer, stopEventPropagation, type TLShapeId, useEditor, useValue } from 'tldraw'
import {
  CHANTIER_LIMITS,
  CHANTIER_SHAPE_TYPE,
  type ChantierProps,
  type ChantierShape,
  chantierShapeMigrations,
  chantierShapeProps,
  defaultChantierProps,
} from '../../../shared/chantierShape'

/** Below this zoom level the card shows its title only, in large type. */
export const OVERVIEW_ZOOM = 0.5

export class ChantierShapeUtil extends BaseBoxShapeUtil<ChantierShape> {
  static override type = CHANTIER_SHAPE_TYPE
  static override props = chantierShapeProps
  static override migrations = chantierShapeMigrations

  override getDefaultProps(): ChantierProps {
    return defaultChantierProps()
  }

  override canEdit(): boolean {
    return true
  }

  override getText(shape: ChantierShape): string {
    return shape.props.titre
  }

  override getAriaDescriptor(shape: ChantierShape): string {
    return shape.props.titre
  }

  override component(shape: ChantierShape) {
    return <ChantierCard shape={shape} />
  }

  override indicator(shape: ChantierShape) {
    return <rect width={shape.props.w} height={shape.props.h} rx={12} ry={12} />
  }
}

/** Enjeux (frames) a chantier links to that are still on the board. */
export function useLinkedEnjeuxCount(enjeuIds: readonly string[]): number {
  const editor = useEditor()
  return useValue(
    'linked enjeux',
    () => enjeuIds.filter((id) => editor.getShape(id as TLShapeId)?.type === 'frame').length,
    [editor, enjeuIds],
  )
}

function ChantierCard({ shape }: { shape: ChantierShape }) {
  const editor = useEditor()
  const { t } = useTranslation()
  const { titre, porteur, echeance, partenaires, enjeuIds, w, h } = shape.props
  const isEditing = useValue('chantier editing', () => editor.getEditingShapeId() === shape.id, [editor, shape.id])
  const overview = useValue('chantier overview', () => editor.getZoomLevel() < OVERVIEW_ZOOM, [editor])
  const enjeux = useLinkedEnjeuxCount(enjeuIds)
  const title = titre.trim() || t('chantier.untitled')

  if (overview && !isEditing) {
    return (
      <HTMLContainer
        className="chantier-card chantier-card--overview"
        data-testid="chantier-card"
        style={{ width: w, height: h, ['--chantier-h' as string]: `${h}px` }}
      >
        <div className={`chantier-card__overview-title${titre.trim() ? '' : ' is-empty'}`}>{title}</div>
      </HTMLContainer>
    )
  }

  return (
    <HTMLContainer
      className={`chantier-card${isEditing ? ' is-editing' : ''}`}
      data-testid="chantier-card"
      style={{ width: w, height: h }}
    >
      <div className="chantier-card__kind">{t('chantier.tool')}</div>
      {isEditing ? (
        <ChantierTitleInput id={shape.id} titre={titre} />
      ) : (
        <div className={`chantier-card__title${titre.trim() ? '' : ' is-empty'}`} data-testid="chantier-card-titre">
          {title}
        </div>
      )}
      <dl className="chantier-card__facts">
        {porteur && (
          <div>
            <dt>{t('chantier.porteur')}</dt>
            <dd data-testid="chantier-card-porteur">{porteur}</dd>
          </div>
        )}
        {echeance && (
          <div>
            <dt>{t('chantier.echeance')}</dt>
            <dd data-testid="chantier-card-echeance">{echeance}</dd>
          </div>
        )}
        {partenaires.length > 0 && (
          <div>
            <dt>{t('chantier.partenaires')}</dt>
            <dd>{partenaires.join(', ')}</dd>
          </div>
        )}
      </dl>
      <div className="chantier-card__enjeux" data-testid="chantier-card-enjeux">
        {t('chantier.enjeuxCount', { count: enjeux })}
      </div>
    </HTMLContainer>
  )
}

function ChantierTitleInput({ id, titre }: { id: TLShapeId; titre: string }) {
  const editor = useEditor()
  const { t } = useTranslation()
  return (
    <textarea
      className="chantier-card__title-input"
      data-testid="chantier-title-input"
      aria-label={t('chantier.panel.titre')}
      placeholder={t('chantier.titrePlaceholder')}
      value={titre}
      maxLength={CHANTIER_LIMITS.titre}
      rows={2}
      // biome-ignore lint/a11y/noAutofocus: editing starts on purpose (double click or Enter on the card).
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => {
        const value = e.currentTarget.value.replace(/\r?\n/g, ' ').slice(0, CHANTIER_LIMITS.titre)
        editor.updateShape<ChantierShape>({ id, type: CHANTIER_SHAPE_TYPE, props: { titre: value } })
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
          // Keep the key from the select tool, which would start editing again.
          e.preventDefault()
          stopEventPropagation(e)
          editor.setEditingShape(null)
          if (editor.isIn('select.editing_shape')) editor.setCurrentTool('select.idle')
        }
      }}
      onPointerDown={stopEventPropagation}
      draggable={false}
    />
  )
}
