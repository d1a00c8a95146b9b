/**
 * Responses of the roadmap API besides a version itself (its type is
 * `RoadmapVersion`, shared/roadmap/roadmapSchema.ts) and a diff
 * (`RoadmapDiff`, roadmapDiff.ts): free of zod, for the client.
 */

/** `POST /api/processes` and `POST /api/processes/:pid/reader-link/rotate`: the démarche's reader link. */
export interface ReaderLinks {
  /** `<base>/d/<processId>#k=<secret>`: the secret is in the fragment, as for workshop links. */
  reader: string
}

/** `GET /api/processes/:pid/roadmap-versions`: one entry per version, oldest first. */
export interface RoadmapVersionSummary {
  id: string
  version: number
  /** ISO date-time, as in the version. */
  createdAt: string
  sha256: string
}

/** `POST /api/processes/:pid/join`: the reader cookie is set; the démarche joined. */
export interface JoinReaderResponse {
  demarche: { id: string; nom: string }
}

/** Name of a démarche's reader link route on the client. */
export function roadmapPath(processId: string): string {
  return `/d/${processId}`
}
