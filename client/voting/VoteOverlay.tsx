/**
 * Dot voting on the canvas (tldraw's `OnTheCanvas`, page space): on each item
 * of the open session, a « + » to place a dot, my dots, and a « − » to take
 * one back; once results may be seen, a badge with the item's rank and total.
 *
 * The controls follow their shape (page coordinates: the camera moves them
 * with it) and keep a readable size at any zoom: they are scaled by tldraw's
 * `--tl-scale` (1 / zoom), within bounds, in voting.css. Only the buttons take
 * pointer events, and they stop them, so tldraw's selection and dragging work
 * everywhere else. Observers get the badges, never the buttons.
 */
import type { PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { type TLShapeId, useEditor, useValue } from 'tldraw'
import { itemTitle } from './itemTitle'
import { dotsOn } from './ownDots'
import { rankLabel, tiedRanks } from './rankLabels'
import { useItemName } from './useItemName'
import { useVoting } from './useVoting'
import './voting.css'

interface Anchor {
  id: string
  /** Page coordinates of the shape's bounds. */
  left: number
  right: number
  top: number
  bottom: number
  title: ReturnType<typeof itemTitle>
}

/** Dots drawn one by one up to this many; beyond, « ●×7 ». */
const DRAWN_DOTS = 5

const stop = (e: PointerEvent) => e.stopPropagation()

export function VoteOverlay() {
  const editor = useEditor()
  const { t, i18n } = useTranslation()
  const voting = useVoting()
  const name = useItemName()
  const { session, results, canVote, own } = voting
  const voteIds = canVote && session ? session.targetIds : []
  const rankedIds = results ? results.ranking.map((r) => r.targetId) : []
  const idsKey = [...new Set([...voteIds, ...rankedIds])].join(' ')

  // A string, so the overlay re-renders only when an item moves or is renamed.
  const json = useValue('vote anchors', () => {
    const pageId = editor.getCurrentPageId()
    const anchors: Anchor[] = []
    if (!idsKey) return '[]'
    for (const id of idsKey.split(' ')) {
      const shape = editor.getShape(id as TLShapeId)
      if (!shape || editor.getAncestorPageId(shape) !== pageId) continue
      const b = editor.getShapePageBounds(shape)
      if (!b) continue
      anchors.push({ id, left: b.minX, right: b.maxX, top: b.minY, bottom: b.maxY, title: itemTitle(shape) })
    }
    return JSON.stringify(anchors)
  }, [editor, idsKey])
  const anchors = JSON.parse(json) as Anchor[]
  if (anchors.length === 0) return null

  const byId = new Map(results?.ranking.map((r) => [r.targetId, r]))
  const tied = tiedRanks(results?.ranking ?? [])
  const votable = new Set(voteIds)
  return (
    <div className="canvas-layer vote-overlay" data-testid="vote-overlay">
      {anchors.map((a) => {
        const title = name(a.title)
        const ranked = byId.get(a.id)
        const mine = dotsOn(own, a.id)
        return (
          <div key={a.id}>
            {ranked && (
              <div className="vote-anchor" style={{ left: a.right, top: a.top }}>
                <span
                  className={`vote-badge${ranked.rank === 1 ? ' is-first' : ''}`}
                  data-testid={`vote-badge-${a.id}`}
                  data-rank={ranked.rank}
                  data-votes={ranked.votes}
                >
                  {rankLabel(t, i18n.language, ranked, tied.has(ranked.rank))}
                </span>
              </div>
            )}
            {votable.has(a.id) && (
              <div className="vote-anchor" style={{ left: a.right, top: a.bottom }}>
                {/* biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form fieldset */}
                <div className="vote-dots" role="group" aria-label={t('voting.item', { title })}>
                  {mine > 0 && (
                    <span
                      className="vote-dots__mine"
                      role="img"
                      aria-label={t('voting.mine', { count: mine })}
                      data-testid={`vote-mine-${a.id}`}
                      data-count={mine}
                    >
                      {mine <= DRAWN_DOTS ? '●'.repeat(mine) : `●×${mine}`}
                    </span>
                  )}
                  {mine > 0 && (
                    <button
                      type="button"
                      className="vote-dots__button"
                      aria-label={t('voting.retract', { title })}
                      title={t('voting.retract', { title })}
                      data-testid={`vote-remove-${a.id}`}
                      onPointerDown={stop}
                      onPointerUp={stop}
                      onClick={() => voting.store.retract(a.id)}
                    >
                      −
                    </button>
                  )}
                  <button
                    type="button"
                    className={`vote-dots__button is-add${own.remaining === 0 ? ' is-spent' : ''}`}
                    aria-label={t('voting.vote', { title })}
                    title={t('voting.vote', { title })}
                    data-testid={`vote-add-${a.id}`}
                    onPointerDown={stop}
                    onPointerUp={stop}
                    onClick={() => voting.store.place(a.id)}
                  >
                    +
                  </button>
                </div>
              </div>
            )}
          </div>
        )
      })}
    </div>
  )
}
