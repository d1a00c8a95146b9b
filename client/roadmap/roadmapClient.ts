/**
 * The roadmap API as the roadmap page calls it. The browser's cookies (the
 * reader grant, or a session of one of the démarche's workshops) authenticate;
 * an admin who opened the page from the home page reads with the admin token
 * instead (`token`).
 */
import type { JoinReaderResponse, RoadmapVersionSummary } from '../../shared/roadmap/roadmapApi'
import type { RoadmapDiff } from '../../shared/roadmap/roadmapDiff'
import type { RoadmapVersion } from '../../shared/roadmap/roadmapSchema'
import { apiRequest } from '../api'

const processPath = (id: string) => `/api/processes/${encodeURIComponent(id)}`
const versionPath = (id: string) => `/api/roadmap-versions/${encodeURIComponent(id)}`

export type ExportFormat = 'json' | 'csv' | 'md' | 'html'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'md', 'html']

export const roadmapClient = (processId: string, token?: string) => ({
  /** Trades the reader link's secret for the reader cookie. */
  join: (key: string) =>
    apiRequest<JoinReaderResponse>(`${processPath(processId)}/join`, { method: 'POST', body: { key } }),
  latest: (signal?: AbortSignal) => apiRequest<RoadmapVersion>(`${processPath(processId)}/roadmap`, { token, signal }),
  versions: (signal?: AbortSignal) =>
    apiRequest<RoadmapVersionSummary[]>(`${processPath(processId)}/roadmap-versions`, { token, signal }),
  version: (id: string, signal?: AbortSignal) => apiRequest<RoadmapVersion>(versionPath(id), { token, signal }),
  /** What changed from version `from` to version `to`. */
  diff: (from: string, to: string, signal?: AbortSignal) =>
    apiRequest<RoadmapDiff>(`${versionPath(from)}/diff/${encodeURIComponent(to)}`, { token, signal }),
})
export type RoadmapClient = ReturnType<typeof roadmapClient>

/** The download address of a roadmap version's export (h8's exporters). */
export function versionExportUrl(versionId: string, format: ExportFormat): string {
  return `${versionPath(versionId)}/export?format=${format}`
}

/** The download address of a workshop snapshot's export. */
export function snapshotExportUrl(snapshotId: string, format: ExportFormat): string {
  return `/api/snapshots/${encodeURIComponent(snapshotId)}/export?format=${format}`
}

/** Where « Voir sur le tableau » goes: the workshop's board, zoomed to that shape. */
export function boardFocusUrl(workshopId: string, shapeId: string): string {
  return `/w/${encodeURIComponent(workshopId)}?focus=${encodeURIComponent(shapeId)}`
}
