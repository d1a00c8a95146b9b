/**
 * The exports of the version shown and of each workshop's snapshot in it
 * (JSON, CSV, Markdown, printable HTML), as plain download links: the
 * browser's cookies authenticate them. An admin reading with the admin token
 * has no cookie: the file is then fetched with the token and handed over.
 */
import { type MouseEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RoadmapVersion } from '../../shared/roadmap/roadmapSchema'
import { EXPORT_FORMATS, type ExportFormat, snapshotExportUrl, versionExportUrl } from './roadmapClient'
import { formatDateTime } from './roadmapText'

export function ExportLinks({ roadmap, token }: { roadmap: RoadmapVersion; token: string | null }) {
  const { t, i18n } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const download = async (event: MouseEvent<HTMLAnchorElement>, url: string) => {
    if (!token) return
    event.preventDefault()
    setError(null)
    try {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } })
      if (!res.ok) throw new Error(String(res.status))
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export'
      const href = URL.createObjectURL(await res.blob())
      const a = document.createElement('a')
      a.href = href
      a.download = name
      a.click()
      setTimeout(() => URL.revokeObjectURL(href), 60_000)
    } catch {
      setError(t('roadmap.exports.failed'))
    }
  }
  const links = (testId: string, url: (format: ExportFormat) => string, what: string) => (
    <ul className="roadmap-exports__formats">
      {EXPORT_FORMATS.map((format) => (
        <li key={format}>
          <a
            href={url(format)}
            download
            data-testid={`${testId}-${format}`}
            aria-label={t('roadmap.exports.linkLabel', { format: t(`roadmap.exports.formats.${format}`), what })}
            onClick={(e) => void download(e, url(format))}
          >
            {t(`roadmap.exports.formats.${format}`)}
          </a>
        </li>
      ))}
    </ul>
  )
  const version = t('roadmap.exports.version', { version: roadmap.version })
  return (
    <section
      className="roadmap-section roadmap-exports"
      aria-labelledby="roadmap-exports"
      data-testid="roadmap-exports"
    >
      <h2 id="roadmap-exports">{t('roadmap.exports.title')}</h2>
      <h3>{version}</h3>
      {links('export-version', (f) => versionExportUrl(roadmap.id, f), version)}
      {roadmap.ateliers.length > 0 && (
        <>
          <h3>{t('roadmap.exports.snapshots')}</h3>
          <ul className="roadmap-exports__ateliers">
            {roadmap.ateliers.map((a) => {
              const what = t('roadmap.exports.snapshot', {
                title: a.workshop.title,
                date: formatDateTime(a.createdAt, i18n.language),
              })
              return (
                <li key={a.snapshotId} data-testid="export-atelier">
                  <span>{what}</span>
                  {links(`export-snapshot-${a.workshop.id}`, (f) => snapshotExportUrl(a.snapshotId, f), what)}
                </li>
              )
            })}
          </ul>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
