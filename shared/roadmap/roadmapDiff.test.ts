import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildRoadmap } from '../../server/roadmap/roadmapBuilder'
import {
  CHANTIERS_BOARD,
  ENJEUX_BOARD,
  type FixtureBoard,
  fixtureSnapshot,
} from '../../server/roadmap/snapshots.fixture'
import { diffRoadmaps, isEmptyDiff } from './roadmapDiff'

const AISNE = { id: 'proc-aisne', nom: 'Aisne', codeDepartement: '02', perimetre: null }

/** Version `n` of the roadmap of the enjeux workshop and this chantiers board. */
function version(n: number, chantiers: FixtureBoard) {
  const content = buildRoadmap(AISNE, [fixtureSnapshot(ENJEUX_BOARD), fixtureSnapshot(chantiers, n)])
  return { ...content, id: `v${n}`, version: n }
}

const board = () => structuredClone(CHANTIERS_BOARD)

test('a moved note, a renamed enjeu and a rank change', () => {
  const next = board()
  const [reseau, inclusion] = next.enjeux
  const [fibre, aidants] = next.chantiers ?? []
  assert.ok(reseau && inclusion && fibre && aidants)
  delete inclusion.notes['shape:c4']
  reseau.notes['shape:c4'] = 'Médiation en mairie'
  reseau.titre = 'Réseaux et débit'
  Object.assign(fibre, { votes: 6, rang: 1 })
  Object.assign(aidants, { rang: 2 })

  const diff = diffRoadmaps(version(1, board()), version(2, next))
  assert.deepEqual(diff.from, { id: 'v1', version: 1 })
  assert.deepEqual(diff.to, { id: 'v2', version: 2 })
  assert.deepEqual(diff.notes.moved, [
    {
      id: 'w-enjeux/shape:n4',
      texte: 'Médiation en mairie',
      from: { id: 'w-enjeux/shape:inclusion', titre: 'Inclusion et médiation' },
      to: { id: 'w-enjeux/shape:reseau', titre: 'Réseaux et débit' },
    },
  ])
  assert.deepEqual(diff.enjeux.renamed, [
    { id: 'w-enjeux/shape:reseau', before: 'Couverture réseau', after: 'Réseaux et débit' },
  ])
  assert.deepEqual(diff.ranks, [
    { kind: 'chantier', id: 'w-chantiers/shape:fibre', titre: 'Fibre partout', before: 2, after: 1 },
    { kind: 'chantier', id: 'w-chantiers/shape:aidants', titre: 'Former 40 aidants', before: 1, after: 2 },
    // Was tied second, now third behind both.
    { kind: 'chantier', id: 'w-chantiers/shape:tiers', titre: 'Tiers-lieux', before: 2, after: 3 },
  ])
  assert.deepEqual([diff.enjeux.added, diff.enjeux.removed, diff.enjeux.merged], [[], [], []])
  assert.deepEqual(diff.chantiers, { added: [], removed: [], renamed: [] })
})

test('two enjeux whose notes now sit in one are merged, not removed, and their notes not moved', () => {
  const next = board()
  const [reseau, inclusion] = next.enjeux
  assert.ok(reseau && inclusion)
  // The group drops the « Inclusion » frame's notes into « Couverture réseau » and deletes the frame.
  Object.assign(reseau.notes, inclusion.notes)
  next.enjeux = [reseau]
  const diff = diffRoadmaps(version(1, board()), version(2, next))
  assert.deepEqual(diff.enjeux.merged, [
    {
      enjeux: [
        { id: 'w-enjeux/shape:reseau', titre: 'Couverture réseau' },
        { id: 'w-enjeux/shape:inclusion', titre: 'Inclusion et médiation' },
      ],
      into: { id: 'w-enjeux/shape:reseau', titre: 'Couverture réseau' },
    },
  ])
  // The enjeux workshop still has its « Inclusion » frame: the roadmap keeps that enjeu (its own notes moved away).
  assert.deepEqual(diff.enjeux.removed, [])
  assert.deepEqual(diff.notes.moved, [])
})

test('chantiers added, removed and renamed; the same content twice changes nothing', () => {
  const next = board()
  const chantiers = next.chantiers ?? []
  next.chantiers = [
    ...chantiers
      .filter((c) => c.id !== 'shape:idee')
      .map((c) => (c.id === 'shape:tiers' ? { ...c, nom: 'Tiers-lieux numériques' } : c)),
    { id: 'shape:bus', nom: 'Bus numérique', enjeuIds: ['shape:copie-inclusion'] },
  ]
  const diff = diffRoadmaps(version(1, board()), version(2, next))
  assert.deepEqual(diff.chantiers, {
    added: [{ id: 'w-chantiers/shape:bus', titre: 'Bus numérique' }],
    removed: [{ id: 'w-chantiers/shape:idee', titre: 'Idée sans vote' }],
    renamed: [{ id: 'w-chantiers/shape:tiers', before: 'Tiers-lieux', after: 'Tiers-lieux numériques' }],
  })
  assert.equal(isEmptyDiff(diff), false)
  assert.equal(isEmptyDiff(diffRoadmaps(version(1, board()), version(2, board()))), true)
})

test('an enjeu added, one removed, and a rank lost when a chantier is no longer voted on', () => {
  const next = board()
  next.enjeux = [
    ...next.enjeux.filter((e) => e.id !== 'shape:copie-inclusion'),
    { id: 'shape:mobilite', titre: 'Mobilité', notes: { 'shape:m1': 'Pas de bus' } },
  ]
  const fibre = next.chantiers?.find((c) => c.id === 'shape:fibre')
  assert.ok(fibre)
  delete fibre.votes
  delete fibre.rang
  const diff = diffRoadmaps(version(1, board()), version(2, next))
  assert.deepEqual(diff.enjeux.added, [{ id: 'w-chantiers/shape:mobilite', titre: 'Mobilité' }])
  // The copy is gone from the chantiers board, the original stays on the enjeux board: still in the roadmap.
  assert.deepEqual(diff.enjeux.removed, [])
  assert.ok(diff.ranks.some((r) => r.id === 'w-chantiers/shape:fibre' && r.before === 2 && r.after === null))
})
