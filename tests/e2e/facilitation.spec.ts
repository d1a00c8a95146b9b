/**
 * Facilitation tools in the browser (issue 3 §2 and §6), a facilitator and two
 * participants as separate browser contexts against the real server: phases
 * and timer the same on every screen, the board lock (read-only canvas, and a
 * write racing the lock ends showing the server's state), « Tout le monde
 * ici », following the facilitator, and the participant list with presence.
 */
import { type Browser, expect, type Page, test } from '@playwright/test'
import type { CreateWorkshopResponse } from '../../shared/api'
import { createWorkshop } from '../support/api'
import { type Actor, atelierPerFile, joinBoard, noteTexts } from './actors'

const atelier = atelierPerFile()

let workshop: CreateWorkshopResponse
test.beforeEach(async () => {
  workshop = await createWorkshop(atelier.server.url, atelier.server.adminToken, 'Atelier animation', 'enjeux')
})

interface Room {
  fanny: Actor
  paul: Actor
  pia: Actor
}

async function room(browser: Browser): Promise<Room> {
  const fanny = await atelier.actor(browser, 'Fanny Animatrice')
  const paul = await atelier.actor(browser, 'Paul Participant')
  const pia = await atelier.actor(browser, 'Pia Participante')
  await joinBoard(fanny, workshop.links.facilitator, 'departement')
  await joinBoard(paul, workshop.links.participant, 'associations')
  await joinBoard(pia, workshop.links.participant, 'france-services')
  return { fanny, paul, pia }
}

const everyone = (r: Room) => [r.fanny, r.paul, r.pia]

async function participantId(page: Page): Promise<string> {
  return page.evaluate(async (id) => {
    const res = await fetch(`/api/workshops/${id}/session`)
    return ((await res.json()) as { participantId: string }).participantId
  }, workshop.id)
}

/** The centre and zoom of what this screen shows, in page coordinates. */
function view(page: Page): Promise<{ x: number; y: number; z: number }> {
  return page.evaluate(() => {
    const editor = window.__atelier!.editor
    const b = editor.getViewportPageBounds()
    return { x: b.x + b.w / 2, y: b.y + b.h / 2, z: editor.getZoomLevel() }
  })
}

const near = (a: { x: number; y: number; z: number }, b: { x: number; y: number; z: number }) =>
  Math.abs(a.x - b.x) < 2 && Math.abs(a.y - b.y) < 2 && Math.abs(a.z - b.z) < 0.01

test('the facilitator steers phases and timer; every screen shows the same phase and seconds', async ({ browser }) => {
  const r = await room(browser)
  const { fanny, paul } = r
  // Participants see the phases but have no controls.
  await expect(paul.page.getByTestId('phase-ecriture')).toHaveAttribute('aria-current', 'step')
  await expect(paul.page.getByTestId('phase-next')).toHaveCount(0)
  await expect(paul.page.getByTestId('timer-start-preset')).toHaveCount(0)
  await expect(paul.page.getByTestId('lock-toggle')).toHaveCount(0)

  // Next with the keyboard, then straight to « Vote », then back one.
  await fanny.page.getByTestId('phase-next').focus()
  await fanny.page.keyboard.press('Enter')
  for (const a of everyone(r))
    await expect(a.page.getByTestId('phase-regroupement')).toHaveAttribute('aria-current', 'step')
  await fanny.page.getByTestId('phase-choose-vote').click()
  for (const a of everyone(r)) await expect(a.page.getByTestId('phase-vote')).toHaveAttribute('aria-current', 'step')
  await fanny.page.getByTestId('phase-previous').click()
  for (const a of everyone(r))
    await expect(a.page.getByTestId('phase-chantiers')).toHaveAttribute('aria-current', 'step')

  // The preset of the current phase (the « enjeux » template plans the chantiers phase).
  const preset = fanny.page.getByTestId('timer-start-preset')
  await expect(preset).toHaveText(/^Lancer \d+ min$/)
  const presetMinutes = Number((await preset.textContent())?.match(/\d+/)?.[0])
  await preset.click()
  const seconds = async () =>
    Promise.all(
      everyone(r).map(async (a) => Number(await a.page.getByTestId('countdown').getAttribute('data-seconds'))),
    )
  for (const a of everyone(r)) await expect(a.page.getByTestId('countdown')).toBeVisible()
  const started = await seconds()
  expect(Math.max(...started) - Math.min(...started)).toBeLessThanOrEqual(1)
  expect(started[0]).toBeGreaterThan(presetMinutes * 60 - 5)
  expect(started[0]).toBeLessThanOrEqual(presetMinutes * 60)

  await fanny.page.getByTestId('timer-add-minute').click()
  await expect.poll(async () => Math.min(...(await seconds()))).toBeGreaterThan(presetMinutes * 60 + 50)
  const added = await seconds()
  expect(Math.max(...added) - Math.min(...added)).toBeLessThanOrEqual(1)

  await fanny.page.getByTestId('timer-stop').click()
  for (const a of everyone(r)) await expect(a.page.getByTestId('countdown')).toHaveCount(0)

  // A custom duration; a wrong one is explained in French, not sent.
  await fanny.page.getByTestId('timer-minutes').fill('0')
  await fanny.page.getByTestId('timer-start-custom').click()
  await expect(fanny.page.getByRole('alert')).toContainText('nombre entier de minutes')
  await fanny.page.getByTestId('timer-minutes').fill('3')
  await fanny.page.getByTestId('timer-minutes').press('Enter')
  await expect.poll(async () => Math.max(...(await seconds()))).toBeLessThanOrEqual(180)
  const custom = await seconds()
  expect(Math.min(...custom)).toBeGreaterThan(175)
  expect(Math.max(...custom) - Math.min(...custom)).toBeLessThanOrEqual(1)
})

test('a locked board is read-only for participants; a write racing the lock ends showing the server’s state', async ({
  browser,
}) => {
  const fanny = await atelier.actor(browser, 'Fanny Animatrice')
  const paul = await atelier.actor(browser, 'Paul Participant')
  // Paul's control document arrives late, as on a slow link: the lock reaches the
  // server before his screen knows about it, so his next edit races it.
  let holdControl = false
  const held: (string | Buffer)[] = []
  let deliver: ((m: string | Buffer) => void) | null = null
  await paul.page.routeWebSocket(/\/sync\/[^/]+\/control$/, (ws) => {
    const server = ws.connectToServer()
    deliver = (m) => ws.send(m)
    server.onMessage((m) => (holdControl ? held.push(m) : ws.send(m)))
  })
  await joinBoard(fanny, workshop.links.facilitator)
  await joinBoard(paul, workshop.links.participant)
  const before = await noteTexts(fanny)
  await expect(paul.page.getByTestId('workshop-bar')).toBeVisible() // his control document is loaded

  holdControl = true
  await fanny.page.getByTestId('lock-toggle').click()
  await expect(fanny.page.getByTestId('lock-badge')).toHaveText('Tableau verrouillé')
  await expect(fanny.page.getByTestId('lock-toggle')).toHaveAttribute('aria-pressed', 'true')
  expect(await paul.page.evaluate(() => window.__atelier!.editor.getIsReadonly())).toBe(false)
  const refusedDoc = await paul.page.evaluate(() => window.__atelier!.doc.guid)

  // Paul writes a note the usual way: the server refuses it (4423)…
  const canvas = paul.page.locator('.tl-canvas')
  await canvas.click({ position: { x: 640, y: 500 } })
  await paul.page.keyboard.press('n')
  await canvas.click({ position: { x: 660, y: 520 } })
  await paul.page.keyboard.type('Note refusée')
  await paul.page.keyboard.press('Escape')
  // …his page drops that copy and reloads the server's board: the note is gone, he is connected.
  await expect(paul.page.getByTestId('locked-write-notice')).toBeVisible()
  await expect.poll(() => paul.page.evaluate(() => window.__atelier?.doc.guid)).not.toBe(refusedDoc)
  await expect(paul.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await expect.poll(() => noteTexts(paul)).toEqual(before)
  expect(await noteTexts(fanny)).toEqual(before)

  // The lock reaches him: « Tableau verrouillé », a read-only canvas.
  holdControl = false
  for (const m of held.splice(0)) deliver!(m)
  await expect(paul.page.getByTestId('lock-badge')).toHaveText('Tableau verrouillé')
  await expect.poll(() => paul.page.evaluate(() => window.__atelier!.editor.getIsReadonly())).toBe(true)
  await canvas.click({ position: { x: 640, y: 500 } })
  await paul.page.keyboard.press('n')
  await canvas.click({ position: { x: 700, y: 560 } })
  await paul.page.keyboard.type('Encore')
  // The facilitator still writes, and Paul sees it.
  await fanny.page.evaluate(() => {
    window.__atelier!.editor.createShape({ type: 'note', x: 200, y: 300 })
  })
  await expect.poll(async () => (await noteTexts(paul)).length).toBe(before.length + 1)
  expect(await noteTexts(fanny)).toHaveLength(before.length + 1)

  // Unlocked: Paul writes again.
  await fanny.page.getByTestId('lock-toggle').click()
  await expect(paul.page.getByTestId('lock-badge')).toHaveCount(0)
  await expect.poll(() => paul.page.evaluate(() => window.__atelier!.editor.getIsReadonly())).toBe(false)
  await canvas.click({ position: { x: 640, y: 500 } })
  await paul.page.keyboard.press('n')
  await canvas.click({ position: { x: 720, y: 600 } })
  await paul.page.keyboard.type('Après le verrou')
  await paul.page.keyboard.press('Escape')
  await expect.poll(() => noteTexts(fanny)).toContainEqual(expect.stringContaining('Après le verrou'))
  await expect(paul.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
})

test('« Tout le monde ici » brings the others to the facilitator’s view; a late joiner stays put', async ({
  browser,
}) => {
  const r = await room(browser)
  const { fanny, paul, pia } = r
  await fanny.page.evaluate(() => {
    window.__atelier!.editor.setCamera({ x: 2400, y: -1800, z: 0.5 })
  })
  const target = await view(fanny.page)
  expect(near(await view(paul.page), target)).toBe(false)

  await fanny.page.getByTestId('summon').click()
  for (const a of [paul, pia]) {
    await expect.poll(async () => near(await view(a.page), target)).toBe(true)
    await expect(a.page.getByTestId('summon-notice')).toHaveText("L'animateur·rice vous a amené·e ici")
  }
  await expect(fanny.page.getByTestId('summon-notice')).toHaveCount(0)
  expect(near(await view(fanny.page), target)).toBe(true)

  // Someone joining after the summon starts where everyone starts, not at the old summon.
  const late = await atelier.actor(browser, 'Léa Retardataire')
  await joinBoard(late, workshop.links.participant)
  const home = await view(late.page)
  expect(near(home, target)).toBe(false)
  await expect(late.page.getByTestId('summon-notice')).toHaveCount(0)
})

test('a participant follows the facilitator’s view, and stops', async ({ browser }) => {
  const r = await room(browser)
  const { fanny, paul } = r
  const fannyId = await participantId(fanny.page)
  await expect(paul.page.getByTestId('follow')).toHaveText("Suivre l'animateur·rice")
  await expect(paul.page.getByTestId('follow')).toBeEnabled()
  await paul.page.getByTestId('follow').click()
  await expect(paul.page.getByTestId('follow')).toHaveAttribute('data-following', fannyId)
  await expect(paul.page.getByTestId('follow')).toHaveAttribute('aria-pressed', 'true')

  for (const camera of [
    { x: -1500, y: 900, z: 1 },
    { x: 300, y: -2200, z: 0.75 },
  ]) {
    await fanny.page.evaluate((c) => {
      window.__atelier!.editor.setCamera(c)
    }, camera)
    const target = await view(fanny.page)
    await expect.poll(async () => near(await view(paul.page), target), { timeout: 10_000 }).toBe(true)
  }

  await paul.page.getByTestId('follow').click()
  await expect(paul.page.getByTestId('follow')).toHaveAttribute('aria-pressed', 'false')
  const stopped = await view(paul.page)
  await fanny.page.evaluate(() => {
    window.__atelier!.editor.setCamera({ x: 4000, y: 4000, z: 1 })
  })
  // Barrier: Fanny's new view has reached Paul's presence records before we look at his camera.
  await expect
    .poll(() =>
      paul.page.evaluate(
        () => window.__atelier!.editor.getCollaborators().find((c) => c.camera?.x === 4000)?.camera?.y ?? null,
      ),
    )
    .toBe(4000)
  expect(near(await view(paul.page), stopped)).toBe(true)
})

test('the participant list shows who joined, who is online, and who left', async ({ browser }) => {
  const r = await room(browser)
  const { fanny, pia } = r
  const toggle = fanny.page.getByTestId('participants-toggle')
  await expect(toggle).toHaveText('Participant·es · 3 en ligne')
  await toggle.press('Enter')
  const panel = fanny.page.getByTestId('participants-panel')
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const rows = panel.getByTestId('participant')
  await expect(rows).toHaveCount(3)
  const row = (name: string) => rows.filter({ hasText: name })
  await expect(row('Fanny Animatrice')).toContainText('Conseil départemental')
  await expect(row('Fanny Animatrice')).toContainText('Animateur·rice')
  await expect(row('Paul Participant')).toContainText('Associations')
  await expect(row('Pia Participante')).toContainText('France Services')
  await expect(row('Pia Participante')).toContainText('Participant·e')
  for (const name of ['Fanny Animatrice', 'Paul Participant', 'Pia Participante']) {
    await expect(row(name)).toHaveAttribute('data-online', 'true')
    await expect(row(name)).toContainText('en ligne')
  }

  await pia.close()
  await expect(row('Pia Participante')).toHaveAttribute('data-online', 'false')
  await expect(row('Pia Participante')).toContainText('hors ligne')
  await expect(row('Paul Participant')).toHaveAttribute('data-online', 'true')
  await expect(toggle).toHaveText('Participant·es · 2 en ligne')

  // Escape closes the list and gives the focus back to its button.
  await panel.getByTestId('participants-close').focus()
  await fanny.page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  await expect(toggle).toBeFocused()
})
