/**
 * Reflow (WCAG 1.4.10) and 200 % zoom (1.4.4) on the pages outside the board:
 * home, join, roadmap and déclaration, in the states with the most on screen.
 * Nothing may stick out sideways: the page does not scroll horizontally, and
 * no visible element reaches past the viewport's edges (which also catches
 * what a parent's `overflow: hidden` would cut off silently). Screenshots go
 * with the results (`--output`) to be looked at.
 *
 * Zoom is reproduced by its layout: Chromium at 200 % in a 1280 × 800 window
 * lays the page out in 640 × 400 CSS pixels with 2 device pixels to each, so a
 * 640 × 400 viewport at deviceScaleFactor 2 is that zoom exactly (media
 * queries and wrapping included), and its screenshots are what the user sees.
 * CDP's Emulation.setPageScaleFactor would not do: it is a pinch zoom, which
 * magnifies the 1280 px layout without reflowing it. 320 CSS px wide is 1280 px
 * at 400 %, the width WCAG 1.4.10 names.
 */
import { type Browser, expect, type Page, test } from '@playwright/test'
import { call } from '../support/controlClient'
import { FIBRE, seedDemarche } from './accessibilitySeed'
import { atelierPerFile } from './actors'

const atelier = atelierPerFile()

const LAYOUTS = [
  { name: '320px', viewport: { width: 320, height: 256 }, deviceScaleFactor: 1 },
  { name: 'zoom200', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
] as const

/**
 * What sticks out sideways: the page's own scroll, each visible element past
 * the viewport's edges, and each one spilling out of the box drawn around it
 * (its nearest ancestor with a border or a background: a card, a panel) — an
 * input or a button that overflows its card reads as broken even when the
 * page does not scroll.
 */
function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement
    const width = root.clientWidth
    const found: string[] = []
    if (root.scrollWidth > width) found.push(`the page scrolls sideways: ${root.scrollWidth} > ${width} px`)
    const name = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.id
      const classes = typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : ''
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${classes} “${el.textContent?.trim().slice(0, 40)}”`
    }
    const drawnBox = (el: Element): Element | null => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up)
        if (style.overflowX === 'auto' || style.overflowX === 'scroll') return null
        const background = style.backgroundColor !== 'rgba(0, 0, 0, 0)'
        if (background || Number.parseFloat(style.borderLeftWidth) > 0 || Number.parseFloat(style.borderRightWidth) > 0)
          return up
      }
      return null
    }
    const reported: Element[] = []
    for (const el of document.querySelectorAll('body *')) {
      // One line for what sticks out, not one for each of its descendants too.
      if (reported.some((r) => r.contains(el))) continue
      const box = el.getBoundingClientRect()
      // Nothing drawn (empty, hidden) or drawn as nothing on purpose (.visually-hidden is 1 px, clipped).
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).visibility === 'hidden') continue
      if (box.left < -0.5 || box.right > width + 0.5) {
        found.push(`${name(el)} spans ${Math.round(box.left)}…${Math.round(box.right)} px, past the viewport`)
        reported.push(el)
        continue
      }
      const outer = drawnBox(el)
      const edge = outer?.getBoundingClientRect()
      if (outer && edge && (box.left < edge.left - 0.5 || box.right > edge.right + 0.5)) {
        found.push(
          `${name(el)} spans ${Math.round(box.left)}…${Math.round(box.right)} px, out of ${name(outer)} (${Math.round(edge.left)}…${Math.round(edge.right)})`,
        )
        reported.push(el)
      }
    }
    return found
  })
}

async function expectReflow(page: Page, layout: string, state: string, { dialog = false } = {}): Promise<void> {
  // A modal dialog scrolls within the viewport: the page behind it says nothing of how it reads.
  await page.screenshot({ path: test.info().outputPath(`${state}-${layout}.png`), fullPage: !dialog })
  expect.soft(await sideways(page), `${state} at ${layout}`).toEqual([])
}

async function openAt(browser: Browser, layout: (typeof LAYOUTS)[number]): Promise<Page> {
  const context = await browser.newContext({
    locale: 'fr-FR',
    viewport: layout.viewport,
    deviceScaleFactor: layout.deviceScaleFactor,
  })
  const page = await context.newPage()
  opened.push(page)
  return page
}
const opened: Page[] = []
test.afterEach(async () => {
  for (const page of opened.splice(0)) await page.context().close()
})

for (const layout of LAYOUTS) {
  test(`at ${layout.name}: home, join, roadmap and déclaration reflow with nothing sticking out sideways`, async ({
    browser,
  }) => {
    const { url, adminToken } = atelier.server
    const page = await openAt(browser, layout)

    // Home: « Nouvelle démarche » open with an error, then the new workshop's links and QR codes.
    await page.goto(`${url}/#token=${adminToken}`)
    await page.getByTestId('home-process').selectOption({ label: 'Nouvelle démarche…' })
    await page.getByTestId('process-create').click()
    await expect(page.getByTestId('process-error')).toBeVisible()
    await expectReflow(page, layout.name, 'home-new-demarche')
    await page.getByTestId('process-nom').fill('Feuille de route France Numérique Ensemble — Aisne')
    await page.getByTestId('process-create').click()
    await page.getByTestId('home-title').fill('Atelier enjeux — Laon, salle du conseil')
    await page.getByTestId('home-create').click()
    await expect(page.locator('img.qr')).toHaveCount(3)
    await expectReflow(page, layout.name, 'home-links')

    // Join, with an error.
    const created = await call(url, adminToken, 'POST', '/api/workshops', {
      title: 'Atelier de Laon',
      template: 'vide',
    })
    await page.goto(created.body.links.participant)
    await page.getByTestId('join-submit').click()
    await expect(page.getByTestId('join-error')).toBeVisible()
    await expectReflow(page, layout.name, 'join-error')

    // Roadmap: the version, a chantier's details, a comparison.
    const s = await seedDemarche(atelier.server, 'closed')
    await page.goto(s.reader)
    await expect(page.getByTestId('roadmap-bar')).toHaveCount(2)
    await expectReflow(page, layout.name, 'roadmap')
    await page.getByTestId('roadmap-enjeu').first().getByRole('button', { name: FIBRE.titre }).click()
    await expect(page.getByTestId('chantier-details-notes')).toBeVisible()
    await expectReflow(page, layout.name, 'roadmap-details', { dialog: true })
    await page.keyboard.press('Escape')
    await page.getByTestId('roadmap-compare-picker').selectOption({ index: 1 })
    await expect(page.getByTestId('roadmap-diff')).toBeVisible()
    await expectReflow(page, layout.name, 'roadmap-comparison')

    // The déclaration.
    await page.goto(`${url}/accessibilite`)
    await expect(page.getByTestId('statement-contact')).not.toContainText('Chargement')
    await expectReflow(page, layout.name, 'declaration')
  })
}
