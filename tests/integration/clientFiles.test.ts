/**
 * How the built client is served: scripts gzipped on the way out (a phone on a
 * slow network downloads a quarter of the bytes), hashed assets cached for good
 * (a second visit asks for nothing), a missing asset a 404 rather than the
 * page's HTML, and every page route answering index.html uncached.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { type ServerProcess, startServerProcess, tempDataDir } from '../support/serverProcess'

let server: ServerProcess
// A client build of our own: an index and one hashed script, as Vite lays them out.
const clientDir = tempDataDir('atelier-client-')
const script = `${Array.from({ length: 4000 }, (_, i) => `export const note${i} = 'Pas de fibre à Vervins ${i}'`).join('\n')}\n`

before(async () => {
  fs.mkdirSync(path.join(clientDir, 'assets'))
  fs.writeFileSync(
    path.join(clientDir, 'index.html'),
    '<!doctype html><script type="module" src="/assets/index-Ab12Cd34.js"></script>',
  )
  fs.writeFileSync(path.join(clientDir, 'assets', 'index-Ab12Cd34.js'), script)
  server = await startServerProcess({ env: { ATELIER_CLIENT_DIR: clientDir } })
})
after(async () => {
  await server.stop()
})

/** A GET with the Accept-Encoding we choose, answered as raw bytes (fetch would decompress). */
function get(
  url: string,
  acceptEncoding: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        let bytes = 0
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }))
      })
      .on('error', reject)
  })
}

test('a script is gzipped for a browser that accepts it, and cached for good', async () => {
  const url = `${server.url}/assets/index-Ab12Cd34.js`
  const gzipped = await get(url, 'gzip, deflate')
  assert.equal(gzipped.status, 200)
  assert.equal(gzipped.headers['content-encoding'], 'gzip')
  // Chromium also accepts Brotli, which compresses text further.
  const brotli = await get(url, 'gzip, deflate, br')
  assert.equal(brotli.headers['content-encoding'], 'br')
  assert.ok(brotli.bytes <= gzipped.bytes, `${brotli.bytes} bytes in Brotli, ${gzipped.bytes} gzipped`)
  assert.match(String(gzipped.headers.vary), /Accept-Encoding/i)
  assert.match(String(gzipped.headers['cache-control']), /max-age=31536000/)
  assert.match(String(gzipped.headers['cache-control']), /immutable/)
  const plain = await get(url, 'identity')
  assert.equal(plain.headers['content-encoding'], undefined)
  assert.equal(plain.bytes, Buffer.byteLength(script))
  assert.ok(gzipped.bytes < plain.bytes / 4, `${gzipped.bytes} bytes gzipped for ${plain.bytes}`)
  console.log(
    `figure: a ${plain.bytes}-byte script travels as ${gzipped.bytes} bytes gzipped, ${brotli.bytes} in Brotli`,
  )
})

test('a missing asset is a 404, not the page', async () => {
  const res = await get(`${server.url}/assets/index-gone0000.js`, 'identity')
  assert.equal(res.status, 404)
  assert.doesNotMatch(String(res.headers['content-type']), /html/)
})

test('page routes answer index.html, never cached, so a new build is picked up at once', async () => {
  for (const route of ['/', '/w/AAAAAAAAAAAAAAAAAAAAAA/liste', '/accessibilite']) {
    const res = await fetch(`${server.url}${route}`)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('cache-control'), 'no-cache')
    assert.match(await res.text(), /index-Ab12Cd34\.js/)
  }
})
