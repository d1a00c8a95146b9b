/**
 * The storage contract, run against every Store implementation (SQLite today,
 * PostgreSQL for multi-node deployments).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import * as Y from 'yjs'
import { compactParts } from '../../server/rooms/compactWorker.mjs'
import type { Store } from '../../server/storage/store'

export function storeContract(name: string, open: () => Promise<Store>): void {
  const withStore = async (fn: (store: Store) => Promise<void>) => {
    const store = await open()
    try {
      await fn(store)
    } finally {
      await store.close()
    }
  }

  test(`${name}: workshops, links and participants round-trip; unknown links are not found`, () =>
    withStore(async (store) => {
      await store.createWorkshop({ id: 'w1', title: 'Atelier « enjeux »', template: 'enjeux', createdAt: 1 }, [
        { role: 'facilitator', secretHash: 'h-f' },
        { role: 'participant', secretHash: 'h-p' },
      ])
      assert.deepEqual(await store.getWorkshop('w1'), {
        id: 'w1',
        title: 'Atelier « enjeux »',
        template: 'enjeux',
        createdAt: 1,
        processId: null,
        retentionDays: 365,
        erasedAt: null,
      })
      assert.equal(await store.getWorkshop('nope'), null)
      assert.deepEqual(await store.findLink('h-p'), { workshopId: 'w1', role: 'participant' })
      assert.equal(await store.findLink('h-x'), null)
      const p = {
        id: 'p1',
        workshopId: 'w1',
        role: 'participant' as const,
        name: 'Zoé',
        organisation: null,
        college: 'associations',
        createdAt: 2,
      }
      await store.addParticipant(p)
      assert.deepEqual(await store.getParticipant('p1'), p)
      // The workshop's list: every role, in the order people joined, nobody from another workshop.
      await store.createWorkshop({ id: 'w2', title: 'Autre', template: 'vide', createdAt: 1 }, [])
      const f = { ...p, id: 'p0', role: 'facilitator' as const, name: 'Fanny', organisation: 'CD02', createdAt: 1 }
      await store.addParticipant({ ...p, id: 'p2', role: 'observer', name: 'Olga', createdAt: 3 })
      await store.addParticipant(f)
      await store.addParticipant({ ...p, id: 'p3', workshopId: 'w2', name: 'Ailleurs' })
      assert.deepEqual(
        (await store.listParticipants('w1')).map((r) => [r.id, r.role, r.name]),
        [
          ['p0', 'facilitator', 'Fanny'],
          ['p1', 'participant', 'Zoé'],
          ['p2', 'observer', 'Olga'],
        ],
      )
      assert.deepEqual((await store.listParticipants('w1'))[0], f)
    }))

  test(`${name}: processes list their workshops; a workshop starts with its settings and board in one go`, () =>
    withStore(async (store) => {
      const aisne = {
        id: 'p-aisne',
        nom: 'Feuille de route Aisne',
        codeDepartement: '02',
        perimetre: null,
        createdAt: 5,
      }
      await store.createProcess(aisne)
      await store.createProcess({
        id: 'p-vide',
        nom: 'Corse-du-Sud',
        codeDepartement: '2A',
        perimetre: 'CDC',
        createdAt: 6,
      })
      assert.deepEqual(await store.getProcess('p-aisne'), aisne)
      assert.equal(await store.getProcess('nope'), null)

      const board = Y.encodeStateAsUpdate(new Y.Doc())
      const settings = {
        phaseDurations: { ecriture: 1, regroupement: 2, chantiers: 3, vote: 4, resultats: 5 },
        vote: { targets: 'chantiers' as const, votesPerPerson: 5, maxPerItem: 2, hideResults: true, anonymous: false },
        privateWriting: false,
      }
      await store.createWorkshop(
        { id: 'w-e', title: 'Enjeux', template: 'enjeux', createdAt: 7, processId: 'p-aisne' },
        [],
      )
      await store.createWorkshop(
        { id: 'w-c', title: 'Chantiers', template: 'chantiers', createdAt: 8, processId: 'p-aisne' },
        [{ role: 'facilitator', secretHash: 'h-c' }],
        { control: { phase: 'chantiers', settings, privateWriting: false }, docs: [{ doc: 'w-c/board', data: board }] },
      )
      await store.createWorkshop({ id: 'w-alone', title: 'Seul', template: 'vide', createdAt: 9 }, [])

      assert.deepEqual(
        (await store.listProcesses()).map((p) => [p.id, p.workshops.map((w) => [w.id, w.processId])]),
        [
          [
            'p-aisne',
            [
              ['w-e', 'p-aisne'],
              ['w-c', 'p-aisne'],
            ],
          ],
          ['p-vide', []],
        ],
      )
      const control = await store.getControl('w-c')
      assert.equal(control?.phase, 'chantiers')
      assert.deepEqual(control?.settings, settings)
      assert.deepEqual((await store.loadDoc('w-c/board')).updates, [board])
      assert.equal((await store.getControl('w-e'))?.settings, null, 'no start: the template defaults apply later')
      assert.equal((await store.getWorkshop('w-alone'))?.processId, null)

      // All or nothing: a workshop whose links cannot be stored leaves no row and no board behind.
      await assert.rejects(
        store.createWorkshop(
          { id: 'w-bad', title: 'Doublon', template: 'chantiers', createdAt: 10, processId: 'p-aisne' },
          [{ role: 'facilitator', secretHash: 'h-c' }],
          {
            control: { phase: 'chantiers', settings, privateWriting: false },
            docs: [{ doc: 'w-bad/board', data: board }],
          },
        ),
      )
      assert.equal(await store.getWorkshop('w-bad'), null)
      assert.deepEqual((await store.loadDoc('w-bad/board')).updates, [])
    }))

  test(`${name}: settings are set once`, () =>
    withStore(async (store) => {
      assert.equal(await store.setSettingIfAbsent('k', 'first'), 'first')
      assert.equal(await store.setSettingIfAbsent('k', 'second'), 'first')
      assert.equal(await store.getSetting('k'), 'first')
    }))

  test(`${name}: the update log keeps order per document, and compaction folds it without loss`, () =>
    withStore(async (store) => {
      const doc = new Y.Doc()
      const updates: Uint8Array[] = []
      doc.on('update', (u: Uint8Array) => updates.push(u))
      const arr = doc.getArray<number>('records')
      for (let i = 0; i < 50; i++) arr.push([i])
      await store.appendUpdates(updates.map((data) => ({ doc: 'a/board', data })))
      await store.appendUpdates([{ doc: 'b/board', data: new Uint8Array([0, 0]) }])
      const loaded = await store.loadDoc('a/board')
      assert.equal(loaded.updates.length, 50)
      assert.equal(loaded.snapshot, null)
      assert.deepEqual(
        loaded.updates.map((u) => Buffer.from(u).toString('hex')),
        updates.map((u) => Buffer.from(u).toString('hex')),
      )

      await store.replaceWithSnapshot('a/board', compactParts(loaded.updates), loaded.lastSeq)
      arr.push([50])
      await store.appendUpdates([{ doc: 'a/board', data: updates.at(-1) as Uint8Array }])
      const after = await store.loadDoc('a/board')
      assert.equal(after.updates.length, 1)
      assert.equal(await store.countUpdates('a/board'), 1)
      const rebuilt = new Y.Doc()
      Y.applyUpdate(rebuilt, after.snapshot as Uint8Array)
      for (const u of after.updates) Y.applyUpdate(rebuilt, u)
      assert.deepEqual(rebuilt.getArray('records').toArray(), [...Array(51).keys()])
      assert.equal((await store.loadDoc('b/board')).updates.length, 1, 'other documents untouched')
    }))

  test(`${name}: documents are listed by prefix, whether logged or only snapshotted`, () =>
    withStore(async (store) => {
      const empty = new Uint8Array([0, 0])
      const names = ['w/drafts/b', 'w/drafts/a', 'w/drafts/a', 'w/board', 'w/draftsX', 'w/drafts', 'v/drafts/c']
      await store.appendUpdates(names.map((doc) => ({ doc, data: empty })))
      // Only a snapshot left: every log entry folded into it.
      await store.appendUpdates([{ doc: 'w/drafts/s', data: empty }])
      await store.replaceWithSnapshot('w/drafts/s', empty, (await store.loadDoc('w/drafts/s')).lastSeq)
      assert.equal(await store.countUpdates('w/drafts/s'), 0)

      assert.deepEqual(await store.listDocs('w/drafts/'), ['w/drafts/a', 'w/drafts/b', 'w/drafts/s'])
      assert.deepEqual(await store.listDocs('x/drafts/'), [])
    }))

  test(`${name}: vote sessions are listed oldest first; opening one closes the open one`, () =>
    withStore(async (store) => {
      await store.createWorkshop({ id: 'w1', title: 'Atelier', template: 'chantiers', createdAt: 1 }, [])
      await store.createWorkshop({ id: 'w2', title: 'Autre', template: 'chantiers', createdAt: 1 }, [])
      const rules = { votesPerPerson: 3, maxPerItem: 2, hideResults: true, anonymous: false }
      const session = (id: string, workshopId: string, openedAt: number) => ({
        ...rules,
        id,
        workshopId,
        targets: 'chantiers' as const,
        targetIds: ['shape:a'],
        openedAt,
        voterKey: null,
      })
      assert.deepEqual(await store.listVoteSessions('w1'), [])
      await store.openVoteSession(session('v1', 'w1', 10))
      await store.openVoteSession(session('v-other', 'w2', 15))
      await store.openVoteSession(session('v2', 'w1', 20))
      assert.deepEqual(
        (await store.listVoteSessions('w1')).map((v) => [v.id, v.status]),
        [
          ['v1', 'closed'],
          ['v2', 'open'],
        ],
      )
      assert.deepEqual(await store.listVoteSessions('w1').then((l) => l[1]), await store.getVoteSession('w1', 'v2'))
    }))

  test(`${name}: roadmap snapshots are kept as written, listed oldest first`, () =>
    withStore(async (store) => {
      await store.createWorkshop({ id: 'w1', title: 'Atelier', template: 'enjeux', createdAt: 1 }, [])
      const body = '{"b":1,"texte":"« é » \\u0000 ✓"}'
      assert.equal(
        await store.insertSnapshot({ id: 's1', workshopId: 'w1', createdAt: 10, sha256: 'h1', body: '{}' }, null),
        true,
      )
      assert.equal(
        await store.insertSnapshot({ id: 's2', workshopId: 'w1', createdAt: 20, sha256: 'h2', body }, 's1'),
        true,
      )
      // Same date: the one stored last is the latest.
      assert.equal(
        await store.insertSnapshot({ id: 's3', workshopId: 'w1', createdAt: 20, sha256: 'h3', body }, 's2'),
        true,
      )
      assert.deepEqual(await store.getSnapshot('s2'), { id: 's2', workshopId: 'w1', createdAt: 20, sha256: 'h2', body })
      assert.equal(await store.getSnapshot('nope'), null)
      assert.deepEqual(
        (await store.listSnapshots('w1')).map((m) => [m.id, m.createdAt]),
        [
          ['s1', 10],
          ['s2', 20],
          ['s3', 20],
        ],
      )
      assert.equal((await store.latestSnapshot('w1'))?.id, 's3')
      assert.equal(await store.latestSnapshot('w2'), null)
      // Immutable: the same id cannot be written twice.
      await assert.rejects(
        store.insertSnapshot({ id: 's1', workshopId: 'w1', createdAt: 30, sha256: 'x', body: '[]' }, 's3'),
      )
      assert.equal((await store.getSnapshot('s1'))?.body, '{}')
    }))

  test(`${name}: a snapshot is stored only if it chains onto the latest, so the chain cannot fork`, () =>
    withStore(async (store) => {
      await store.createWorkshop({ id: 'w1', title: 'Atelier', template: 'enjeux', createdAt: 1 }, [])
      await store.createWorkshop({ id: 'w2', title: 'Autre', template: 'enjeux', createdAt: 1 }, [])
      const row = (id: string, createdAt: number, workshopId = 'w1') => ({
        id,
        workshopId,
        createdAt,
        sha256: id,
        body: '{}',
      })
      assert.equal(await store.insertSnapshot(row('a', 10), null), true)
      // Two writers read "no snapshot yet" (or "a"): only the first of each stores.
      assert.equal(await store.insertSnapshot(row('b', 20), null), false)
      assert.equal(await store.insertSnapshot(row('b', 20), 'a'), true)
      assert.equal(await store.insertSnapshot(row('c', 30), 'a'), false)
      assert.equal(await store.insertSnapshot(row('c', 30), 'nope'), false)
      // Dated before the latest it would not become the latest: refused too.
      assert.equal(await store.insertSnapshot(row('c', 19), 'b'), false)
      assert.deepEqual(
        (await store.listSnapshots('w1')).map((m) => m.id),
        ['a', 'b'],
      )
      assert.equal(await store.getSnapshot('c'), null)
      assert.equal(await store.insertSnapshot(row('c', 20), 'b'), true)
      assert.equal((await store.latestSnapshot('w1'))?.id, 'c')
      // Each workshop has its own chain.
      assert.equal(await store.insertSnapshot(row('d', 5, 'w2'), null), true)
      assert.equal(await store.insertSnapshot(row('e', 5, 'w2'), 'c'), false)
      assert.deepEqual(
        (await store.listSnapshots('w2')).map((m) => m.id),
        ['d'],
      )
    }))

  test(`${name}: roadmap versions are numbered in order, concurrent appends included`, () =>
    withStore(async (store) => {
      await store.createProcess({ id: 'd1', nom: 'Démarche', codeDepartement: '02', perimetre: null, createdAt: 1 })
      const seen: (number | null)[] = []
      const appends = Array.from({ length: 5 }, (_, i) =>
        store.appendRoadmapVersion('d1', (previous) => {
          seen.push(previous?.version ?? null)
          return { id: `v${i}`, createdAt: 100 + i, sha256: `h${i}`, body: `{"i":${i}}` }
        }),
      )
      const rows = await Promise.all(appends)
      assert.deepEqual(rows.map((r) => r.version).sort(), [1, 2, 3, 4, 5])
      assert.deepEqual(seen.sort(), [1, 2, 3, 4, null])
      const listed = await store.listRoadmapVersions('d1')
      assert.deepEqual(
        listed.map((v) => v.version),
        [1, 2, 3, 4, 5],
      )
      const first = listed[0]
      assert.ok(first)
      assert.deepEqual(
        await store.getRoadmapVersion(first.id),
        rows.find((r) => r.id === first.id),
      )
      assert.deepEqual(await store.listRoadmapVersions('other'), [])
    }))

  test(`${name}: a démarche’s reader link is created with it, found by its hash, and rotation revokes it`, () =>
    withStore(async (store) => {
      const row = { id: 'd1', nom: 'Démarche', codeDepartement: '02', perimetre: null, createdAt: 1 }
      await store.createProcess(row, 'h-r1')
      await store.createProcess({ ...row, id: 'd2' })
      assert.deepEqual(await store.findProcessLink('h-r1'), { processId: 'd1', secretHash: 'h-r1', createdAt: 1 })
      assert.deepEqual(await store.activeProcessLink('d1'), { processId: 'd1', secretHash: 'h-r1', createdAt: 1 })
      assert.equal(await store.activeProcessLink('d2'), null)
      assert.equal(await store.findProcessLink('h-x'), null)

      await store.rotateProcessLink({ processId: 'd1', secretHash: 'h-r2', createdAt: 5 }, 5)
      assert.equal(await store.findProcessLink('h-r1'), null)
      assert.deepEqual(await store.findProcessLink('h-r2'), { processId: 'd1', secretHash: 'h-r2', createdAt: 5 })
      assert.deepEqual(await store.activeProcessLink('d1'), { processId: 'd1', secretHash: 'h-r2', createdAt: 5 })
      // A démarche without one gets its first by rotation; another démarche's link is untouched.
      await store.rotateProcessLink({ processId: 'd2', secretHash: 'h-r3', createdAt: 6 }, 6)
      assert.equal((await store.activeProcessLink('d2'))?.secretHash, 'h-r3')
      assert.equal((await store.activeProcessLink('d1'))?.secretHash, 'h-r2')
      // All or nothing: a démarche whose link cannot be stored (a hash already used) does not exist.
      await assert.rejects(store.createProcess({ ...row, id: 'd3' }, 'h-r2'))
      assert.equal(await store.getProcess('d3'), null)
    }))

  const person = (id: string, workshopId: string, role: 'facilitator' | 'participant' | 'observer', name: string) => ({
    id,
    workshopId,
    role,
    name,
    organisation: 'CCAS de Laon',
    college: 'associations',
    createdAt: 2,
  })
  const update = new Uint8Array([0, 0])

  test(`${name}: rotating a workshop link revokes it and the sessions it gave, not the other roles' or the new link's`, () =>
    withStore(async (store) => {
      await store.createWorkshop({ id: 'w1', title: 'Atelier', template: 'vide', createdAt: 1 }, [
        { role: 'participant', secretHash: 'h-p1' },
        { role: 'observer', secretHash: 'h-o1' },
      ])
      await store.addParticipant(person('p1', 'w1', 'participant', 'Zoé'), 'h-p1')
      await store.addParticipant(person('o1', 'w1', 'observer', 'Olga'), 'h-o1')
      await store.addParticipant(person('x1', 'w1', 'participant', 'Sans lien'))
      assert.equal((await store.getActiveParticipant('p1'))?.name, 'Zoé')

      await store.rotateLink('w1', 'participant', 'h-p2', 5)
      assert.equal(await store.findLink('h-p1'), null)
      assert.deepEqual(await store.findLink('h-p2'), { workshopId: 'w1', role: 'participant' })
      assert.equal(await store.getActiveParticipant('p1'), null, 'revoked with its link')
      assert.equal((await store.getParticipant('p1'))?.name, 'Zoé', 'the row itself stays')
      assert.equal((await store.getActiveParticipant('o1'))?.name, 'Olga')
      assert.equal((await store.getActiveParticipant('x1'))?.name, 'Sans lien', 'no link recorded: nothing revokes it')
      assert.equal(await store.addParticipant(person('p2', 'w1', 'participant', 'Paul'), 'h-p2'), true)
      assert.equal((await store.getActiveParticipant('p2'))?.name, 'Paul')
      assert.equal(await store.getActiveParticipant('nobody'), null)
    }))

  test(`${name}: a join through a link revoked meanwhile adds nobody (a rotation or the end of retention won the race)`, () =>
    withStore(async (store) => {
      await store.createWorkshop({ id: 'w1', title: 'Atelier', template: 'vide', createdAt: 1 }, [
        { role: 'participant', secretHash: 'h-p1' },
      ])
      await store.rotateLink('w1', 'participant', 'h-p2', 5)
      assert.equal(await store.addParticipant(person('late', 'w1', 'participant', 'Trop tard'), 'h-p1'), false)
      assert.equal(await store.getParticipant('late'), null)
      await store.expireWorkshop('w1', 10, 'w1/drafts/')
      assert.equal(await store.addParticipant(person('later', 'w1', 'participant', 'Après'), 'h-p2'), false)
      assert.deepEqual(await store.listParticipants('w1'), [], 'no name in an erased workshop')
      // Concurrent joins and expiry: whoever got in is erased with the others.
      await store.createWorkshop({ id: 'w2', title: 'Atelier 2', template: 'vide', createdAt: 1 }, [
        { role: 'participant', secretHash: 'h-w2' },
      ])
      await Promise.all([
        ...Array.from({ length: 10 }, (_, i) =>
          store.addParticipant(person(`r${i}`, 'w2', 'participant', `Course ${i}`), 'h-w2'),
        ),
        store.expireWorkshop('w2', 20, 'w2/drafts/'),
      ])
      assert.deepEqual(
        (await store.listParticipants('w2')).filter((p) => p.name !== ''),
        [],
        'every name of the workshop erased',
      )
    }))

  test(`${name}: deleting a participant removes their row and their drafts, nothing else`, () =>
    withStore(async (store) => {
      await store.createWorkshop({ id: 'w1', title: 'Atelier', template: 'vide', createdAt: 1 }, [])
      await store.addParticipant(person('p1', 'w1', 'participant', 'Zoé'))
      await store.addParticipant(person('p2', 'w1', 'participant', 'Paul'))
      await store.appendUpdates([
        { doc: 'w1/board', data: update },
        { doc: 'w1/drafts/p1', data: update },
        { doc: 'w1/drafts/p2', data: update },
      ])
      await store.replaceWithSnapshot('w1/drafts/p1', update, 2)
      assert.equal(await store.deleteParticipant('p1', ['w1/drafts/p1']), true)
      assert.equal(await store.getParticipant('p1'), null)
      assert.deepEqual(await store.loadDoc('w1/drafts/p1'), { snapshot: null, updates: [], lastSeq: 0 })
      assert.deepEqual(await store.listDocs('w1/'), ['w1/board', 'w1/drafts/p2'])
      assert.equal((await store.getParticipant('p2'))?.name, 'Paul')
      assert.equal(await store.deleteParticipant('p1', ['w1/drafts/p1']), false, 'unknown the second time')
      assert.equal(await store.purgeErased(), true)
    }))

  test(`${name}: deleting a workshop removes all of it (links, people, votes, snapshots, documents) and only it`, () =>
    withStore(async (store) => {
      for (const id of ['w1', 'w10']) {
        await store.createWorkshop({ id, title: id, template: 'vide', createdAt: 1 }, [
          { role: 'participant', secretHash: `h-${id}` },
        ])
        await store.addParticipant(person(`p-${id}`, id, 'participant', 'Zoé'), `h-${id}`)
        await store.appendUpdates([{ doc: `${id}/board`, data: update }])
        await store.openVoteSession({
          id: `v-${id}`,
          workshopId: id,
          targets: 'notes',
          targetIds: ['shape:a'],
          votesPerPerson: 1,
          maxPerItem: 1,
          hideResults: false,
          anonymous: false,
          openedAt: 3,
          voterKey: null,
        })
        await store.castVote(`v-${id}`, `p-${id}`, 'shape:a', null, 4)
        await store.insertSnapshot({ id: `s-${id}`, workshopId: id, createdAt: 5, sha256: 'x', body: '{}' }, null)
      }
      // w1/ is a prefix of nothing of w10 (names end with a slash).
      assert.equal(await store.deleteWorkshop('w1', 'w1/'), true)
      assert.equal(await store.getWorkshop('w1'), null)
      assert.equal(await store.findLink('h-w1'), null)
      assert.equal(await store.getParticipant('p-w1'), null)
      assert.equal(await store.getVoteSession('w1', 'v-w1'), null)
      assert.deepEqual(await store.allVotes('v-w1'), [])
      assert.equal(await store.getSnapshot('s-w1'), null)
      assert.deepEqual(await store.listDocs('w1/'), [])
      assert.deepEqual(await store.listDocs('w10/'), ['w10/board'])
      assert.equal((await store.allVotes('v-w10')).length, 1)
      assert.ok(await store.getSnapshot('s-w10'))
      assert.equal(await store.deleteWorkshop('w1', 'w1/'), false)
    }))

  test(`${name}: a workshop expires after its retention: names erased, links revoked, drafts gone, the rest kept`, () =>
    withStore(async (store) => {
      const day = 24 * 3600 * 1000
      await store.createWorkshop({ id: 'short', title: 'Court', template: 'vide', createdAt: 1000, retentionDays: 1 }, [
        { role: 'participant', secretHash: 'h-short' },
      ])
      await store.createWorkshop({ id: 'long', title: 'Long', template: 'vide', createdAt: 0, retentionDays: 30 }, [])
      await store.createWorkshop({ id: 'default', title: 'Défaut', template: 'vide', createdAt: 0 }, [])
      assert.equal((await store.getWorkshop('default'))?.retentionDays, 365)
      await store.addParticipant(person('p1', 'short', 'participant', 'Zoé'), 'h-short')
      await store.addParticipant(person('p2', 'long', 'participant', 'Paul'))
      await store.appendUpdates([
        { doc: 'short/board', data: update },
        { doc: 'short/drafts/p1', data: update },
      ])

      assert.deepEqual(await store.listExpiredWorkshops(1000 + day - 1), [])
      assert.deepEqual(await store.listExpiredWorkshops(1000 + day), ['short'])
      assert.deepEqual(await store.listExpiredWorkshops(30 * day), ['long', 'short'])
      await store.expireWorkshop('short', 1000 + day, 'short/drafts/')

      const erased = await store.getParticipant('p1')
      assert.deepEqual(
        { name: erased?.name, organisation: erased?.organisation, college: erased?.college },
        { name: '', organisation: 'CCAS de Laon', college: 'associations' },
      )
      assert.equal(await store.getActiveParticipant('p1'), null)
      assert.equal(await store.findLink('h-short'), null)
      assert.equal((await store.getWorkshop('short'))?.erasedAt, 1000 + day)
      assert.deepEqual(await store.listDocs('short/'), ['short/board'])
      assert.deepEqual(await store.listExpiredWorkshops(30 * day), ['long'], 'erased once')
      assert.equal((await store.getParticipant('p2'))?.name, 'Paul')
    }))

  // What follows holds on any store but only means something on one whose calls really
  // interleave (PostgreSQL: every call awaits the network, calls run on several connections).

  test(`${name}: concurrent votes never overspend a budget or a cap, and none lands after the close`, () =>
    withStore(async (store) => {
      await store.createWorkshop({ id: 'w1', title: 'Atelier', template: 'chantiers', createdAt: 1 }, [])
      await store.openVoteSession({
        id: 'v1',
        workshopId: 'w1',
        targets: 'ids',
        targetIds: ['a', 'b', 'c'],
        votesPerPerson: 5,
        maxPerItem: 2,
        hideResults: false,
        anonymous: false,
        openedAt: 1,
        voterKey: null,
      })
      const voters = Array.from({ length: 10 }, (_, i) => `p${i}`)
      const outcomes = await Promise.all(
        voters.flatMap((voter) =>
          Array.from({ length: 12 }, (_, i) => store.castVote('v1', voter, ['a', 'b', 'c'][i % 3] as string, null, 2)),
        ),
      )
      assert.equal(outcomes.filter((o) => o.ok).length, 50, 'each voter placed exactly their 5 dots')
      const votes = await store.allVotes('v1')
      for (const voter of voters) {
        const mine = votes.filter((v) => v.voter === voter).map((v) => v.targetId)
        assert.equal(mine.length, 5, voter)
        for (const t of ['a', 'b', 'c']) assert.ok(mine.filter((x) => x === t).length <= 2, `${voter} on ${t}`)
      }
      // Votes racing the close: those that land are before it, the rest are refused as closed.
      const racing = Array.from({ length: 10 }, (_, i) => store.castVote('v1', `late${i}`, 'a', null, 3))
      const closed = store.closeVoteSession('v1', 3)
      const late = await Promise.all(racing)
      assert.equal(await closed, true)
      const landed = (await store.allVotes('v1')).filter((v) => v.voter.startsWith('late')).length
      assert.equal(landed, late.filter((o) => o.ok).length)
      assert.deepEqual(await store.castVote('v1', 'after', 'a', null, 4), { ok: false, reason: 'closed' })
    }))

  test(`${name}: concurrent openings leave one open session, concurrent rotations one active link`, () =>
    withStore(async (store) => {
      await store.createWorkshop({ id: 'w1', title: 'Atelier', template: 'chantiers', createdAt: 1 }, [
        { role: 'participant', secretHash: 'h-0' },
      ])
      const session = (id: string) => ({
        id,
        workshopId: 'w1',
        targets: 'notes' as const,
        targetIds: ['a'],
        votesPerPerson: 1,
        maxPerItem: 1,
        hideResults: false,
        anonymous: false,
        openedAt: 10,
        voterKey: null,
      })
      await Promise.all(Array.from({ length: 8 }, (_, i) => store.openVoteSession(session(`v${i}`))))
      assert.equal((await store.listVoteSessions('w1')).filter((s) => s.status === 'open').length, 1)
      await Promise.all(Array.from({ length: 8 }, (_, i) => store.rotateLink('w1', 'participant', `h-${i + 1}`, 20)))
      const active = []
      for (let i = 0; i <= 8; i++) if (await store.findLink(`h-${i}`)) active.push(i)
      assert.equal(active.length, 1, `active links: ${active}`)
    }))

  test(`${name}: appends racing compactions lose nothing`, () =>
    withStore(async (store) => {
      const source = new Y.Doc()
      const updates: Uint8Array[] = []
      source.on('update', (u: Uint8Array) => updates.push(u))
      for (let i = 0; i < 300; i++) source.getArray<number>('records').push([i])
      // Appends in many small concurrent batches, two documents each, while compactions
      // fold whatever they see committed.
      let appending = true
      const compactions = (async () => {
        let folded = 0
        while (appending || folded === 0) {
          const stored = await store.loadDoc('a/board')
          if (stored.updates.length > 0) {
            const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
            await store.replaceWithSnapshot('a/board', compactParts(parts), stored.lastSeq)
            folded++
          }
          await new Promise((r) => setImmediate(r))
        }
        return folded
      })()
      await Promise.all(
        Array.from({ length: 30 }, (_, b) =>
          store.appendUpdates(
            updates.slice(b * 10, b * 10 + 10).flatMap((data) => [
              { doc: 'a/board', data },
              { doc: 'b/board', data },
            ]),
          ),
        ),
      )
      appending = false
      assert.ok((await compactions) > 0)
      const stored = await store.loadDoc('a/board')
      const rebuilt = new Y.Doc()
      if (stored.snapshot) Y.applyUpdate(rebuilt, stored.snapshot)
      for (const u of stored.updates) Y.applyUpdate(rebuilt, u)
      assert.deepEqual(rebuilt.getArray('records').toArray(), [...Array(300).keys()])
      assert.equal(await store.countUpdates('b/board'), 300)
    }))

  test(`${name}: appended bytes and document names come back exactly, whatever they hold`, () =>
    withStore(async (store) => {
      // Room names are validated before they reach a store; the store must not depend on it.
      const doc = "w'; DROP TABLE doc_updates; --\\x/board"
      const every = Uint8Array.from({ length: 256 }, (_, i) => i)
      await store.appendUpdates([
        { doc, data: every },
        { doc, data: new Uint8Array([0, 39, 92, 0]) },
      ])
      const stored = await store.loadDoc(doc)
      assert.deepEqual(
        stored.updates.map((u) => [...u]),
        [[...every], [0, 39, 92, 0]],
      )
    }))

  test(`${name}: two compactions of one document (two nodes) finishing in either order lose nothing`, () =>
    withStore(async (store) => {
      const source = new Y.Doc()
      const updates: Uint8Array[] = []
      source.on('update', (u: Uint8Array) => updates.push(u))
      for (let i = 0; i < 30; i++) source.getArray<number>('records').push([i])
      const append = (from: number, to: number) =>
        store.appendUpdates(updates.slice(from, to).map((data) => ({ doc: 'a/board', data })))
      const fold = (stored: Awaited<ReturnType<Store['loadDoc']>>) =>
        compactParts(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates)
      const held = async () => {
        const stored = await store.loadDoc('a/board')
        const rebuilt = new Y.Doc()
        if (stored.snapshot) Y.applyUpdate(rebuilt, stored.snapshot)
        for (const u of stored.updates) Y.applyUpdate(rebuilt, u)
        return rebuilt.getArray('records').toArray()
      }
      // One node reads the log, more is appended, the other node reads it; the later read
      // finishes first, then the earlier one (whose snapshot folded less) finishes.
      await append(0, 10)
      const early = await store.loadDoc('a/board')
      await append(10, 20)
      const late = await store.loadDoc('a/board')
      await store.replaceWithSnapshot('a/board', fold(late), late.lastSeq)
      await store.replaceWithSnapshot('a/board', fold(early), early.lastSeq)
      await append(20, 25)
      assert.deepEqual(await held(), [...Array(25).keys()], 'the earlier, smaller fold finishing last')
      // And the usual order: the earlier fold finishes first, the later one after it.
      const first = await store.loadDoc('a/board')
      await append(25, 30)
      const second = await store.loadDoc('a/board')
      await store.replaceWithSnapshot('a/board', fold(first), first.lastSeq)
      await store.replaceWithSnapshot('a/board', fold(second), second.lastSeq)
      assert.deepEqual(await held(), [...Array(30).keys()], 'the later fold finishing last')
      assert.equal((await store.loadDoc('a/board')).updates.length, 0)
    }))

  test(`${name}: group commit of 100 updates (figure)`, () =>
    withStore(async (store) => {
      const batch = Array.from({ length: 100 }, (_, i) => ({
        doc: `w${i % 5}/board`,
        data: new Uint8Array(200).fill(i),
      }))
      const times: number[] = []
      for (let round = 0; round < 30; round++) {
        const started = performance.now()
        await store.appendUpdates(batch)
        times.push(performance.now() - started)
      }
      times.sort((a, b) => a - b)
      const at = (q: number) => (times[Math.floor(q * (times.length - 1))] as number).toFixed(2)
      console.log(
        `figure: ${name} appendUpdates of 100 updates (200 B, 5 documents): p50 ${at(0.5)} ms, p90 ${at(0.9)} ms`,
      )
      assert.equal(await store.countUpdates('w0/board'), 30 * 20)
    }))

  test(`${name}: an unknown document loads empty and the store reports writable`, () =>
    withStore(async (store) => {
      assert.deepEqual(await store.loadDoc('none/board'), { snapshot: null, updates: [], lastSeq: 0 })
      assert.equal(await store.isWritable(), true)
    }))
}
