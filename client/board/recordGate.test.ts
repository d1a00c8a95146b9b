/**
 * The Yjs → store gate: one bad remote record must never break the canvas,
 * neither on first load nor later. Runs in Node with the MIT tldraw schema
 * (`node --import tsx --test client/board/*.test.ts`).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
// @tldraw/store comes with @tldraw/tlschema; importing 'tldraw' itself in Node
// would keep the process alive (React's scheduler), so the test builds the store directly.
import { Store } from '@tldraw/store'
import { createTLSchema, type TLRecord, type TLStore } from '@tldraw/tlschema'
import { checkLocalRecord, mergeRemoteBatch, type RecordEntry, RejectionLog } from './recordGate'

function newStore(): TLStore {
  return new Store({
    schema: createTLSchema(),
    props: {
      defaultName: '',
      assets: { upload: async () => ({ src: '' }), resolve: () => null, remove: async () => {} },
      onMount: () => {},
    },
  }) as unknown as TLStore
}

const documentRecord = { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} }

const page = {
  id: 'page:page',
  typeName: 'page',
  name: 'Page 1',
  index: 'a1',
  meta: {},
}

function note(id: string, text: string) {
  return {
    id,
    typeName: 'shape',
    type: 'note',
    parentId: 'page:page',
    index: 'a1',
    x: 10,
    y: 20,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    },
  }
}

const entry = (val: { id: string }): RecordEntry => ({ key: val.id, val })

function collectingLog() {
  const warnings: string[] = []
  return { warnings, log: new RejectionLog((message) => warnings.push(message)) }
}

test('first load: the valid record lands, the invalid one is skipped with one warning', () => {
  const store = newStore()
  const { warnings, log } = collectingLog()
  const valid = note('shape:valid', 'Fracture numérique')
  const invalid = { ...note('shape:invalid', 'x'), x: 'not a number' }
  mergeRemoteBatch(store, { put: [entry(page), entry(valid), entry(invalid)], remove: [] }, log)

  assert.ok(store.has('shape:valid' as TLRecord['id']), 'valid note is in the store')
  assert.ok(store.has('page:page' as TLRecord['id']))
  assert.equal(store.has('shape:invalid' as TLRecord['id']), false, 'invalid note is skipped')
  assert.equal(warnings.length, 1)
  assert.match(warnings[0] as string, /shape:invalid/)
})

test('later updates: an invalid version keeps the last valid one; warned once per record', () => {
  const store = newStore()
  const { warnings, log } = collectingLog()
  mergeRemoteBatch(store, { put: [entry(page), entry(note('shape:a', 'avant'))], remove: [] }, log)

  const broken = { ...note('shape:a', 'après'), props: { color: 'not-a-colour' } }
  const other = note('shape:b', 'autre')
  mergeRemoteBatch(store, { put: [entry(broken), entry(other)], remove: [] }, log)
  mergeRemoteBatch(store, { put: [entry(broken)], remove: [] }, log)

  const a = store.get('shape:a' as TLRecord['id']) as unknown as ReturnType<typeof note>
  assert.equal(a.props.richText.content[0]?.content[0]?.text, 'avant')
  assert.ok(store.has('shape:b' as TLRecord['id']))
  assert.equal(warnings.length, 1, 'the same bad record is reported once')
})

test('records that are not shared document records, or keyed wrongly, are skipped', () => {
  const store = newStore()
  const { warnings, log } = collectingLog()
  const camera = { id: 'camera:remote', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} }
  const unknownType = { id: 'thing:1', typeName: 'thing' }
  const valid = note('shape:ok', 'ok')
  mergeRemoteBatch(
    store,
    {
      put: [entry(page), entry(camera), entry(unknownType), { key: 'shape:other', val: valid }, entry(valid)],
      remove: [],
    },
    log,
  )
  assert.ok(store.has('shape:ok' as TLRecord['id']))
  assert.equal(store.has('camera:remote' as TLRecord['id']), false, 'session records are never taken from others')
  assert.equal(store.has('shape:other' as TLRecord['id']), false)
  assert.equal(warnings.length, 3)
})

test('removals apply, unknown ids are ignored, and nothing counts as a user change', async () => {
  const store = newStore()
  const { log } = collectingLog()
  // The store batches its listeners per animation frame; Node has no frames.
  globalThis.requestAnimationFrame ??= (cb: FrameRequestCallback) =>
    setTimeout(() => cb(Date.now()), 16) as unknown as number
  globalThis.cancelAnimationFrame ??= (id: number) => clearTimeout(id)
  let userChanges = 0
  let allChanges = 0
  store.listen(() => allChanges++, { source: 'remote', scope: 'document' })
  store.listen(() => userChanges++, { source: 'user', scope: 'document' })
  // A complete board (document + page): the store needs nothing of its own.
  mergeRemoteBatch(store, { put: [entry(documentRecord), entry(page), entry(note('shape:a', 'a'))], remove: [] }, log)
  mergeRemoteBatch(store, { put: [], remove: ['shape:a', 'shape:never-seen'] }, log)
  assert.equal(store.has('shape:a' as TLRecord['id']), false)
  // The store's history listeners fire on the next frame.
  await new Promise((resolve) => setTimeout(resolve, 50))
  assert.ok(allChanges > 0, 'the listeners did run')
  assert.equal(userChanges, 0, 'remote changes are not seen as the user’s (not undoable, not echoed)')
})

test('local records: valid ones pass, invalid or oversized ones are held back', () => {
  const store = newStore()
  const valid = note('shape:v', 'ok') as unknown as TLRecord
  assert.equal(checkLocalRecord(store.schema, valid).ok, true)
  const invalid = { ...note('shape:i', 'x'), y: Number.NaN } as unknown as TLRecord
  assert.equal(checkLocalRecord(store.schema, invalid).ok, false)
  const huge = note('shape:h', 'x'.repeat(600 * 1024)) as unknown as TLRecord
  const check = checkLocalRecord(store.schema, huge)
  assert.equal(check.ok, false)
  assert.equal(check.ok ? '' : check.reason, 'record too large')
})
