/**
 * Templates and démarches in the browser (issue 3 §1): the admin creates a
 * démarche and, in it, a chantiers workshop that starts from an earlier enjeux
 * workshop; the facilitator opens it and finds that workshop's enjeux on the
 * canvas. Each template's board opens framed on its zones (screenshots under
 * the test results to look at).
 */
import { expect, test } from '@playwright/test'
import type { CreateWorkshopResponse } from '../../shared/api'
import { createWorkshop, join } from '../support/api'
import { connectBoard, eventually } from '../support/boardClient'
import { atelierPerFile, foreignRequests, joinBoard } from './actors'

const atelier = atelierPerFile()

/** What the facilitator's canvas shows: frames by name with the texts of the notes inside. */
function enjeuxOnCanvas(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const editor = window.__atelier!.editor
    const shapes = editor.getCurrentPageShapes()
    const plain = (rt: unknown) =>
      JSON.stringify(rt)
        .match(/"text":"([^"]*)"/g)
        ?.map((m) => m.slice(8, -1))
        .join(' ') ?? ''
    return shapes
      .filter((s) => s.type === 'frame')
      .map((f) => ({
        name: (f.props as { name: string }).name,
        notes: shapes
          .filter((s) => s.type === 'note' && s.parentId === f.id)
          .map((n) => plain((n.props as { richText: unknown }).richText))
          .sort(),
        onScreen: editor.getViewportPageBounds().includes(editor.getShapePageBounds(f)!),
      }))
      .sort((a, b) => a.name.localeCompare(b.name))
  })
}

test('the admin creates a démarche, then a chantiers workshop from its enjeux workshop; the facilitator sees them', async ({
  browser,
}) => {
  const admin = await atelier.actor(browser, 'admin')
  await admin.page.goto(`${atelier.server.url}/#token=${atelier.server.adminToken}`)

  // A démarche, created from the form.
  await admin.page.getByTestId('home-process').selectOption({ label: 'Nouvelle démarche…' })
  await admin.page.getByTestId('process-nom').fill('Feuille de route Aisne')
  await admin.page.getByTestId('process-code').fill('2a9')
  await admin.page.getByTestId('process-create').click()
  await expect(admin.page.getByTestId('process-error')).toContainText('code de département')
  await admin.page.getByTestId('process-code').fill('02')
  await admin.page.getByTestId('process-code').press('Enter')
  await expect(admin.page.getByTestId('process-created')).toHaveText(
    'Démarche « Feuille de route Aisne » créée et choisie.',
  )
  await expect(admin.page.getByTestId('home-process')).toHaveValue(/^[A-Za-z0-9_-]{22}$/)

  // Its enjeux workshop.
  await admin.page.getByTestId('home-title').fill('Enjeux — mars')
  await admin.page.getByTestId('home-template').selectOption('enjeux')
  await expect(admin.page.getByTestId('home-start-from')).toHaveCount(0)
  await admin.page.getByTestId('home-create').click()
  const enjeuxLink = await admin.page.getByTestId('link-facilitator').getAttribute('href')
  const enjeuxId = new URL(enjeuxLink!).pathname.split('/')[2]!

  // The group clusters notes into two named frames on that board.
  const animatrice = await atelier.actor(browser, 'Camille')
  await joinBoard(animatrice, enjeuxLink!, 'departement')
  await animatrice.page.evaluate(() => {
    const editor = window.__atelier!.editor
    const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
    const clusters = [
      { name: 'Couverture réseau', notes: ['Pas de fibre à Vervins', 'Débit faible'] },
      { name: 'Accompagnement', notes: ['Manque d’aidants', 'Médiation en mairie', 'France Services'] },
    ]
    clusters.forEach((c, i) => {
      const frameId = `shape:cluster-${i}` as never
      editor.createShape({
        id: frameId,
        type: 'frame',
        x: 1000 + i * 480,
        y: 450,
        props: { w: 440, h: 700, name: c.name },
      })
      c.notes.forEach((text, j) => {
        editor.createShape({ type: 'note', parentId: frameId, x: 20, y: 20 + j * 220, props: { richText: doc(text) } })
      })
    })
  })
  // The server has them before the chantiers workshop is created (another client sees them).
  const asLinks = { id: enjeuxId, links: { facilitator: enjeuxLink! } } as unknown as CreateWorkshopResponse
  const { token } = await join(atelier.server.url, asLinks, 'facilitator', 'Sonde')
  const probe = connectBoard(atelier.server.url, enjeuxId, { token })
  try {
    await probe.synced()
    const notes = () => probe.ids().filter((id) => (probe.get(id) as { type?: string } | undefined)?.type === 'note')
    await eventually(() => notes().length === 5, 10_000, 'the notes reach the server')
  } finally {
    probe.destroy()
  }

  // The chantiers workshop, from the form: the démarche's enjeux workshop is offered.
  await admin.page.getByTestId('home-title').fill('Chantiers — avril')
  await admin.page.getByTestId('home-template').selectOption('chantiers')
  const startFrom = admin.page.getByTestId('home-start-from')
  await expect(startFrom.locator('option')).toHaveText([
    '— Aucun atelier (enjeux à saisir) —',
    /^Enjeux — mars \(Atelier enjeux, /,
  ])
  await startFrom.selectOption({ index: 1 })
  await admin.page.screenshot({ path: test.info().outputPath(`home-chantiers.png`), fullPage: true })
  await admin.page.getByTestId('home-create').click()
  await expect(admin.page.getByRole('heading', { name: 'Atelier « Chantiers — avril » créé' })).toBeVisible()
  const chantiersLink = await admin.page.getByTestId('link-facilitator').getAttribute('href')
  expect(foreignRequests(admin, atelier.server.url)).toEqual([])

  const facilitator = await atelier.actor(browser, 'Dominique')
  await joinBoard(facilitator, chantiersLink!, 'departement')
  await expect
    .poll(() => enjeuxOnCanvas(facilitator.page))
    .toEqual([
      { name: 'Accompagnement', notes: ['France Services', 'Manque d’aidants', 'Médiation en mairie'], onScreen: true },
      { name: 'Couverture réseau', notes: ['Débit faible', 'Pas de fibre à Vervins'], onScreen: true },
    ])
  await facilitator.page.screenshot({ path: test.info().outputPath(`chantiers-from-enjeux.png`) })
  expect(foreignRequests(facilitator, atelier.server.url)).toEqual([])
})

test('each template opens framed on its zones, on a laptop and on a projected screen', async ({ browser }) => {
  for (const template of ['enjeux', 'chantiers', 'vide'] as const) {
    const workshop: CreateWorkshopResponse = await createWorkshop(
      atelier.server.url,
      atelier.server.adminToken,
      `Atelier ${template} — Aisne`,
      template,
    )
    for (const [screen, viewport] of [
      ['laptop', { width: 1280, height: 800 }],
      ['projector', { width: 1920, height: 1080 }],
    ] as const) {
      const actor = await atelier.actor(browser, `Animation ${template} ${screen}`)
      await actor.page.setViewportSize(viewport)
      await joinBoard(actor, workshop.links.facilitator)
      const view = await actor.page.evaluate(() => {
        const editor = window.__atelier!.editor
        const zones = editor.getCurrentPageShapes().filter((s) => (s.meta as { atelier?: unknown }).atelier)
        const viewport = editor.getViewportPageBounds()
        return {
          zones: zones.length,
          allOnScreen: zones.every((s) => viewport.includes(editor.getShapePageBounds(s)!)),
          zoom: editor.getZoomLevel(),
          locked: zones.every((s) => s.isLocked),
        }
      })
      if (template === 'vide') {
        expect(view).toEqual({ zones: 0, allOnScreen: true, zoom: 1, locked: true })
      } else {
        expect(view.zones).toBe(10)
        expect(view.allOnScreen).toBe(true)
        expect(view.locked).toBe(true)
        // Readable: zone titles (44 px at 100 %) stay above ~18 px on a laptop.
        expect(view.zoom).toBeGreaterThan(0.4)
      }
      await actor.page.screenshot({ path: test.info().outputPath(`${template}-${screen}.png`) })
    }
  }
})
