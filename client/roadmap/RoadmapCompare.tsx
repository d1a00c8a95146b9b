/**
 * « Comparer avec… »: another version of the roadmap against the one shown,
 * the older one first, and what changed in words (the server's diff):
 * enjeux and chantiers added, removed, renamed, enjeux merged, notes moved,
 * rank changes.
 */
import { type ReactNode, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RoadmapVersionSummary } from '../../shared/roadmap/roadmapApi'
import { isEmptyDiff, type RoadmapDiff } from '../../shared/roadmap/roadmapDiff'
import type { RoadmapVersion } from '../../shared/roadmap/roadmapSchema'
import { apiErrorMessage } from '../apiErrorMessage'
import { ordinal } from '../voting/rankLabels'
import type { RoadmapClient } from './roadmapClient'
import { formatDateTime } from './roadmapText'

export interface RoadmapCompareProps {
  roadmap: RoadmapVersion
  versions: RoadmapVersionSummary[]
  client: RoadmapClient
}

type Comparison =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; diff: RoadmapDiff }
  | { status: 'failed'; message: string }

export function RoadmapCompare({ roadmap, versions, client }: RoadmapCompareProps) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [other, setOther] = useState('')
  const [comparison, setComparison] = useState<Comparison>({ status: 'idle' })
  const others = versions.filter((v) => v.id !== roadmap.id).reverse()

  useEffect(() => {
    setComparison({ status: 'idle' })
    const picked = versions.find((v) => v.id === other)
    if (!picked) return
    const abort = new AbortController()
    const [from, to] = picked.version < roadmap.version ? [picked.id, roadmap.id] : [roadmap.id, picked.id]
    setComparison({ status: 'loading' })
    client.diff(from, to, abort.signal).then(
      (diff) => setComparison({ status: 'done', diff }),
      (e: unknown) => {
        if (!abort.signal.aborted) setComparison({ status: 'failed', message: apiErrorMessage(t, e) })
      },
    )
    return () => abort.abort()
  }, [other, roadmap.id, roadmap.version, versions, client, t])

  if (others.length === 0) return null
  return (
    <section className="roadmap-section roadmap-compare" aria-labelledby={`${id}-title`} data-testid="roadmap-compare">
      <h2 id={`${id}-title`}>{t('roadmap.compare.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-other`}>{t('roadmap.compare.with')}</label>
        <select
          id={`${id}-other`}
          data-testid="roadmap-compare-picker"
          value={other}
          onChange={(e) => setOther(e.target.value)}
        >
          <option value="">{t('roadmap.compare.none')}</option>
          {others.map((v) => (
            <option key={v.id} value={v.id}>
              {t('roadmap.versionOption', { version: v.version, date: formatDateTime(v.createdAt, i18n.language) })}
            </option>
          ))}
        </select>
      </div>
      <div aria-live="polite">
        {comparison.status === 'loading' && <p className="muted">{t('roadmap.compare.loading')}</p>}
        {comparison.status === 'failed' && (
          <p className="error" role="alert">
            {comparison.message}
          </p>
        )}
        {comparison.status === 'done' && <DiffInWords diff={comparison.diff} />}
      </div>
    </section>
  )
}

function DiffInWords({ diff }: { diff: RoadmapDiff }) {
  const { t, i18n } = useTranslation()
  const quote = (text: string) => t('roadmap.compare.quoted', { text })
  const place = (rank: number | null) => (rank === null ? null : ordinal(rank, i18n.language))
  const groups: { key: string; title: string; items: ReactNode[] }[] = [
    {
      key: 'enjeux-added',
      title: t('roadmap.compare.enjeuxAdded'),
      items: diff.enjeux.added.map((e) => quote(e.titre)),
    },
    {
      key: 'enjeux-removed',
      title: t('roadmap.compare.enjeuxRemoved'),
      items: diff.enjeux.removed.map((e) => quote(e.titre)),
    },
    {
      key: 'enjeux-renamed',
      title: t('roadmap.compare.enjeuxRenamed'),
      items: diff.enjeux.renamed.map((r) => t('roadmap.compare.renamed', { before: r.before, after: r.after })),
    },
    {
      key: 'enjeux-merged',
      title: t('roadmap.compare.enjeuxMerged'),
      items: diff.enjeux.merged.map((m) =>
        t('roadmap.compare.merged', {
          enjeux: m.enjeux.map((e) => quote(e.titre)).join(t('roadmap.compare.and')),
          into: m.into.titre,
        }),
      ),
    },
    {
      key: 'notes-moved',
      title: t('roadmap.compare.notesMoved'),
      items: diff.notes.moved.map((n) =>
        t('roadmap.compare.moved', { texte: n.texte, from: n.from.titre, to: n.to.titre }),
      ),
    },
    {
      key: 'chantiers-added',
      title: t('roadmap.compare.chantiersAdded'),
      items: diff.chantiers.added.map((c) => quote(c.titre)),
    },
    {
      key: 'chantiers-removed',
      title: t('roadmap.compare.chantiersRemoved'),
      items: diff.chantiers.removed.map((c) => quote(c.titre)),
    },
    {
      key: 'chantiers-renamed',
      title: t('roadmap.compare.chantiersRenamed'),
      items: diff.chantiers.renamed.map((r) => t('roadmap.compare.renamed', { before: r.before, after: r.after })),
    },
    {
      key: 'ranks',
      title: t('roadmap.compare.ranks'),
      items: diff.ranks.map((r) => {
        const [before, after] = [place(r.before), place(r.after)]
        if (before && after) return t('roadmap.compare.rankMoved', { titre: r.titre, before, after })
        if (after) return t('roadmap.compare.rankEntered', { titre: r.titre, after })
        return t('roadmap.compare.rankLeft', { titre: r.titre, before: before ?? '' })
      }),
    },
  ].filter((g) => g.items.length > 0)

  return (
    <div className="roadmap-diff" data-testid="roadmap-diff">
      <p>{t('roadmap.compare.between', { from: diff.from.version, to: diff.to.version })}</p>
      {isEmptyDiff(diff) ? (
        <p className="muted" data-testid="roadmap-diff-empty">
          {t('roadmap.compare.same')}
        </p>
      ) : (
        groups.map((g) => (
          <section key={g.key} data-testid={`roadmap-diff-${g.key}`}>
            <h3>{g.title}</h3>
            <ul>
              {g.items.map((item, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of sentences
                <li key={i}>{item}</li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  )
}
