/**
 * Security headers in a real browser (issue 6 item 6, DESIGN §5): the board's
 * document carries a CSP with `default-src 'self'` and `frame-ancestors
 * 'none'`, no-referrer and nosniff; tldraw loads and a note is written under
 * that CSP without a single violation; a page on another loopback origin
 * cannot frame Atelier (while it can frame a page of its own, the control);
 * and nothing is requested from another origin.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, type Page, test } from '@playwright/test'
import { createWorkshop } from '../support/api'
import { atelierPerFile, foreignRequests, joinBoard, noteTexts } from './actors'

const atelier = atelierPerFile()

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = []
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) console.push(m.text())
  })
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    )
  })
  return async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)),
  ]
}

test('the board loads and takes a note under its CSP, with no violation and nothing from elsewhere', async ({
  browser,
}) => {
  const workshop = await createWorkshop(atelier.server.url, atelier.server.adminToken, 'Atelier enjeux', 'enjeux')
  const fanny = await atelier.actor(browser, 'Fanny Morel')
  const violations = await watchViolations(fanny.page)
  const documentResponse = fanny.page.waitForResponse((r) => r.request().resourceType() === 'document')
  await joinBoard(fanny, workshop.links.facilitator)

  const headers = (await documentResponse).headers()
  const csp = headers['content-security-policy'] ?? ''
  expect(csp).toMatch(/(^|;)\s*default-src 'self'\s*(;|$)/)
  expect(csp).toMatch(/(^|;)\s*frame-ancestors 'none'\s*(;|$)/)
  expect(headers['referrer-policy']).toBe('no-referrer')
  expect(headers['x-content-type-options']).toBe('nosniff')

  // A note, with the keyboard: tldraw's tools, fonts, text editor and the sync all run under the CSP.
  const canvas = fanny.page.locator('.tl-canvas')
  await canvas.click({ position: { x: 300, y: 300 } })
  await fanny.page.keyboard.press('n')
  await canvas.click({ position: { x: 500, y: 350 } })
  await fanny.page.keyboard.type('Médiation numérique')
  await fanny.page.keyboard.press('Escape')
  await expect.poll(() => noteTexts(fanny)).toEqual([expect.stringContaining('Médiation numérique')])
  await fanny.page.screenshot({ path: test.info().outputPath('board-under-csp.png') })

  expect(await violations()).toEqual([])
  expect(foreignRequests(fanny, atelier.server.url)).toEqual([])
})

test('a page on another loopback origin cannot frame Atelier; it frames its own page', async ({ browser }) => {
  const workshop = await createWorkshop(atelier.server.url, atelier.server.adminToken)
  const target = `${atelier.server.url}/w/${workshop.id}`
  // The other origin: another port on loopback, as a page served next to Atelier would be.
  const framer = http.createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8')
    if (req.url === '/own') return res.end('<!doctype html><p id="own">page du même site</p>')
    res.end(
      `<!doctype html><iframe id="atelier" src="${target}" width="600" height="300"></iframe>` +
        '<iframe id="own" src="/own" width="300" height="100"></iframe>',
    )
  })
  await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve))
  const framerUrl = `http://127.0.0.1:${(framer.address() as AddressInfo).port}`
  try {
    const visitor = await atelier.actor(browser, 'visiteur')
    const refusals: string[] = []
    visitor.page.on('console', (m) => {
      if (/frame-ancestors/.test(m.text())) refusals.push(m.text())
    })
    const atelierAnswered = visitor.page.waitForResponse((r) => r.url() === target)
    await visitor.page.goto(framerUrl)
    // The control: the framer's own page shows in its frame.
    await expect(visitor.page.frameLocator('#own').locator('#own')).toHaveText('page du même site')
    // Atelier answered the frame's request, and Chromium refused to show it.
    expect((await atelierAnswered).status()).toBe(200)
    await expect.poll(() => refusals.length).toBeGreaterThan(0)
    const frame = visitor.page.frames().find((f) => f.parentFrame() && f.url() !== `${framerUrl}/own`)
    expect(frame?.url()).not.toBe(target)
    expect(await frame?.locator('#root').count()).toBe(0)
    await visitor.page.screenshot({ path: test.info().outputPath('framed.png') })
  } finally {
    await new Promise<void>((resolve) => framer.close(() => resolve()))
  }
})
