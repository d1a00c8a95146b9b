import assert from 'node:assert/strict'
import { test } from 'node:test'
import { RoadmapVersion } from '../../shared/roadmap/roadmapSchema'
import { buildRoadmap, type Demarche } from './roadmapBuilder'
import { CHANTIERS_BOARD, ENJEUX_BOARD, fixtureSnapshot } from './snapshots.fixture'

const AISNE: Demarche = {
  id: 'proc-aisne',
  nom: 'Feuille de route France Numérique Ensemble — Aisne',
  codeDepartement: '02',
  perimetre: 'Département de l’Aisne',
}

const envelope = {
  id: 'v1',
  version: 1,
  createdAt: '2026-03-20T10:00:00.000Z',
  previousId: null,
  sha256: 'f'.repeat(64),
}

test('a roadmap gathers every workshop’s snapshot; a copied enjeu is one entry with both boards', () => {
  const enjeux = fixtureSnapshot(ENJEUX_BOARD)
  const chantiers = fixtureSnapshot(CHANTIERS_BOARD)
  const roadmap = buildRoadmap(AISNE, [enjeux, chantiers])

  assert.deepEqual(
    roadmap.ateliers.map((a) => [a.workshop.id, a.snapshotId, a.snapshotSha256]),
    [
      ['w-enjeux', enjeux.id, enjeux.sha256],
      ['w-chantiers', chantiers.id, chantiers.sha256],
    ],
  )
  assert.deepEqual(
    roadmap.enjeux.map((e) => [e.id, e.titre, e.refs.map((r) => `${r.workshopId}/${r.shapeId}`)]),
    [
      ['w-enjeux/shape:reseau', 'Couverture réseau', ['w-enjeux/shape:reseau', 'w-chantiers/shape:copie-reseau']],
      // The latest board's name wins.
      [
        'w-enjeux/shape:inclusion',
        'Inclusion et médiation',
        ['w-enjeux/shape:inclusion', 'w-chantiers/shape:copie-inclusion'],
      ],
    ],
  )
  // A copied note is the note it copies: listed once, with both ids; a note added later has one.
  const inclusion = roadmap.enjeux[1]
  assert.deepEqual(
    inclusion?.notes.map((n) => [n.texte, n.refs.map((r) => r.shapeId)]),
    [
      ['Former les aidants', ['shape:n3', 'shape:c3']],
      ['Médiation en mairie', ['shape:n4', 'shape:c4']],
      ['Bus numérique', ['shape:c5']],
    ],
  )
  // Valid once enveloped.
  RoadmapVersion.parse({ ...envelope, ...roadmap })
})

test('chantiers are ranked by votes, ties sharing a rank, unvoted last; each enjeu lists its own in that order', () => {
  const roadmap = buildRoadmap(AISNE, [fixtureSnapshot(ENJEUX_BOARD), fixtureSnapshot(CHANTIERS_BOARD)])
  assert.deepEqual(
    roadmap.chantiers.map((c) => [c.nom, c.votes, c.rang]),
    [
      ['Former 40 aidants', 5, 1],
      ['Fibre partout', 3, 2],
      ['Tiers-lieux', 3, 2],
      ['Idée sans vote', null, null],
    ],
  )
  const fibre = roadmap.chantiers[1]
  assert.ok(fibre)
  assert.equal(fibre.id, 'w-chantiers/shape:fibre')
  assert.deepEqual(fibre.enjeuIds, ['w-enjeux/shape:reseau'])
  assert.deepEqual(fibre.porteurs, [{ nom: 'Conseil départemental' }])
  assert.equal(fibre.echeance, '2027')
  assert.deepEqual(fibre.parCollege, { departement: 2, etat: 1 })
  // Provenance, on its own board: its enjeu, that enjeu's notes, the vote.
  assert.deepEqual(fibre.provenance, {
    enjeux: [{ workshopId: 'w-chantiers', shapeId: 'shape:copie-reseau' }],
    notes: [
      { workshopId: 'w-chantiers', shapeId: 'shape:c1' },
      { workshopId: 'w-chantiers', shapeId: 'shape:c2' },
    ],
    voteSession: { workshopId: 'w-chantiers', sessionId: 'vote-w-chantiers' },
  })
  assert.deepEqual(
    roadmap.enjeux.map((e) => e.chantierIds),
    [
      ['w-chantiers/shape:fibre', 'w-chantiers/shape:tiers'],
      ['w-chantiers/shape:aidants', 'w-chantiers/shape:tiers'],
    ],
  )
})

test('ranks run over every chantiers workshop of the démarche', () => {
  const second = fixtureSnapshot({
    workshopId: 'w-second',
    enjeux: [{ id: 'shape:mobilite', titre: 'Mobilité', notes: { 'shape:m1': 'Pas de bus' } }],
    chantiers: [{ id: 'shape:bus', nom: 'Bus numérique', enjeuIds: ['shape:mobilite'], votes: 4, rang: 1 }],
  })
  const roadmap = buildRoadmap(AISNE, [fixtureSnapshot(CHANTIERS_BOARD), second])
  assert.deepEqual(
    roadmap.chantiers.map((c) => [c.nom, c.rang, c.rangAtelier]),
    [
      ['Former 40 aidants', 1, 1],
      ['Bus numérique', 2, 1],
      ['Fibre partout', 3, 2],
      ['Tiers-lieux', 3, 2],
      ['Idée sans vote', null, null],
    ],
  )
})

test('a note moved to another enjeu on the later board sits there, still one note', () => {
  const moved = structuredClone(CHANTIERS_BOARD)
  const [reseau, inclusion] = moved.enjeux
  assert.ok(reseau && inclusion)
  delete reseau.notes['shape:c2']
  inclusion.notes['shape:c2'] = 'Débit faible'
  const roadmap = buildRoadmap(AISNE, [fixtureSnapshot(ENJEUX_BOARD), fixtureSnapshot(moved)])
  const texts = roadmap.enjeux.map((e) => e.notes.map((n) => n.texte))
  assert.deepEqual(texts[0], ['Pas de fibre'])
  assert.ok(texts[1]?.includes('Débit faible'))
  const note = roadmap.enjeux[1]?.notes.find((n) => n.texte === 'Débit faible')
  assert.deepEqual(
    note?.refs.map((r) => r.shapeId),
    ['shape:n2', 'shape:c2'],
  )
})

test('participation adds the ateliers up by collège; a workshop without a vote counts who was there', () => {
  const roadmap = buildRoadmap(AISNE, [fixtureSnapshot(ENJEUX_BOARD), fixtureSnapshot(CHANTIERS_BOARD)])
  assert.deepEqual(roadmap.participation.ateliers[0], {
    workshopId: 'w-enjeux',
    voteSessionId: null,
    inscrits: 3,
    votants: 0,
    parCollege: { departement: { inscrits: 2, votants: 0 }, etat: { inscrits: 1, votants: 0 } },
  })
  assert.deepEqual(roadmap.participation.parCollege, {
    departement: { inscrits: 4, votants: 1 },
    etat: { inscrits: 2, votants: 1 },
    associations: { inscrits: 1, votants: 1 },
  })
  assert.deepEqual(roadmap.participation.organisations, [
    { nom: 'Conseil départemental', college: 'departement', participants: 4 },
    { nom: 'Préfecture', college: 'etat', participants: 2 },
    { nom: 'Association Clic', college: 'associations', participants: 1 },
  ])
})

test('a démarche without snapshots has an empty roadmap', () => {
  const roadmap = buildRoadmap(AISNE, [])
  assert.deepEqual([roadmap.ateliers, roadmap.enjeux, roadmap.chantiers], [[], [], []])
  RoadmapVersion.parse({ ...envelope, ...roadmap })
})
