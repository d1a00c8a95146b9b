import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CHANTIER_SHAPE_TYPE, defaultChantierProps } from '../../shared/chantierShape'
import { documentRecord, frameRecord, noteRecord, pageRecord, shapeRecord } from '../../shared/model/shapeRecords'
import { Snapshot } from '../../shared/roadmap/snapshotSchema'
import { closedVote } from '../../tests/support/closedVote'
import { buildSnapshot, type SnapshotInputs, snapshotSha256 } from './snapshotBuilder'

function chantier(id: string, x: number, props: Record<string, unknown>) {
  return shapeRecord({ id, x, y: 800 }, CHANTIER_SHAPE_TYPE as never, { ...defaultChantierProps(), ...props } as never)
}

const records = [
  documentRecord(),
  pageRecord(),
  frameRecord({ id: 'shape:reseau', name: 'Couverture réseau', x: 0, y: 0, w: 500, h: 600 }),
  frameRecord({ id: 'shape:inclusion', name: 'Inclusion', x: 1000, y: 0, w: 500, h: 600 }),
  noteRecord({ id: 'shape:n-fibre', text: 'Pas de fibre', x: 20, y: 40, parentId: 'shape:reseau' }),
  noteRecord({ id: 'shape:n-aidants', text: 'Former les aidants', x: 20, y: 40, parentId: 'shape:inclusion' }),
  chantier('shape:c-fibre', 0, {
    titre: 'Fibre partout',
    porteur: 'Région',
    echeance: 'juin 2027',
    enjeuIds: ['shape:reseau'],
    budgetGlobal: '1,5 M€',
    dateDeDebut: 'T1 2026',
    coFinancements: ['État', 'Europe'],
    perimetreGeographique: 'Aisne',
    contexte: 'Zones blanches',
    besoins: 'Génie civil',
  }),
  chantier('shape:c-aidants', 1000, {
    titre: 'Former 40 aidants',
    partenaires: ['CAF'],
    echeance: 'à définir',
    enjeuIds: ['shape:inclusion'],
  }),
  chantier('shape:c-tiers', 2000, { titre: 'Tiers-lieux', enjeuIds: [] }),
]

const { session, results } = closedVote(['shape:c-fibre', 'shape:c-aidants'], {
  ranking: [
    { targetId: 'shape:c-aidants', votes: 4, rank: 1, byCollege: { associations: 3, etat: 1 } },
    { targetId: 'shape:c-fibre', votes: 1, rank: 2, byCollege: { region: 1 } },
  ],
  participation: { participants: 5, voters: 3, byCollege: { associations: { participants: 3, voters: 2 } } },
})

const participants = [
  { organisation: 'CAF de l’Aisne', college: 'associations' },
  { organisation: '  caf de l’aisne ', college: 'associations' },
  { organisation: 'CAF  DE L’AÏSNE', college: 'etat' },
  { organisation: 'Conseil départemental', college: 'departement' },
  { organisation: null, college: 'etat' },
  { organisation: '', college: 'etat' },
  { organisation: null, college: null },
  { organisation: 'Association Émeraude', college: null },
]

const inputs = (over: Partial<SnapshotInputs> = {}): SnapshotInputs => ({
  id: 'snap-1',
  createdAt: Date.UTC(2026, 5, 15, 10, 0, 0),
  createdBy: 'p-fac',
  previousId: null,
  workshop: { id: 'w1', title: 'Atelier chantiers', template: 'chantiers', createdAt: 1, processId: 'd1' },
  records,
  participants,
  vote: { session, results },
  ...over,
})

test('a known board maps to the expected snapshot, valid for the schema', () => {
  const snapshot = buildSnapshot(inputs())
  assert.equal(Snapshot.safeParse(snapshot).success, true)
  assert.equal(snapshot.createdAt, '2026-06-15T10:00:00.000Z')
  assert.deepEqual(snapshot.createdBy, { participantId: 'p-fac' })
  assert.deepEqual(snapshot.workshop, { id: 'w1', kind: 'chantiers', title: 'Atelier chantiers', processId: 'd1' })
  // Ranked: the most voted first, the unvoted one last.
  assert.deepEqual(
    snapshot.chantiers.map((c) => [c.id, c.votes, c.rang]),
    [
      ['shape:c-aidants', 4, 1],
      ['shape:c-fibre', 1, 2],
      ['shape:c-tiers', null, null],
    ],
  )
  assert.deepEqual(snapshot.chantiers[1], {
    id: 'shape:c-fibre',
    nom: 'Fibre partout',
    description: '',
    contexte: 'Zones blanches',
    besoins: 'Génie civil',
    budgetGlobal: 1500000,
    dateDeDebut: '2026-01-01',
    dateDeFin: '2027-06-30',
    echeance: 'juin 2027',
    porteurs: [{ nom: 'Région' }],
    partenaires: [],
    coFinancements: [{ nom: 'État' }, { nom: 'Europe' }],
    perimetreGeographique: 'Aisne',
    enjeuIds: ['shape:reseau'],
    votes: 1,
    rang: 2,
    parCollege: { region: 1 },
    provenance: { enjeuIds: ['shape:reseau'], noteIds: ['shape:n-fibre'], voteSessionId: 'vote-1' },
  })
  const aidants = snapshot.chantiers[0]
  assert.deepEqual(
    [
      aidants?.porteurs,
      aidants?.partenaires,
      aidants?.dateDeFin,
      aidants?.budgetGlobal,
      aidants?.perimetreGeographique,
    ],
    [[], [{ nom: 'CAF' }], null, null, null],
  )
  // Not in the vote: no session in its provenance.
  assert.deepEqual(snapshot.chantiers[2]?.provenance, { enjeuIds: [], noteIds: [], voteSessionId: null })
  assert.deepEqual(snapshot.votes, {
    sessionId: 'vote-1',
    cible: 'chantiers',
    regles: { votesParPersonne: 3, maxParItem: 2, resultatsMasques: true, anonyme: false },
    participation: { inscrits: 5, votants: 3, parCollege: { associations: { inscrits: 3, votants: 2 } } },
  })
  assert.deepEqual(
    snapshot.notes.map((n) => [n.id, n.clusterId]),
    [
      ['shape:n-fibre', 'shape:reseau'],
      ['shape:n-aidants', 'shape:inclusion'],
    ],
  )
})

test('membres: organisations grouped by name whatever the case, spaces and accents; no person names', () => {
  const { membres } = buildSnapshot(inputs())
  assert.deepEqual(membres, [
    { id: 'org:associationemeraude', nom: 'Association Émeraude', college: null, participants: 1 },
    { id: "org:cafdel'aisne", nom: 'CAF de l’Aisne', college: 'associations', participants: 3 },
    { id: 'org:conseildepartemental', nom: 'Conseil départemental', college: 'departement', participants: 1 },
    { id: 'sans-organisation:etat', nom: 'Sans organisation', college: 'etat', participants: 2 },
    { id: 'sans-organisation:aucun', nom: 'Sans organisation', college: null, participants: 1 },
  ])
})

test('the sha256 covers the content, not the envelope', () => {
  const a = buildSnapshot(inputs())
  const b = buildSnapshot(inputs({ id: 'snap-2', createdAt: 99, createdBy: 'p-other', previousId: 'snap-1' }))
  assert.equal(a.sha256, b.sha256)
  assert.match(a.sha256, /^[0-9a-f]{64}$/)
  assert.equal(snapshotSha256(a), a.sha256)
  // The records in another order are the same state.
  assert.equal(buildSnapshot(inputs({ records: [...records].reverse() })).sha256, a.sha256)
  const renamed = records.map((r) =>
    r.id === 'shape:n-fibre'
      ? noteRecord({ id: 'shape:n-fibre', text: 'Pas de fibre du tout', x: 20, y: 40, parentId: 'shape:reseau' })
      : r,
  )
  assert.notEqual(buildSnapshot(inputs({ records: renamed })).sha256, a.sha256)
  assert.notEqual(buildSnapshot(inputs({ vote: null })).sha256, a.sha256)
})

test('an anonymous vote carries no collège per item', () => {
  const anonymous = { session: { ...session, anonymous: true }, results }
  const snapshot = buildSnapshot(inputs({ vote: anonymous }))
  for (const item of [...snapshot.chantiers, ...snapshot.enjeux]) assert.deepEqual(item.parCollege, {})
  assert.equal(snapshot.chantiers[0]?.votes, 4)
  assert.equal(snapshot.votes?.regles.anonyme, true)
})

test('without a vote that may be seen, nothing is ranked and no session is named', () => {
  const snapshot = buildSnapshot(inputs({ vote: null }))
  assert.equal(snapshot.votes, null)
  for (const c of snapshot.chantiers) {
    assert.deepEqual([c.votes, c.rang, c.provenance.voteSessionId], [null, null, null])
  }
  // Reading order, top to bottom then left to right.
  assert.deepEqual(
    snapshot.chantiers.map((c) => c.id),
    ['shape:c-fibre', 'shape:c-aidants', 'shape:c-tiers'],
  )
})

test('texts longer than the schema allows are cut with « … », and the snapshot stays valid', () => {
  const long = `${'é'.repeat(9_997)}😀😀😀`
  const snapshot = buildSnapshot(
    inputs({
      records: [...records, noteRecord({ id: 'shape:n-long', text: long, x: 3000, y: 3000 })],
      workshop: { id: 'w1', title: 'T'.repeat(300), template: 'chantiers', createdAt: 1, processId: null },
    }),
  )
  assert.equal(Snapshot.safeParse(snapshot).success, true)
  const note = snapshot.notes.find((n) => n.id === 'shape:n-long')
  assert.equal(note?.texte.length, 10_000)
  assert.ok(note?.texte.endsWith('é😀…'))
  assert.equal(snapshot.workshop.title, `${'T'.repeat(199)}…`)
})
