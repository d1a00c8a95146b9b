/**
 * The "chantier" (work stream) shape: its type name and props, the contract
 * between the board model (shared/model), the server's record validation and
 * the client's tldraw ShapeUtil.
 *
 * The validators and migrations below are the single definition of the shape:
 * shared/boardSchema.ts puts them in the server's tldraw schema, and the
 * client's ChantierShapeUtil declares the very same objects, so a record is
 * valid on one side exactly when it is valid on the other. Only MIT
 * `@tldraw/tlschema` / `@tldraw/validate` here: this module runs in Node.
 *
 * The ANCT's fields of an action (contexte, besoins, budgetGlobal,
 * dateDeDebut, coFinancements, perimetreGeographique: what a roadmap carries
 * into the ANCT's platform) are optional props. tldraw's object validator
 * checks each declared key, and `T.optional` lets an absent key through, so a
 * record stored before they existed — or a card nobody filled in — is still
 * valid as it is: no props migration, no new schema version (the serialised
 * schemas of client and server stay equal). A present key is checked like any
 * other prop; an unknown key is still refused. Readers take an absent field
 * as empty (shared/model/boardModel.ts).
 */
import {
  createShapePropsMigrationSequence,
  type RecordProps,
  shapeIdValidator,
  type TLBaseShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'

export const CHANTIER_SHAPE_TYPE = 'chantier'

export interface ChantierProps {
  w: number
  h: number
  titre: string
  description: string
  /** The organisation that carries the chantier. */
  porteur: string
  partenaires: string[]
  /** Free text or an ISO date (YYYY-MM or YYYY-MM-DD), as the group writes it. */
  echeance: string
  /** Ids of the cluster frames (enjeux) this chantier answers. */
  enjeuIds: string[]
  /** Why the chantier: the territory's situation (ANCT « contexte »). */
  contexte?: string
  /** What it takes: people, equipment, money (ANCT « besoins »). */
  besoins?: string
  /** The total budget as typed, e.g. « 12 000 € » (ANCT « budgetGlobal »; the snapshot reads the number). */
  budgetGlobal?: string
  /** When it starts: free text or an ISO date, like `echeance` (ANCT « dateDeDebut »). */
  dateDeDebut?: string
  /** Co-funders, one organisation each (ANCT « coFinancements »). */
  coFinancements?: string[]
  /** The area it covers: the département, an EPCI, communes (ANCT « perimetreGeographique »). */
  perimetreGeographique?: string
}

export type ChantierShape = TLBaseShape<typeof CHANTIER_SHAPE_TYPE, ChantierProps>

/** Upper bounds of a chantier's props, enforced by the schema (server and client). */
export const CHANTIER_LIMITS = {
  /** characters */
  titre: 200,
  description: 4000,
  porteur: 200,
  partenaire: 200,
  echeance: 40,
  contexte: 4000,
  besoins: 4000,
  budgetGlobal: 40,
  dateDeDebut: 40,
  coFinancement: 200,
  perimetreGeographique: 200,
  /** entries */
  partenaires: 30,
  coFinancements: 30,
  enjeuIds: 100,
} as const

function boundedString(max: number): T.Validator<string> {
  return T.string.check((value) => {
    if (value.length > max) throw new T.ValidationError(`Expected at most ${max} characters, got ${value.length}`)
  })
}

function boundedArray<V>(item: T.Validatable<V>, max: number): T.Validator<V[]> {
  // Length first: a huge array is refused before its items are looked at.
  return T.array
    .check((value) => {
      if (value.length > max) throw new T.ValidationError(`Expected at most ${max} items, got ${value.length}`)
    })
    .refine((value) => T.arrayOf(item).validate(value))
}

const enjeuIdsValidator = boundedArray(shapeIdValidator, CHANTIER_LIMITS.enjeuIds).check((ids) => {
  if (new Set(ids).size !== ids.length) throw new T.ValidationError('Expected distinct enjeu ids')
})

/** tldraw props validators of the chantier shape (unknown props are refused by tldraw's object validator). */
export const chantierShapeProps: RecordProps<ChantierShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  titre: boundedString(CHANTIER_LIMITS.titre),
  description: boundedString(CHANTIER_LIMITS.description),
  porteur: boundedString(CHANTIER_LIMITS.porteur),
  partenaires: boundedArray(boundedString(CHANTIER_LIMITS.partenaire), CHANTIER_LIMITS.partenaires),
  echeance: boundedString(CHANTIER_LIMITS.echeance),
  enjeuIds: enjeuIdsValidator,
  contexte: boundedString(CHANTIER_LIMITS.contexte).optional(),
  besoins: boundedString(CHANTIER_LIMITS.besoins).optional(),
  budgetGlobal: boundedString(CHANTIER_LIMITS.budgetGlobal).optional(),
  dateDeDebut: boundedString(CHANTIER_LIMITS.dateDeDebut).optional(),
  coFinancements: boundedArray(boundedString(CHANTIER_LIMITS.coFinancement), CHANTIER_LIMITS.coFinancements).optional(),
  perimetreGeographique: boundedString(CHANTIER_LIMITS.perimetreGeographique).optional(),
}

/**
 * Props migrations of the chantier shape. Empty for now (the ANCT fields are
 * optional props, which need none): when a prop changes or a required one is
 * added, add a step here (with `createShapePropsMigrationIds`), never edit the
 * props in place — boards already stored hold records of every earlier version.
 */
export const chantierShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

/** Default size of a new chantier card, in page units. */
export const CHANTIER_DEFAULT_SIZE = { w: 360, h: 240 } as const

/** A new card carries no ANCT field: they appear once someone fills them in (ChantierPanel). */
export function defaultChantierProps(): ChantierProps {
  return {
    ...CHANTIER_DEFAULT_SIZE,
    titre: '',
    description: '',
    porteur: '',
    partenaires: [],
    echeance: '',
    enjeuIds: [],
  }
}
