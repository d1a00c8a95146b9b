/**
 * The tldraw schema of a board, built from the MIT `@tldraw/tlschema` so the
 * server validates records exactly as the pinned tldraw client does.
 */
import { createTLSchema, defaultShapeSchemas, type TLSchema } from '@tldraw/tlschema'
import { MAX_RECORD_JSON_CHARS, SHARED_RECORD_TYPES } from './boardDoc'
import { CHANTIER_SHAPE_TYPE, chantierShapeMigrations, chantierShapeProps } from './chantierShape'

/**
 * tldraw's default shapes plus ours (the chantier). The client builds the same
 * schema from its shape utils (defaultShapeUtils + ChantierShapeUtil, which
 * declares the same props and migrations), so both sides agree on every record.
 */
export function createBoardSchema(): TLSchema {
  return createTLSchema({
    shapes: {
      ...defaultShapeSchemas,
      [CHANTIER_SHAPE_TYPE]: { props: chantierShapeProps, migrations: chantierShapeMigrations },
    },
  })
}

export type RecordCheck = { ok: true } | { ok: false; reason: string }

const SHARED_TYPES: ReadonlySet<string> = new Set(SHARED_RECORD_TYPES)

/**
 * Whether `value` may be stored under `key` in the board: a document-scoped
 * tldraw record that passes the schema's validators, keyed by its own id, no
 * larger than MAX_RECORD_JSON_CHARS, and pointing at nothing outside our origin
 * (asset sources must be inline). The server refuses anything else; clients
 * use the same check before sending and on receipt.
 */
export function checkBoardRecord(schema: TLSchema, key: unknown, value: unknown): RecordCheck {
  if (typeof key !== 'string' || key.length === 0 || key.length > 256) return { ok: false, reason: 'bad key' }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'record is not an object' }
  const record = value as { id?: unknown; typeName?: unknown; props?: { src?: unknown } }
  if (record.id !== key) return { ok: false, reason: 'key differs from record id' }
  if (typeof record.typeName !== 'string' || !SHARED_TYPES.has(record.typeName)) {
    return { ok: false, reason: `record type not shared: ${String(record.typeName)}` }
  }
  const type = schema.types[record.typeName as keyof typeof schema.types]
  if (!type) return { ok: false, reason: `unknown record type ${record.typeName}` }
  try {
    type.validate(value)
  } catch (e) {
    return { ok: false, reason: `invalid ${record.typeName}: ${(e as Error).message}`.slice(0, 300) }
  }
  if (JSON.stringify(value).length > MAX_RECORD_JSON_CHARS) return { ok: false, reason: 'record too large' }
  if (record.typeName === 'asset') {
    const src = record.props?.src
    if (src !== null && src !== undefined && !(typeof src === 'string' && src.startsWith('data:'))) {
      return { ok: false, reason: 'asset source must be inline (data:)' }
    }
  }
  return { ok: true }
}
