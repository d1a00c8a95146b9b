/**
 * The four export formats and what a download of each looks like: its bytes,
 * its media type and its file name. The HTTP routes and the command line both
 * go through `renderExport`, so a file is the same whichever way it was made.
 */
import { exportCsv } from './csvExport'
import type { ExportView } from './exportView'
import { dayOf } from './frenchFormat'
import { exportHtml } from './htmlExport'
import { exportMarkdown } from './markdownExport'

export const EXPORT_FORMATS = ['json', 'csv', 'md', 'html'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportFile {
  body: string
  contentType: string
  /** ASCII only, safe in any header and on any file system: `<slug>-<date>.<ext>`. */
  fileName: string
  /** The same with the title as written (accents kept), for `filename*`. */
  fileNameUtf8: string
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
}

/** `stored`: the snapshot's or version's JSON text as stored — the JSON export is those very bytes. */
export function renderExport(format: ExportFormat, stored: string, view: ExportView): ExportFile {
  const body =
    format === 'json'
      ? stored
      : format === 'csv'
        ? exportCsv(view)
        : format === 'md'
          ? exportMarkdown(view)
          : exportHtml(view)
  const suffix = `-${dayOf(view.createdAt)}.${format}`
  return {
    body,
    contentType: CONTENT_TYPES[format],
    fileName: `${asciiSlug(view.title)}${suffix}`,
    fileNameUtf8: `${fileSafe(view.title)}${suffix}`,
  }
}

/** Both names (RFC 6266): user text only ever percent-encoded or reduced to [a-z0-9-]. */
export function contentDisposition(file: ExportFile, disposition: 'attachment' | 'inline' = 'attachment'): string {
  return `${disposition}; filename="${file.fileName}"; filename*=UTF-8''${encodeRfc5987(file.fileNameUtf8)}`
}

/** « Atelier chantiers — Aisne » → `atelier-chantiers-aisne`. */
export function asciiSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/æ/gi, 'ae')
    .replace(/œ/gi, 'oe')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '')
  return slug || 'export'
}

/** The title without what file systems refuse (path separators, reserved characters, control characters). */
function fileSafe(title: string): string {
  const cleaned = title
    .replace(/[\p{C}/\\:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  // By code point: cutting a surrogate pair in two would leave text encodeURIComponent refuses.
  const name = Array.from(cleaned).slice(0, 80).join('').trim()
  return name.replace(/^\.+/, '') || 'export'
}

/** RFC 5987 `value-chars`: encodeURIComponent leaves `'()*` as they are, which that grammar does not allow. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
