/**
 * « Suggérer des regroupements », for the facilitator: asks the server for
 * groups of the notes not yet in a frame, previews them (outlines on the
 * canvas, this panel with the groups' names, sizes and notes), then applies
 * them as one undoable step or discards them. Until « Appliquer » nothing is
 * written: the preview lives on this screen only (clusterPreview.ts).
 *
 * Rendered in the workshop bar, outside tldraw's canvas, so typing a group's
 * name never reaches tldraw's shortcuts; the panel sits over the left of the
 * canvas, under tldraw's menu, where tldraw shows nothing else. Keyboard: every control is a real button or field,
 * Escape in the panel discards, focus moves to the panel when it opens and
 * back to the board after applying (so Ctrl+Z undoes at once).
 */
import { type CSSProperties, type RefObject, useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Box, type Editor, useValue } from 'tldraw'
import { richTextToPlain } from '../../shared/model/richText'
import { apiErrorMessage } from '../apiErrorMessage'
import { useWorkshop } from '../board/workshopContext'
import { applyClusters, movableNotes } from './applyClusters'
import {
  type ClusterPreview,
  clusterPreviewOf,
  previewFromSuggestion,
  renameGroup,
  withoutGroup,
} from './clusterPreview'
import './clustering.css'

/** Longest group name accepted (it becomes a frame title). */
const MAX_LABEL = 120
/** Width the panel covers on the left of the canvas (CSS: .cluster-panel), kept clear when framing the notes. */
const PANEL_PX = 380
/** Width of tldraw's style panel at the top right of the canvas. */
const STYLE_PANEL_PX = 160
/** Height of tldraw's menu strip at the top left of the canvas, which the panel leaves visible. */
const TLDRAW_MENU_PX = 48
/** Height of tldraw's zoom controls at the bottom left of the canvas, also left visible. */
const TLDRAW_FOOTER_PX = 56
const STATUS_MS = 10_000

export function ClusterSuggestions({ editor }: { editor: Editor | null }) {
  const { session } = useWorkshop()
  if (session.role !== 'facilitator' || !editor) return null
  return <ClusterSuggestionsControl editor={editor} />
}

interface Status {
  kind: 'info' | 'error'
  text: string
}

function ClusterSuggestionsControl({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const { api } = useWorkshop()
  const panelId = useId()
  const headingId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const previewAtom = clusterPreviewOf(editor)
  const preview = useValue('cluster preview', () => previewAtom.get(), [previewAtom])
  const readOnly = useValue('board read-only', () => editor.getIsReadonly(), [editor])
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<Status | null>(null)

  useEffect(() => {
    if (!status) return
    const timer = setTimeout(() => setStatus(null), STATUS_MS)
    return () => clearTimeout(timer)
  }, [status])

  // A preview is only meaningful with its panel: gone when the panel goes.
  useEffect(
    () => () => {
      previewAtom.set(null)
    },
    [previewAtom],
  )

  const isOpen = preview !== null
  useEffect(() => {
    if (isOpen) headingRef.current?.focus()
  }, [isOpen])

  // The panel is fixed over the left of the canvas, wherever the bars above it end (they wrap on small screens).
  const [placement, setPlacement] = useState<CSSProperties>({})
  useLayoutEffect(() => {
    if (!isOpen) return
    const place = () => {
      const canvas = editor.getContainer().getBoundingClientRect()
      setPlacement({
        top: canvas.top + TLDRAW_MENU_PX,
        left: canvas.left + 8,
        maxHeight: Math.max(160, canvas.height - TLDRAW_MENU_PX - TLDRAW_FOOTER_PX),
      })
    }
    place()
    window.addEventListener('resize', place)
    return () => window.removeEventListener('resize', place)
  }, [isOpen, editor])

  const suggest = async () => {
    if (busy) return
    setBusy(true)
    setStatus(null)
    try {
      const suggestion = await api.suggestClusters()
      if (suggestion.clusters.length === 0) {
        previewAtom.set(null)
        setStatus({ kind: 'info', text: t('clustering.none') })
        return
      }
      const next = previewFromSuggestion(suggestion.clusters, suggestion.unclustered.length)
      previewAtom.set(next)
      frameNotes(editor, next)
    } catch (error) {
      setStatus({ kind: 'error', text: apiErrorMessage(t, error) })
    } finally {
      setBusy(false)
    }
  }

  const discard = () => {
    previewAtom.set(null)
    buttonRef.current?.focus()
  }

  const apply = () => {
    const current = previewAtom.get()
    if (!current || editor.getIsReadonly()) return
    const result = applyClusters(
      editor,
      current.groups.map((g) => ({ label: g.label.trim() || g.suggestedLabel, noteIds: g.noteIds })),
    )
    previewAtom.set(null)
    if (result.frameIds.length === 0) {
      setStatus({ kind: 'info', text: t('clustering.nothingLeft') })
      buttonRef.current?.focus()
      return
    }
    const applied = t('clustering.applied', { count: result.frameIds.length })
    const skipped = result.skipped > 0 ? ` ${t('clustering.skipped', { count: result.skipped })}` : ''
    setStatus({ kind: 'info', text: applied + skipped })
    if (result.bounds) editor.zoomToBounds(result.bounds, { targetZoom: 1, animation: { duration: 250 } })
    // Back to the board, so that Ctrl+Z (tldraw's shortcut) undoes the whole step at once.
    editor.getContainer().focus()
    editor.focus()
  }

  return (
    <div className="cluster-suggest">
      <button
        ref={buttonRef}
        type="button"
        className="cluster-suggest__button"
        data-testid="cluster-suggest"
        aria-expanded={isOpen}
        aria-controls={isOpen ? panelId : undefined}
        aria-busy={busy}
        // Not `disabled` while busy: the button keeps the keyboard focus.
        aria-disabled={busy}
        disabled={readOnly}
        onClick={suggest}
      >
        {busy ? t('clustering.suggesting') : t('clustering.suggest')}
      </button>
      <span
        className={`cluster-suggest__status${status?.kind === 'error' ? ' is-error' : ''}`}
        role="status"
        data-testid="cluster-status"
      >
        {status?.text}
      </span>
      {preview && (
        <PreviewPanel
          id={panelId}
          headingId={headingId}
          headingRef={headingRef}
          placement={placement}
          editor={editor}
          preview={preview}
          readOnly={readOnly}
          onRename={(number, label) => previewAtom.update((p) => p && renameGroup(p, number, label))}
          onRemove={(number) => {
            const next = withoutGroup(preview, number)
            if (next.groups.length === 0) discard()
            else {
              previewAtom.set(next)
              headingRef.current?.focus()
            }
          }}
          onApply={apply}
          onDiscard={discard}
        />
      )}
    </div>
  )
}

/** Brings every proposed note into view, right of the panel. */
function frameNotes(editor: Editor, preview: ClusterPreview) {
  const bounds = preview.groups
    .flatMap((g) => movableNotes(editor, g.noteIds))
    .map((n) => editor.getShapePageBounds(n))
    .filter((b): b is Box => b !== undefined)
  if (bounds.length === 0) return
  const all = Box.Common(bounds)
  const viewport = editor.getViewportScreenBounds()
  // Widening the box by the panels' share of the screen keeps the notes out from under them.
  const free = Math.max(1, viewport.w - PANEL_PX - STYLE_PANEL_PX)
  const left = (all.w * PANEL_PX) / free
  const right = (all.w * STYLE_PANEL_PX) / free
  editor.zoomToBounds(new Box(all.x - left, all.y, all.w + left + right, all.h), {
    targetZoom: 1,
    animation: { duration: 250 },
  })
}

interface PreviewPanelProps {
  id: string
  headingId: string
  headingRef: RefObject<HTMLHeadingElement | null>
  /** Where the panel sits in the viewport (it is `position: fixed`). */
  placement: CSSProperties
  editor: Editor
  preview: ClusterPreview
  readOnly: boolean
  onRename(number: number, label: string): void
  onRemove(number: number): void
  onApply(): void
  onDiscard(): void
}

function PreviewPanel({
  id,
  headingId,
  headingRef,
  placement,
  editor,
  preview,
  readOnly,
  onRename,
  onRemove,
  onApply,
  onDiscard,
}: PreviewPanelProps) {
  const { t } = useTranslation()
  const texts = useNoteTexts(editor, preview)
  const applicable = preview.groups.some((g) => (texts.get(g.number)?.length ?? 0) > 0)
  return (
    <section
      id={id}
      className="side-panel cluster-panel"
      style={placement}
      aria-labelledby={headingId}
      data-testid="cluster-panel"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.stopPropagation()
        onDiscard()
      }}
    >
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('clustering.panelTitle')}
      </h2>
      <p className="panel-help">{t('clustering.intro')}</p>
      <ol className="cluster-panel__groups">
        {preview.groups.map((group) => {
          const notes = texts.get(group.number) ?? []
          const inputId = `${id}-label-${group.number}`
          return (
            <li
              key={group.number}
              className="cluster-group"
              data-testid={`cluster-group-${group.number}`}
              style={{ '--group-colour': group.colour } as CSSProperties}
            >
              <div className="cluster-group__head">
                <span className="cluster-group__number" aria-hidden="true">
                  {group.number}
                </span>
                <label htmlFor={inputId}>{t('clustering.groupName', { number: group.number })}</label>
              </div>
              <input
                id={inputId}
                type="text"
                className="panel-input cluster-group__label"
                data-testid={`cluster-label-${group.number}`}
                value={group.label}
                maxLength={MAX_LABEL}
                placeholder={group.suggestedLabel}
                onChange={(e) => onRename(group.number, e.target.value)}
              />
              <p className="cluster-group__count" data-testid={`cluster-count-${group.number}`}>
                {notes.length > 0 ? t('clustering.noteCount', { count: notes.length }) : t('clustering.emptyGroup')}
              </p>
              <ul className="cluster-group__notes">
                {notes.map((text, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two notes may read the same; their order is stable
                  <li key={i} className={text ? undefined : 'is-empty'}>
                    {text || t('clustering.emptyNote')}
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="cluster-group__remove"
                data-testid={`cluster-remove-${group.number}`}
                aria-label={t('clustering.removeLabel', { label: group.label.trim() || group.suggestedLabel })}
                onClick={() => onRemove(group.number)}
              >
                {t('clustering.remove')}
              </button>
            </li>
          )
        })}
      </ol>
      {preview.unclustered > 0 && (
        <p className="panel-help">{t('clustering.unclustered', { count: preview.unclustered })}</p>
      )}
      <div className="cluster-panel__actions">
        <button
          type="button"
          className="cluster-panel__apply"
          data-testid="cluster-apply"
          disabled={!applicable || readOnly}
          onClick={onApply}
        >
          {t('clustering.apply')}
        </button>
        <button type="button" className="cluster-panel__discard" data-testid="cluster-discard" onClick={onDiscard}>
          {t('clustering.discard')}
        </button>
      </div>
    </section>
  )
}

/** Each group's notes as plain text, live: notes deleted or moved into a frame meanwhile drop out. */
function useNoteTexts(editor: Editor, preview: ClusterPreview): Map<number, string[]> {
  const json = useValue(
    'cluster preview texts',
    () =>
      JSON.stringify(
        preview.groups.map((g) => [
          g.number,
          movableNotes(editor, g.noteIds).map((n) => richTextToPlain(n.props.richText)),
        ]),
      ),
    [editor, preview],
  )
  return new Map(JSON.parse(json) as [number, string[]][])
}
