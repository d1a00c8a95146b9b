/**
 * The Synthèse: the board model (useBoardModel, the derivation the server's
 * snapshot uses) as a side list, live — the enjeux with their notes, the notes
 * not clustered yet, the parked ones, and the chantiers with porteur,
 * échéance, linked enjeux and, once results may be seen, their points and
 * rank (the list is then in rank order). Clicking an item shows it on the
 * canvas, clear of the panels, and selects it (a chantier opens its panel).
 *
 * It sits on the left where the results panel goes (useSynthesisDrawer: they
 * take turns), the chantier's panel keeping the right. Long lists of notes
 * show a page at a time: a board of 2,000 notes stays quick to redraw. User
 * text is rendered by React, i.e. escaped.
 */
import type { TFunction } from 'i18next'
import { memo, type ReactNode, type RefObject, useCallback, useDeferredValue, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor, TLShapeId } from 'tldraw'
import { CHANTIER_SHAPE_TYPE } from '../../../shared/chantierShape'
import {
  type BoardModel,
  byRank,
  type ItemVotes,
  type ModelChantier,
  type ModelNote,
} from '../../../shared/model/boardModel'
import { rankText, tiedRanks } from '../../voting/rankLabels'
import { useBoardModel } from '../useBoardModel'
import { boardCounts, countsText } from './boardCounts'
import { focusCamera } from './focusCamera'
import { SYNTHESIS_PANEL_ID, SYNTHESIS_TOGGLE_ID, useSynthesisDrawer } from './useSynthesisDrawer'
import './synthesis.css'

/** Notes shown at first, and added by each « Afficher … de plus », in one list. */
const NOTES_STEP = 50
/** Screen width the chantier's panel takes on the right once a chantier is selected (chantier.css). */
const CHANTIER_PANEL_PX = 336

export function SynthesisPanel({ editor }: { editor: Editor }) {
  const { open, setOpen } = useSynthesisDrawer()
  if (!open) return null
  const close = () => {
    setOpen(false)
    document.getElementById(SYNTHESIS_TOGGLE_ID)?.focus()
  }
  return <SynthesisView editor={editor} onClose={close} />
}

type Focus = (id: string) => void

function SynthesisView({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const { t } = useTranslation()
  // The lists redraw in the background (a drag on a board of 2,000 notes stays smooth); counts follow with them.
  const model = useDeferredValue(useBoardModel(editor))
  const headingId = useId()
  const panel = useRef<HTMLElement>(null)
  const focus = useCallback<Focus>((id) => showOnCanvas(editor, id, panel), [editor])
  return (
    <aside
      ref={panel}
      id={SYNTHESIS_PANEL_ID}
      className="side-panel side-panel--docked synthesis-panel"
      aria-labelledby={headingId}
      data-testid="synthesis-panel"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.preventDefault()
        onClose()
      }}
    >
      <header className="side-panel__header">
        <h2 id={headingId}>{t('synthesis.title')}</h2>
        <button
          type="button"
          className="side-panel__close"
          aria-label={t('synthesis.close')}
          title={t('synthesis.close')}
          data-testid="synthesis-close"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <SynthesisLists model={model} onFocus={focus} />
    </aside>
  )
}

/** Memoised on the model: a render for anything else (a deferred one pending) leaves the lists be. */
const SynthesisLists = memo(function SynthesisLists({ model, onFocus: focus }: { model: BoardModel; onFocus: Focus }) {
  const { t, i18n } = useTranslation()
  const tied = tiedRanks(model.vote?.results.ranking ?? [])
  const badge = (votes: ItemVotes | null) => voteBadge(t, i18n.language, votes, tied)
  const notes = byRank(model.notes)
  const loose = notes.filter((n) => n.enjeuId === null && !n.parking)
  const parked = notes.filter((n) => n.parking)
  const notesOf = new Map<string, ModelNote[]>()
  for (const n of notes) {
    if (n.enjeuId === null) continue
    const list = notesOf.get(n.enjeuId)
    if (list) list.push(n)
    else notesOf.set(n.enjeuId, [n])
  }
  const titles = new Map(model.enjeux.map((e) => [e.id, e.titre || t('synthesis.untitledEnjeu')]))
  const chantiers = byRank(model.chantiers)
  const ranked = model.chantiers.some((c) => c.votes !== null)
  const ChantierList = ranked ? 'ol' : 'ul'

  return (
    <>
      <p className="synthesis-panel__counts" data-testid="synthesis-panel-counts">
        {countsText(t, boardCounts(model))}
      </p>
      {model.vote?.session.status === 'open' && <p className="panel-help">{t('synthesis.votesLive')}</p>}

      <Section id="enjeux" title={t('synthesis.sectionEnjeux')}>
        {model.enjeux.length === 0 ? (
          <p className="panel-help is-empty">{t('synthesis.noEnjeux')}</p>
        ) : (
          <ul className="synthesis-enjeux">
            {byRank(model.enjeux).map((enjeu) => (
              <li key={enjeu.id} className="synthesis-enjeu" data-testid="synthesis-enjeu" data-id={enjeu.id}>
                <h4>
                  <ItemButton
                    id={enjeu.id}
                    text={titles.get(enjeu.id) as string}
                    empty={!enjeu.titre}
                    onFocus={focus}
                  />
                  <span className="synthesis-enjeu__count">
                    {t('synthesis.notes', { count: enjeu.noteIds.length })}
                  </span>
                  <Badge text={badge(enjeu.votes)} />
                </h4>
                <NoteList
                  notes={notesOf.get(enjeu.id) ?? []}
                  empty={t('synthesis.emptyEnjeu')}
                  badge={badge}
                  onFocus={focus}
                />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="loose" title={t('synthesis.sectionLoose')}>
        <NoteList notes={loose} empty={t('synthesis.noLoose')} badge={badge} onFocus={focus} />
      </Section>

      <Section id="parking" title={t('synthesis.sectionParking')}>
        <NoteList notes={parked} empty={t('synthesis.noParking')} badge={badge} onFocus={focus} />
      </Section>

      <Section id="chantiers" title={t('synthesis.sectionChantiers')}>
        {chantiers.length === 0 ? (
          <p className="panel-help is-empty">{t('synthesis.noChantiers')}</p>
        ) : (
          <>
            {ranked && <p className="panel-help">{t('synthesis.ranked')}</p>}
            <ChantierList className="synthesis-chantiers">
              {chantiers.map((c) => (
                <ChantierItem key={c.id} chantier={c} titles={titles} badge={badge(c.votes)} onFocus={focus} />
              ))}
            </ChantierList>
          </>
        )}
      </Section>
    </>
  )
})

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const headingId = useId()
  return (
    <section className="synthesis-section" aria-labelledby={headingId} data-testid={`synthesis-section-${id}`}>
      <h3 id={headingId}>{title}</h3>
      {children}
    </section>
  )
}

function ChantierItem({
  chantier: c,
  titles,
  badge,
  onFocus,
}: {
  chantier: ModelChantier
  titles: Map<string, string>
  badge: string | null
  onFocus: Focus
}) {
  const { t } = useTranslation()
  const none = <span className="is-empty">{t('synthesis.none')}</span>
  return (
    <li
      className="synthesis-chantier"
      data-testid="synthesis-chantier"
      data-id={c.id}
      data-rank={c.votes?.rang ?? ''}
      data-votes={c.votes?.votes ?? ''}
    >
      <h4>
        <ItemButton id={c.id} text={c.titre || t('synthesis.untitledChantier')} empty={!c.titre} onFocus={onFocus} />
        <Badge text={badge} />
      </h4>
      <dl className="synthesis-chantier__facts">
        <div>
          <dt>{t('synthesis.porteur')}</dt>
          <dd data-testid="synthesis-chantier-porteur">{c.porteur || none}</dd>
        </div>
        <div>
          <dt>{t('synthesis.echeance')}</dt>
          <dd data-testid="synthesis-chantier-echeance">{c.echeance || none}</dd>
        </div>
        <div>
          <dt>{t('synthesis.enjeux')}</dt>
          <dd data-testid="synthesis-chantier-enjeux">
            {c.enjeuIds.length === 0 ? none : c.enjeuIds.map((id) => titles.get(id)).join(', ')}
          </dd>
        </div>
      </dl>
    </li>
  )
}

interface NoteListProps {
  notes: readonly ModelNote[]
  empty: string
  badge(votes: ItemVotes | null): string | null
  onFocus: Focus
}

function NoteList({ notes, empty, badge, onFocus }: NoteListProps) {
  const { t } = useTranslation()
  const [limit, setLimit] = useState(NOTES_STEP)
  if (notes.length === 0) return <p className="panel-help is-empty">{empty}</p>
  const rest = notes.length - limit
  return (
    <>
      <ul className="synthesis-notes">
        {notes.slice(0, limit).map((n) => (
          <NoteItem key={n.id} id={n.id} texte={n.texte} badge={badge(n.votes)} onFocus={onFocus} />
        ))}
      </ul>
      {rest > 0 && (
        <button
          type="button"
          className="synthesis-more"
          data-testid="synthesis-more"
          onClick={() => setLimit(limit + NOTES_STEP)}
        >
          {t('synthesis.showMore', { count: Math.min(rest, NOTES_STEP) })}
        </button>
      )}
    </>
  )
}

/** One note of a list; memoised on its text and badge, so a change elsewhere leaves it be. */
const NoteItem = memo(function NoteItem({
  id,
  texte,
  badge,
  onFocus,
}: {
  id: string
  texte: string
  badge: string | null
  onFocus: Focus
}) {
  const { t } = useTranslation()
  return (
    <li className="synthesis-note" data-testid="synthesis-note" data-id={id}>
      <ItemButton id={id} text={texte || t('synthesis.emptyNote')} empty={!texte} onFocus={onFocus} />
      <Badge text={badge} />
    </li>
  )
})

function ItemButton({ id, text, empty, onFocus }: { id: string; text: string; empty: boolean; onFocus: Focus }) {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className={`synthesis-item${empty ? ' is-empty' : ''}`}
      title={t('synthesis.zoomTo')}
      data-testid="synthesis-focus"
      data-target={id}
      onClick={() => onFocus(id)}
    >
      {text}
    </button>
  )
}

function Badge({ text }: { text: string | null }) {
  if (!text) return null
  return (
    <span className="synthesis-rank" data-testid="synthesis-rank">
      {text}
    </span>
  )
}

/** « 1er · 5 pts », « 2e ex æquo · 3 pts » (the results panel's words), or null without votes. */
function voteBadge(t: TFunction, language: string, votes: ItemVotes | null, tied: Set<number>): string | null {
  if (!votes) return null
  return t('voting.badge', {
    rank: rankText(t, language, votes.rang, tied.has(votes.rang)),
    points: t('voting.points', { count: votes.votes }),
  })
}

/** Selects the item and brings it into view beside the panels. */
function showOnCanvas(editor: Editor, id: string, panel: RefObject<HTMLElement | null>) {
  const shape = editor.getShape(id as TLShapeId)
  if (!shape) return
  const page = editor.getAncestorPageId(shape)
  if (page && page !== editor.getCurrentPageId()) editor.setCurrentPage(page)
  const bounds = editor.getShapePageBounds(shape)
  if (!bounds) return
  const container = editor.getContainer().getBoundingClientRect()
  const left = panel.current ? Math.max(0, panel.current.getBoundingClientRect().right - container.left) : 0
  const right = shape.type === CHANTIER_SHAPE_TYPE ? CHANTIER_PANEL_PX : 0
  const screen = editor.getViewportScreenBounds()
  editor.select(shape.id)
  editor.setCamera(focusCamera(bounds, screen, { left, right }), { animation: { duration: 320 } })
}
