import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseRoute } from './routes'

const ID = 'yRW9-qSSBcUG2jstLDKyXQ'

test('pages by pathname: home, a workshop, a démarche’s roadmap, the accessibility statement; anything else is not found', () => {
  assert.deepEqual(parseRoute('/'), { page: 'home' })
  assert.deepEqual(parseRoute(`/w/${ID}`), { page: 'workshop', workshopId: ID })
  assert.deepEqual(parseRoute(`/w/${ID}/liste`), { page: 'list', workshopId: ID })
  assert.deepEqual(parseRoute(`/w/${ID}/liste/`), { page: 'list', workshopId: ID })
  assert.deepEqual(parseRoute(`/d/${ID}`), { page: 'roadmap', processId: ID })
  assert.deepEqual(parseRoute(`/d/${ID}/`), { page: 'roadmap', processId: ID })
  assert.deepEqual(parseRoute('/accessibilite'), { page: 'accessibility' })
  assert.deepEqual(parseRoute('/accessibilite/'), { page: 'accessibility' })
  for (const path of [
    '/d/',
    '/d/short',
    `/d/${ID}/x`,
    `/x/${ID}`,
    '/accessibilite/x',
    `/w/${ID}/list`,
    '/w/short/liste',
  ])
    assert.deepEqual(parseRoute(path), { page: 'notFound' })
})
