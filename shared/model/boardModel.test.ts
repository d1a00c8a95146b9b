import assert from 'node:assert/strict'
import { test } from 'node:test'
import { closedVote } from '../../tests/support/closedVote'
import { CHANTIER_SHAPE_TYPE, defaultChantierProps } from '../chantierShape'
import { byRank, deriveBoardModel } from './boardModel'
import { documentRecord, frameRecord, noteRecord, pageRecord, rectangleRecord, shapeRecord } from './shapeRecords'

function chantier(id: string, x: number, y: number, props: Record<string, unknown>) {
  return shapeRecord({ id, x, y }, CHANTIER_SHAPE_TYPE as never, { ...defaultChantierProps(), ...props } as never)
}

/** A board as a CDN workshop leaves it: two enjeux, a parked note, a loose one, two chantiers. */
function knownBoard() {
  return [
    documentRecord(),
    pageRecord(),
    rectangleRecord({
      id: 'shape:zone-parking',
      x: 3000,
      y: 0,
      w: 600,
      h: 1000,
      isLocked: true,
      meta: { atelier: { zone: 'parking', part: 'area' } },
    }),
    // Listed out of reading order on purpose: the model sorts.
    frameRecord({ id: 'shape:inclusion', name: ' Inclusion numérique ', x: 1000, y: 0, w: 500, h: 600 }),
    frameRecord({
      id: 'shape:reseau',
      name: 'Couverture réseau',
      x: 0,
      y: 0,
      w: 500,
      h: 600,
      meta: { atelier: { from: { workshopId: 'w-enjeux', shapeId: 'shape:orig' } } },
    }),
    noteRecord({ id: 'shape:n-debit', text: 'Débit trop faible', x: 20, y: 300, parentId: 'shape:reseau' }),
    noteRecord({ id: 'shape:n-fibre', text: 'Pas de fibre', x: 20, y: 40, parentId: 'shape:reseau' }),
    // A note in a group inside a frame belongs to the frame.
    shapeRecord({ id: 'shape:group', x: 20, y: 40, parentId: 'shape:inclusion' }, 'group' as never, {} as never),
    noteRecord({ id: 'shape:n-aidants', text: 'Former les aidants', x: 0, y: 0, parentId: 'shape:group' }),
    noteRecord({ id: 'shape:n-parked', text: 'La cantine', x: 3100, y: 100 }),
    noteRecord({ id: 'shape:n-loose', text: 'Tiers-lieux', x: 2000, y: 100 }),
    chantier('shape:c-aidants', 1000, 800, {
      titre: ' Former 40 aidants ',
      porteur: 'Conseil départemental',
      partenaires: ['CAF', '  ', 'France Services'],
      echeance: '2026-06',
      // A deleted frame and a duplicate are dropped.
      enjeuIds: ['shape:inclusion', 'shape:gone'],
    }),
    chantier('shape:c-fibre', 0, 800, { titre: 'Fibre partout', enjeuIds: ['shape:reseau', 'shape:inclusion'] }),
    // What a corrupt or foreign record looks like: skipped, never thrown on.
    { typeName: 'shape', id: 'shape:bad', type: 'note', x: 'nope', y: 0, parentId: 'page:page', props: {} },
    { typeName: 'shape', id: 42 },
    null,
  ]
}

const { session, results } = closedVote(['shape:c-fibre', 'shape:c-aidants'], {
  ranking: [
    { targetId: 'shape:c-aidants', votes: 5, rank: 1, byCollege: { associations: 3, etat: 2 } },
    { targetId: 'shape:c-fibre', votes: 2, rank: 2, byCollege: { departement: 2 } },
  ],
  participation: { participants: 4, voters: 3, byCollege: {} },
})

const NO_ANCT_FIELDS = {
  contexte: '',
  besoins: '',
  budgetGlobal: '',
  dateDeDebut: '',
  coFinancements: [],
  perimetreGeographique: '',
}

test('a known board gives the expected model', () => {
  const model = deriveBoardModel(knownBoard(), { session, results })
  assert.deepEqual(
    byRank(model.chantiers).map((c) => c.id),
    ['shape:c-aidants', 'shape:c-fibre'],
  )
  assert.deepEqual(model.enjeux, [
    {
      id: 'shape:reseau',
      titre: 'Couverture réseau',
      noteIds: ['shape:n-fibre', 'shape:n-debit'],
      votes: null,
      origine: { workshopId: 'w-enjeux', shapeId: 'shape:orig' },
    },
    { id: 'shape:inclusion', titre: 'Inclusion numérique', noteIds: ['shape:n-aidants'], votes: null, origine: null },
  ])
  assert.deepEqual(
    model.notes.map((n) => [n.id, n.texte, n.enjeuId, n.parking]),
    [
      ['shape:n-fibre', 'Pas de fibre', 'shape:reseau', false],
      ['shape:n-aidants', 'Former les aidants', 'shape:inclusion', false],
      ['shape:n-loose', 'Tiers-lieux', null, false],
      ['shape:n-parked', 'La cantine', null, true],
      ['shape:n-debit', 'Débit trop faible', 'shape:reseau', false],
    ],
  )
  assert.deepEqual(model.chantiers, [
    {
      id: 'shape:c-fibre',
      titre: 'Fibre partout',
      description: '',
      porteur: '',
      partenaires: [],
      echeance: '',
      ...NO_ANCT_FIELDS,
      enjeuIds: ['shape:reseau', 'shape:inclusion'],
      noteIds: ['shape:n-fibre', 'shape:n-debit', 'shape:n-aidants'],
      votes: { votes: 2, rang: 2, parCollege: { departement: 2 } },
    },
    {
      id: 'shape:c-aidants',
      titre: 'Former 40 aidants',
      description: '',
      porteur: 'Conseil départemental',
      partenaires: ['CAF', 'France Services'],
      echeance: '2026-06',
      ...NO_ANCT_FIELDS,
      enjeuIds: ['shape:inclusion'],
      noteIds: ['shape:n-aidants'],
      votes: { votes: 5, rang: 1, parCollege: { associations: 3, etat: 2 } },
    },
  ])
  assert.equal(model.vote?.session.id, 'vote-1')
})

test('the model does not depend on the order of the records', () => {
  const records = knownBoard()
  const reversed = [...records].reverse()
  assert.deepEqual(deriveBoardModel(reversed, { session, results }), deriveBoardModel(records, { session, results }))
})

test('without a vote, nothing carries votes; ties keep reading order in byRank', () => {
  const model = deriveBoardModel(knownBoard())
  assert.equal(model.vote, null)
  assert.ok([...model.enjeux, ...model.chantiers, ...model.notes].every((item) => item.votes === null))
  const tied = deriveBoardModel(knownBoard(), {
    session,
    results: {
      ...results,
      ranking: [
        { targetId: 'shape:c-aidants', votes: 2, rank: 1, byCollege: {} },
        { targetId: 'shape:c-fibre', votes: 2, rank: 1, byCollege: {} },
      ],
    },
  })
  assert.deepEqual(
    byRank(tied.chantiers).map((c) => c.id),
    ['shape:c-fibre', 'shape:c-aidants'],
  )
})

test('a parent cycle in a corrupt board is cut, not followed forever', () => {
  const model = deriveBoardModel([
    shapeRecord({ id: 'shape:g1', parentId: 'shape:g2' }, 'group' as never, {} as never),
    shapeRecord({ id: 'shape:g2', parentId: 'shape:g1' }, 'group' as never, {} as never),
    noteRecord({ id: 'shape:n', text: 'x', parentId: 'shape:g1' }),
  ])
  assert.deepEqual(
    model.notes.map((n) => n.enjeuId),
    [null],
  )
})
