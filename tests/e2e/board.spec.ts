/**
 * The browser client against the real server: creating a workshop, joining by
 * link, co-editing with named cursors, read-only observers, reconnection, and
 * no request to any other origin.
 */
import { expect, test } from '@playwright/test'
import type { CreateWorkshopResponse } from '../../shared/api'
import { createWorkshop } from '../support/api'
import { atelierPerFile, foreignRequests, joinBoard, noteTexts } from './actors'

const atelier = atelierPerFile()

test('the admin creates a workshop and gets three links with QR codes', async ({ browser }) => {
  const admin = await atelier.actor(browser, 'admin')
  // The démarches load under the form's fields (slowly here, as on a busy network): the
  // button must not move under a pointer about to click it.
  const isProcesses = (url: string) => new URL(url).pathname === '/api/processes'
  await admin.page.route(
    (url) => isProcesses(url.href),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500))
      await route.continue()
    },
  )
  const requested = admin.page.waitForRequest((r) => isProcesses(r.url()))
  const listed = admin.page.waitForResponse((r) => isProcesses(r.url()))
  await admin.page.goto(`${atelier.server.url}/#token=${atelier.server.adminToken}`)
  // The token leaves the address bar but stays in the form.
  await expect(admin.page).toHaveURL(`${atelier.server.url}/`)
  await expect(admin.page.getByTestId('home-token')).toHaveValue(atelier.server.adminToken)
  const create = admin.page.getByTestId('home-create')
  await requested
  const whileLoading = await create.boundingBox()
  await listed
  await expect(admin.page.getByTestId('home-process').getByRole('option')).toHaveCount(2)
  expect(await create.boundingBox()).toEqual(whileLoading)
  await admin.page.getByTestId('home-title').fill('Atelier enjeux — Aisne')
  await admin.page.getByTestId('home-template').selectOption('enjeux')
  await admin.page.getByTestId('home-create').click()
  // Links or an error, whichever comes: an error fails here with its own words.
  await expect(admin.page.getByTestId('link-facilitator').or(admin.page.getByTestId('home-error'))).toBeVisible()
  await expect(admin.page.getByTestId('home-error')).toHaveCount(0)
  for (const role of ['facilitator', 'participant', 'observer']) {
    await expect(admin.page.getByTestId(`link-${role}`)).toHaveAttribute('href', /\/w\/[A-Za-z0-9_-]{22}#k=/)
  }
  await expect(admin.page.getByRole('img', { name: /QR code/ })).toHaveCount(3)
  await expect(admin.page.getByText('Animateur·rice', { exact: true })).toBeVisible()
  expect(foreignRequests(admin, atelier.server.url)).toEqual([])
})

test('a wrong admin token is reported in French', async ({ browser }) => {
  const admin = await atelier.actor(browser, 'admin')
  await admin.page.goto(atelier.server.url)
  await admin.page.getByTestId('home-token').fill('not-the-token-0123456789')
  await admin.page.getByTestId('home-title').fill('x')
  await admin.page.getByTestId('home-create').click()
  await expect(admin.page.getByTestId('home-error')).toHaveText('Jeton administrateur invalide')
})

test.describe('on a board', () => {
  let workshop: CreateWorkshopResponse
  test.beforeEach(async () => {
    workshop = await createWorkshop(atelier.server.url, atelier.server.adminToken, 'Atelier de test', 'enjeux')
  })

  test('two participants see each other’s notes and named cursors; undo is per person', async ({ browser }) => {
    const camille = await atelier.actor(browser, 'Camille Martin')
    const dominique = await atelier.actor(browser, 'Dominique Leroy')
    await joinBoard(camille, workshop.links.facilitator, 'departement')
    await joinBoard(dominique, workshop.links.participant, 'associations')

    // The secret never stays in the address bar.
    expect(camille.page.url()).not.toContain('#')
    await expect(camille.page.getByTestId('role-badge')).toHaveText('Animateur·rice')

    // Camille adds a sticky note with the keyboard, as people do.
    const canvas = camille.page.locator('.tl-canvas')
    await canvas.click({ position: { x: 300, y: 300 } })
    await camille.page.keyboard.press('n')
    await canvas.click({ position: { x: 500, y: 350 } })
    await camille.page.keyboard.type('Fracture numérique')
    await camille.page.keyboard.press('Escape')

    await expect.poll(() => noteTexts(dominique)).toEqual([expect.stringContaining('Fracture numérique')])

    // Cursors carry names.
    await expect(async () => {
      await camille.page.mouse.move(400 + Math.random() * 100, 400)
      await expect(dominique.page.locator('.tl-collaborator__cursor')).toContainText('Camille Martin', { timeout: 500 })
    }).toPass()

    // Dominique's undo does not undo Camille's note.
    await dominique.page.locator('.tl-canvas').click({ position: { x: 900, y: 600 } })
    await dominique.page.keyboard.press('Control+z')
    await expect.poll(() => noteTexts(camille)).toHaveLength(1)

    for (const a of [camille, dominique]) expect(foreignRequests(a, atelier.server.url)).toEqual([])
  })

  test('the board and tldraw’s own menus are in French, and in English after switching', async ({ browser }) => {
    const anne = await atelier.actor(browser, 'Anne')
    await joinBoard(anne, workshop.links.participant)
    await expect(anne.page.getByTestId('connection-state')).toHaveText('Connecté')
    await anne.page.getByTestId('main-menu.button').click()
    await expect(anne.page.getByText('Préférences', { exact: true })).toBeVisible()
    await anne.page.keyboard.press('Escape')

    await anne.page.getByTestId('language-switch').selectOption('en')
    await expect(anne.page.getByTestId('connection-state')).toHaveText('Connected')
    await anne.page.getByTestId('main-menu.button').click()
    await expect(anne.page.getByText('Preferences', { exact: true })).toBeVisible()
    expect(foreignRequests(anne, atelier.server.url)).toEqual([])
  })

  test('an observer follows live, cannot edit, and stays connected while others edit', async ({ browser }) => {
    const writer = await atelier.actor(browser, 'Anne')
    const observer = await atelier.actor(browser, 'Olivier')
    await joinBoard(writer, workshop.links.participant)
    await joinBoard(observer, workshop.links.observer)
    await expect(observer.page.getByTestId('role-badge')).toHaveText('Observateur·rice')
    expect(await observer.page.evaluate(() => window.__atelier!.editor.getIsReadonly())).toBe(true)

    await writer.page.evaluate(() => {
      const editor = window.__atelier!.editor
      editor.createShape({ type: 'note', x: 100, y: 100 })
      const id = editor.getCurrentPageShapes().find((s) => s.type === 'note')!.id
      for (let i = 0; i < 30; i++) editor.updateShape({ id, type: 'note', x: 100 + i })
    })
    await expect.poll(() => noteTexts(observer)).toHaveLength(1)

    // Keyboard shortcuts do nothing for an observer.
    await observer.page.locator('.tl-canvas').click({ position: { x: 600, y: 400 } })
    await observer.page.keyboard.press('n')
    await observer.page.locator('.tl-canvas').click({ position: { x: 620, y: 420 } })
    await expect.poll(() => noteTexts(writer)).toHaveLength(1)
    await expect(observer.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  })

  test('a server restart shows « Reconnexion… », then edits made meanwhile reach the others', async ({ browser }) => {
    const anne = await atelier.actor(browser, 'Anne')
    const bruno = await atelier.actor(browser, 'Bruno')
    await joinBoard(anne, workshop.links.participant)
    await joinBoard(bruno, workshop.links.participant)

    await atelier.server.stop()
    await expect(anne.page.getByTestId('connection-state')).not.toHaveAttribute('data-state', 'connected')
    await expect(anne.page.getByTestId('connection-state')).toHaveText(/Reconnexion…|Hors ligne/)
    // (Braces: createShape returns the editor, too deep to send back once the board holds a template.)
    await anne.page.evaluate(() => {
      window.__atelier!.editor.createShape({ type: 'note', x: 50, y: 50 })
    })

    atelier.server = await atelier.server.restart()
    await expect(anne.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected', {
      timeout: 20_000,
    })
    await expect.poll(() => noteTexts(bruno), { timeout: 20_000 }).toHaveLength(1)
  })
})
