/**
 * A stored snapshot or roadmap version as an export file: read back through
 * its schema (a body that does not match is a bug, never rendered half-way),
 * given the context the document itself does not carry (the démarche's name
 * of a workshop's snapshot), then rendered. The HTTP routes and the command
 * line both call these.
 */
import { RoadmapVersion } from '../../../shared/roadmap/roadmapSchema'
import { Snapshot } from '../../../shared/roadmap/snapshotSchema'
import type { Store } from '../../storage/store'
import { type ExportFile, type ExportFormat, renderExport } from './exportFormats'
import { roadmapView, snapshotView } from './exportView'

/** `body`: the snapshot's JSON text as stored (or as just built, for a live export). */
export async function snapshotExport(
  store: Pick<Store, 'getProcess'>,
  body: string,
  format: ExportFormat,
): Promise<ExportFile> {
  const snapshot = Snapshot.parse(JSON.parse(body))
  const processId = snapshot.workshop.processId
  const demarche = processId ? ((await store.getProcess(processId))?.nom ?? null) : null
  return renderExport(format, body, snapshotView(snapshot, { demarche }))
}

export function roadmapExport(body: string, format: ExportFormat): ExportFile {
  return renderExport(format, body, roadmapView(RoadmapVersion.parse(JSON.parse(body))))
}
