/**
 * The JSON Schemas Atelier publishes under `/schemas/` (JSON Schema 2020-12),
 * generated from the zod schemas that also give the TypeScript types and
 * validate what the server stores — one source, so the published file cannot
 * drift from the data.
 */
import { z } from 'zod'
import { RoadmapVersion } from './roadmapSchema'
import { Snapshot } from './snapshotSchema'

/** Published schemas by file name: `/schemas/<file>`. */
export const PUBLISHED_SCHEMAS: Record<string, z.ZodType> = {
  'roadmap-v1.json': Snapshot,
  'roadmap-version-v1.json': RoadmapVersion,
}

/** Generated once per file: the zod schemas are fixed for the life of the process. */
const generated = new Map<string, Record<string, unknown>>()

/** The JSON Schema of `file`, identified by `url` (its absolute address), or null if none is published there. */
export function publishedJsonSchema(file: string, url: string): Record<string, unknown> | null {
  const schema = Object.hasOwn(PUBLISHED_SCHEMAS, file) ? PUBLISHED_SCHEMAS[file] : undefined
  if (!schema) return null
  let json = generated.get(file)
  if (!json) {
    json = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>
    generated.set(file, json)
  }
  const { $schema, ...rest } = json
  return { $schema, $id: url, ...rest }
}
