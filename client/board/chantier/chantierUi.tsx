/**
 * The chantier in tldraw's UI: the tool in the toolbar (« Chantier », key C),
 * its label in tldraw's own menus (taken from our translations), and no
 * empty style panel for a card that has no style.
 */
import { useTranslation } from 'react-i18next'
import {
  ArrowDownToolbarItem,
  ArrowLeftToolbarItem,
  ArrowRightToolbarItem,
  ArrowToolbarItem,
  ArrowUpToolbarItem,
  AssetToolbarItem,
  CheckBoxToolbarItem,
  CloudToolbarItem,
  DefaultStylePanel,
  DefaultToolbar,
  DiamondToolbarItem,
  DrawToolbarItem,
  EllipseToolbarItem,
  EraserToolbarItem,
  FrameToolbarItem,
  HandToolbarItem,
  HeartToolbarItem,
  HexagonToolbarItem,
  HighlightToolbarItem,
  LaserToolbarItem,
  LineToolbarItem,
  NoteToolbarItem,
  OvalToolbarItem,
  RectangleToolbarItem,
  RhombusToolbarItem,
  SelectToolbarItem,
  StarToolbarItem,
  TextToolbarItem,
  type TLComponents,
  type TLUiOverrides,
  type TLUiStylePanelProps,
  TldrawUiToolbarButton,
  TriangleToolbarItem,
  useEditor,
  useReadonly,
  useValue,
  XBoxToolbarItem,
} from 'tldraw'
import { CHANTIER_SHAPE_TYPE } from '../../../shared/chantierShape'
import { en } from '../../i18n/en'
import { fr } from '../../i18n/fr'

export const CHANTIER_TOOL_KBD = 'c'
const LABEL_KEY = 'tool.chantier'

export const chantierUiOverrides: TLUiOverrides = {
  tools(editor, tools) {
    tools[CHANTIER_SHAPE_TYPE] = {
      id: CHANTIER_SHAPE_TYPE,
      label: LABEL_KEY,
      icon: <ChantierIcon />,
      kbd: CHANTIER_TOOL_KBD,
      onSelect: () => editor.setCurrentTool(CHANTIER_SHAPE_TYPE),
    }
    return tools
  },
  // tldraw's menus (keyboard shortcuts dialog) speak the app's language too.
  translations: {
    fr: { [LABEL_KEY]: fr.chantier.tool },
    en: { [LABEL_KEY]: en.chantier.tool },
  },
}

function ChantierIcon() {
  return (
    <div className="chantier-tool-icon">
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <rect x="3" y="4" width="18" height="16" rx="2.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M7 9h10M7 13h7M7 16.5h4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
    </div>
  )
}

/** Our own button (tldraw's menu items cannot carry our test id), shaped like tldraw's tool buttons. */
function ChantierToolbarItem() {
  const editor = useEditor()
  const { t } = useTranslation()
  const readOnly = useReadonly()
  const selected = useValue('chantier tool selected', () => editor.getCurrentToolId() === CHANTIER_SHAPE_TYPE, [editor])
  if (readOnly) return null
  const label = t('chantier.tool')
  return (
    <TldrawUiToolbarButton
      type="tool"
      data-testid="chantier-tool"
      data-value={CHANTIER_SHAPE_TYPE}
      aria-label={label}
      aria-pressed={selected ? 'true' : 'false'}
      title={`${label} — ${CHANTIER_TOOL_KBD.toUpperCase()}`}
      onClick={() => editor.setCurrentTool(CHANTIER_SHAPE_TYPE)}
    >
      <ChantierIcon />
    </TldrawUiToolbarButton>
  )
}

/**
 * tldraw's toolbar (same tools), with the chantier after the note and the frame
 * (an enjeu) next to it: what workshops use most stays out of the overflow menu.
 */
function AtelierToolbar() {
  return (
    <DefaultToolbar>
      <SelectToolbarItem />
      <HandToolbarItem />
      <DrawToolbarItem />
      <EraserToolbarItem />
      <ArrowToolbarItem />
      <TextToolbarItem />
      <NoteToolbarItem />
      <ChantierToolbarItem />
      <FrameToolbarItem />
      <AssetToolbarItem />
      <RectangleToolbarItem />
      <EllipseToolbarItem />
      <TriangleToolbarItem />
      <DiamondToolbarItem />
      <HexagonToolbarItem />
      <OvalToolbarItem />
      <RhombusToolbarItem />
      <StarToolbarItem />
      <CloudToolbarItem />
      <HeartToolbarItem />
      <XBoxToolbarItem />
      <CheckBoxToolbarItem />
      <ArrowLeftToolbarItem />
      <ArrowUpToolbarItem />
      <ArrowDownToolbarItem />
      <ArrowRightToolbarItem />
      <LineToolbarItem />
      <HighlightToolbarItem />
      <LaserToolbarItem />
    </DefaultToolbar>
  )
}

/** A chantier has no style: its side panel replaces tldraw's (empty) style panel. */
function AtelierStylePanel(props: TLUiStylePanelProps) {
  const editor = useEditor()
  const onlyChantiers = useValue('only chantiers selected', () => {
    const shapes = editor.getSelectedShapes()
    return shapes.length > 0 && shapes.every((s) => s.type === CHANTIER_SHAPE_TYPE)
  }, [editor])
  return onlyChantiers ? null : <DefaultStylePanel {...props} />
}

export const chantierComponents: TLComponents = {
  Toolbar: AtelierToolbar,
  StylePanel: AtelierStylePanel,
}
