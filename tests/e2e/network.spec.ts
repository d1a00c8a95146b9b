/**
 * What a participant sees when the network goes (issue 6, item 3). Alice's
 * browser reaches the server through the fault proxy (tests/support/
 * faultProxy.ts: 200 ms each way); Bruno's reaches it directly. The proxy's
 * origin is the page's origin, and the server allows the Origin its Host
 * header names, so no configuration is needed.
 *
 * A silent cut (a venue Wi-Fi whose uplink is gone: no error, the browser
 * still "online") must show « Reconnexion… » then « Hors ligne » in bounded
 * time; notes written meanwhile, on the canvas or in the list, are counted as
 * waiting to be sent, leaving the page asks first, and after the heal the
 * badge says « Connecté » and Bruno has the notes.
 */
import fs from 'node:fs'
import { expect, type Page, test } from '@playwright/test'
import { createWorkshop } from '../support/api'
import { type FaultProxy, startFaultProxy } from '../support/faultProxy'
import { type Actor, atelierPerFile, foreignRequests, joinBoard, noteTexts } from './actors'
import { joinList } from './listView'

const atelier = atelierPerFile()
const DELAY_MS = 200
/** Generous guards: delivery.ts says stale after ~4 + 2.5 s of silence, dead 10 s later. */
const STALE_WITHIN_MS = 12_000
const OFFLINE_WITHIN_MS = 25_000

let proxy: FaultProxy
test.beforeEach(async () => {
  proxy = await startFaultProxy({ targetPort: atelier.server.port, delayMs: DELAY_MS })
})
test.afterEach(async () => {
  await proxy.close()
})

async function twoParticipants(browser: import('@playwright/test').Browser, aliceView: 'canvas' | 'list') {
  const workshop = await createWorkshop(atelier.server.url, atelier.server.adminToken, 'Atelier réseau', 'vide')
  const alice = await atelier.actor(browser, 'Alice Durand')
  const bruno = await atelier.actor(browser, 'Bruno Petit')
  const throughProxy = workshop.links.participant.replace(atelier.server.url, proxy.url)
  if (aliceView === 'canvas') await joinBoard(alice, throughProxy, 'france-services')
  else await joinList(alice, throughProxy, 'france-services')
  await joinBoard(bruno, workshop.links.participant, 'associations')
  return { alice, bruno }
}

const badge = (page: Page) => page.getByTestId('connection-state')

/**
 * A screenshot that does not wait for web fonts: Playwright's does, and a font
 * first needed during the cut (tldraw's, for a note) stays pending until the heal.
 */
async function screenshotNow(page: Page, path: string) {
  const cdp = await page.context().newCDPSession(page)
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' })
  fs.writeFileSync(path, Buffer.from(data, 'base64'))
  await cdp.detach()
}

/** Cuts Alice's network and follows her badge: « Reconnexion… », then « Hors ligne ». */
async function cutAndWatch(alice: Actor) {
  await expect(badge(alice.page)).toHaveText('Connecté')
  proxy.cut('silent')
  const cutAt = Date.now()
  await expect(badge(alice.page)).toHaveAttribute('data-state', 'connecting', { timeout: STALE_WITHIN_MS })
  await expect(badge(alice.page)).toHaveText('Reconnexion…')
  const staleMs = Date.now() - cutAt
  await expect(badge(alice.page)).toHaveAttribute('data-state', 'offline', { timeout: OFFLINE_WITHIN_MS })
  await expect(badge(alice.page)).toHaveText('Hors ligne — vos modifications sont conservées')
  const offlineMs = Date.now() - cutAt
  console.log(`figure: silent cut → « Reconnexion… » after ${staleMs} ms, « Hors ligne » after ${offlineMs} ms`)
}

async function healAndWatch(alice: Actor) {
  proxy.heal()
  const healedAt = Date.now()
  await expect(badge(alice.page)).toHaveText('Connecté', { timeout: 10_000 })
  await expect(alice.page.getByTestId('connection-unsent')).toHaveCount(0)
  console.log(`figure: heal → « Connecté », nothing waiting, after ${Date.now() - healedAt} ms`)
}

/** Leaving the page (a reload) asks first; dismissing keeps the page and what it holds. */
async function reloadIsHeldBack(page: Page) {
  await page.evaluate(() => {
    ;(window as { notReloaded?: boolean }).notReloaded = true
  })
  const dialog = page.waitForEvent('dialog')
  const reload = page.reload({ timeout: 3000 }).catch(() => 'held back')
  const asked = await dialog
  expect(asked.type()).toBe('beforeunload')
  await asked.dismiss()
  expect(await reload).toBe('held back')
  expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true)
}

test('canvas: a silent cut shows « Reconnexion… » then « Hors ligne »; a note written offline is counted, guarded, and reaches Bruno on heal', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const { alice, bruno } = await twoParticipants(browser, 'canvas')
  await cutAndWatch(alice)

  const canvas = alice.page.locator('.tl-canvas')
  await canvas.click({ position: { x: 200, y: 200 } })
  await alice.page.keyboard.press('n')
  await canvas.click({ position: { x: 320, y: 260 } })
  await alice.page.keyboard.type('Écrit hors ligne')
  await alice.page.keyboard.press('Escape')
  await expect(alice.page.getByTestId('connection-unsent')).toHaveText(' · 1 modification en attente d’envoi')
  await expect(badge(alice.page)).toHaveAttribute('data-state', 'offline')
  await screenshotNow(alice.page, test.info().outputPath('canvas-offline.png'))
  await reloadIsHeldBack(alice.page)
  expect(await noteTexts(bruno)).toEqual([])

  await healAndWatch(alice)
  await expect.poll(() => noteTexts(bruno)).toEqual([expect.stringContaining('Écrit hors ligne')])
  // Stored now: a reload is not held back, and brings the note back from the server.
  await alice.page.reload()
  await expect(badge(alice.page)).toHaveText('Connecté')
  await alice.page.waitForFunction(() => Boolean(window.__atelier?.editor))
  await expect.poll(() => noteTexts(alice)).toEqual([expect.stringContaining('Écrit hors ligne')])
  expect(foreignRequests(alice, proxy.url)).toEqual([])
})

test('list view: the same badge; notes added offline are counted, then reach Bruno on heal', async ({ browser }) => {
  test.setTimeout(120_000)
  const { alice, bruno } = await twoParticipants(browser, 'list')
  await cutAndWatch(alice)

  const A = alice.page
  for (const text of ['Pas de fibre à Vervins', 'Bus rares le dimanche']) {
    await A.getByTestId('list-add-text').fill(text)
    await A.getByTestId('list-add-submit').click()
  }
  await expect(A.getByTestId('list-note')).toHaveCount(2)
  await expect(A.getByTestId('connection-unsent')).toHaveText(' · 2 modifications en attente d’envoi')
  await screenshotNow(A, test.info().outputPath('list-offline.png'))
  await reloadIsHeldBack(A)

  await healAndWatch(alice)
  await expect
    .poll(async () => (await noteTexts(bruno)).sort())
    .toEqual([expect.stringContaining('Bus rares le dimanche'), expect.stringContaining('Pas de fibre à Vervins')])
})

test("'reset' cut (the laptop's own link down): « Hors ligne » within seconds, « Connecté » on heal", async ({
  browser,
}) => {
  const { alice } = await twoParticipants(browser, 'canvas')
  await expect(badge(alice.page)).toHaveText('Connecté')
  proxy.cut('reset')
  const cutAt = Date.now()
  await expect(badge(alice.page)).toHaveAttribute('data-state', 'offline', { timeout: 10_000 })
  console.log(`figure: reset cut → « Hors ligne » after ${Date.now() - cutAt} ms`)
  await healAndWatch(alice)
})
