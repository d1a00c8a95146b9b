/**
 * A snapshot as the server stores one (valid against the v1 schema), of a CDN
 * chantiers workshop: two enjeux, three chantiers (two tied), a parked note,
 * organisations of three collèges. `overrides` puts other texts in.
 */
import { Snapshot } from '../../shared/roadmap/snapshotSchema'

export function sampleSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return Snapshot.parse({
    id: 'snap-1',
    schemaVersion: 1,
    createdAt: '2026-03-12T13:05:00.000Z',
    createdBy: { participantId: 'p-fanny' },
    previousId: null,
    sha256: 'a'.repeat(64),
    workshop: { id: 'w-chantiers', kind: 'chantiers', title: 'Atelier chantiers — Aisne', processId: 'proc-aisne' },
    membres: [
      { id: 'm1', nom: 'Conseil départemental de l’Aisne', college: 'departement', participants: 2 },
      { id: 'm2', nom: 'Association « Clic & Toi »', college: 'associations', participants: 1 },
      { id: 'm3', nom: 'Préfecture', college: 'etat', participants: 1 },
    ],
    enjeux: [
      enjeu('shape:reseau', 'Couverture réseau', ['shape:n-fibre', 'shape:n-debit']),
      enjeu('shape:inclusion', 'Inclusion numérique', ['shape:n-aidants']),
    ],
    chantiers: [
      chantier('shape:c-fibre', 'Fibre partout', ['shape:reseau'], ['shape:n-fibre', 'shape:n-debit'], 3, 2, {
        departement: 3,
      }),
      chantier('shape:c-aidants', 'Former 40 aidants', ['shape:inclusion'], ['shape:n-aidants'], 5, 1, {
        associations: 3,
        etat: 2,
      }),
      chantier('shape:c-tiers', 'Tiers-lieux', ['shape:inclusion', 'shape:reseau'], [], 3, 2, { etat: 3 }),
      chantier('shape:c-new', 'Idée sans vote', [], [], null, null, {}),
    ],
    notes: [
      note('shape:n-fibre', 'Pas de fibre', 'shape:reseau'),
      note('shape:n-debit', 'Débit trop faible', 'shape:reseau'),
      note('shape:n-aidants', 'Former les aidants', 'shape:inclusion'),
      { id: 'shape:n-parked', texte: 'La cantine', clusterId: null, parking: true, votes: null, rang: null },
    ],
    votes: {
      sessionId: 'vote-1',
      cible: 'chantiers',
      regles: { votesParPersonne: 5, maxParItem: 2, resultatsMasques: true, anonyme: false },
      participation: {
        inscrits: 4,
        votants: 3,
        parCollege: {
          etat: { inscrits: 1, votants: 1 },
          associations: { inscrits: 1, votants: 1 },
          departement: { inscrits: 2, votants: 1 },
        },
      },
    },
    ...overrides,
  })
}

function enjeu(id: string, titre: string, noteIds: string[]) {
  return { id, titre, noteIds, votes: null, rang: null, parCollege: {}, origine: null }
}

function note(id: string, texte: string, clusterId: string) {
  return { id, texte, clusterId, parking: false, votes: null, rang: null }
}

function chantier(
  id: string,
  nom: string,
  enjeuIds: string[],
  noteIds: string[],
  votes: number | null,
  rang: number | null,
  parCollege: Record<string, number>,
) {
  return {
    id,
    nom,
    description: `Description de ${nom}`,
    contexte: '',
    besoins: '',
    budgetGlobal: id === 'shape:c-aidants' ? 12000.5 : null,
    dateDeDebut: null,
    dateDeFin: id === 'shape:c-aidants' ? '2026-06-30' : null,
    echeance: id === 'shape:c-aidants' ? '2026-06' : '',
    porteurs: id === 'shape:c-aidants' ? [{ nom: 'Conseil départemental' }] : [],
    partenaires: id === 'shape:c-aidants' ? [{ nom: 'CAF' }, { nom: 'France Services' }] : [],
    coFinancements: [],
    perimetreGeographique: null,
    enjeuIds,
    votes,
    rang,
    parCollege,
    provenance: { enjeuIds, noteIds, voteSessionId: votes === null ? null : 'vote-1' },
  }
}

/** Every text of `texts` as an enjeu's name, a note, an organisation and every text field of a chantier. */
export function hostileSnapshot(texts: readonly string[]): Snapshot {
  const base = sampleSnapshot()
  const fields = (t: string) => ({
    nom: t.slice(0, 200),
    description: t,
    contexte: t,
    besoins: t,
    echeance: t.slice(0, 40),
  })
  return sampleSnapshot({
    membres: texts.map((t, i) => ({ id: `m${i}`, nom: t, college: 'associations', participants: 1 })),
    enjeux: texts.map((t, i) => enjeu(`shape:e${i}`, t, [`shape:n${i}`])),
    notes: texts.map((t, i) => note(`shape:n${i}`, t, `shape:e${i}`)),
    chantiers: texts.map((t, i) => ({
      ...(base.chantiers[0] as Snapshot['chantiers'][number]),
      ...fields(t),
      id: `shape:c${i}`,
      porteurs: [{ nom: t }],
      partenaires: [{ nom: t }],
      coFinancements: [{ nom: t }],
      perimetreGeographique: t,
      enjeuIds: [`shape:e${i}`],
      votes: texts.length - i,
      rang: i + 1,
      parCollege: { associations: texts.length - i },
      provenance: { enjeuIds: [`shape:e${i}`], noteIds: [`shape:n${i}`], voteSessionId: 'vote-1' },
    })),
  })
}
