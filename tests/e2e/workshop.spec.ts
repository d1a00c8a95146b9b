/**
 * A whole CDN workshop in the browser (issue 3 §7), as the room lives it: the
 * admin creates it from the « enjeux » template, a facilitator, two
 * participants and an observer join by link (one browser context each);
 * participants write their issues on sticky notes, the facilitator runs the
 * phases, clusters the notes with « Suggérer des regroupements », participants
 * draft chantiers tied to those enjeux, everyone votes within the budget and
 * reads the server's refusal past it, the facilitator closes the vote and every
 * screen shows the same ranking. The observer follows all of it and can write
 * nothing.
 */
import { expect, type Page, test } from '@playwright/test'
import { type Actor, atelierPerFile, foreignRequests, joinBoard } from './actors'
import { addDotButton, rankingText } from './voting'

const atelier = atelierPerFile()

/** Writes a sticky note the way people do: N, a click on the canvas, the text, Escape. */
async function writeNote(actor: Actor, text: string, at: { x: number; y: number }): Promise<void> {
  const { page } = actor
  const before = await noteCount(page)
  await page.locator('.tl-canvas').click({ position: { x: 700, y: 120 } })
  await page.keyboard.press('n')
  await page.locator('.tl-canvas').click({ position: at })
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  await expect.poll(() => noteCount(page)).toBe(before + 1)
}

function noteCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__atelier!.editor.getCurrentPageShapes().filter((s) => s.type === 'note').length)
}

interface Enjeu {
  name: string
  notes: string[]
}

/** The enjeux on this screen: each frame with the texts of the notes inside it, sorted. */
function enjeux(page: Page): Promise<Enjeu[]> {
  return page.evaluate(() => {
    const editor = window.__atelier!.editor
    const text = (richText: unknown): string =>
      JSON.stringify(richText)
        .match(/"text":"([^"]*)"/g)
        ?.map((m) => m.slice(8, -1))
        .join('') ?? ''
    const shapes = editor.getCurrentPageShapes()
    return shapes
      .filter((s) => s.type === 'frame')
      .map((frame) => ({
        name: (frame.props as { name: string }).name,
        notes: shapes
          .filter((n) => n.type === 'note' && n.parentId === frame.id)
          .map((n) => text((n.props as { richText: unknown }).richText))
          .sort(),
      }))
      .sort((a, b) => a.name.localeCompare(b.name))
  })
}

/** Chantier cards on this screen: id, titre and linked enjeux. */
function chantiers(page: Page): Promise<{ id: string; titre: string; enjeuIds: string[]; onPage: boolean }[]> {
  return page.evaluate(() =>
    window
      .__atelier!.editor.getCurrentPageShapes()
      .filter((s) => s.type === 'chantier')
      .map((s) => {
        const props = s.props as { titre: string; enjeuIds: string[] }
        return { id: s.id, titre: props.titre, enjeuIds: props.enjeuIds, onPage: s.parentId === 'page:page' }
      })
      .sort((a, b) => a.titre.localeCompare(b.titre)),
  )
}

/** A participant drafts a chantier: the « Chantier » tool, a click, then the side panel. */
async function draftChantier(
  actor: Actor,
  titre: string,
  porteur: string,
  enjeuName: string,
  at: { x: number; y: number },
) {
  const { page } = actor
  await page.getByTestId('chantier-tool').click()
  await page.locator('.tl-canvas').click({ position: at })
  const panel = page.getByTestId('chantier-panel')
  await expect(panel).toBeVisible()
  await panel.getByTestId('chantier-field-titre').fill(titre)
  await panel.getByTestId('chantier-field-porteur').fill(porteur)
  await panel.getByRole('checkbox', { name: enjeuName }).check()
  await page.keyboard.press('Escape')
}

test('a workshop from the enjeux template to the same ranking on every screen', async ({ browser }) => {
  test.setTimeout(180_000)
  // The admin creates the workshop from the « enjeux » template.
  const admin = await atelier.actor(browser, 'admin')
  await admin.page.goto(`${atelier.server.url}/#token=${atelier.server.adminToken}`)
  await admin.page.getByTestId('home-title').fill('Atelier enjeux — Aisne')
  await admin.page.getByTestId('home-template').selectOption('enjeux')
  await admin.page.getByTestId('home-create').click()
  const link = async (role: string) => (await admin.page.getByTestId(`link-${role}`).getAttribute('href')) as string
  const links = {
    facilitator: await link('facilitator'),
    participant: await link('participant'),
    observer: await link('observer'),
  }

  const fanny = await atelier.actor(browser, 'Fanny Animatrice')
  const paul = await atelier.actor(browser, 'Paul Durand')
  const pia = await atelier.actor(browser, 'Pia Martin')
  const olga = await atelier.actor(browser, 'Olga Observe')
  await joinBoard(fanny, links.facilitator, 'departement')
  await joinBoard(paul, links.participant, 'associations')
  await joinBoard(pia, links.participant, 'france-services')
  await joinBoard(olga, links.observer, 'etat')
  const everyone = [fanny, paul, pia, olga]

  // A ready canvas: the template's zones and instructions are there for everyone, in the écriture phase.
  for (const a of everyone) {
    await expect(a.page.getByTestId('phase-ecriture')).toHaveAttribute('aria-current', 'step')
    await expect
      .poll(() => a.page.evaluate(() => window.__atelier!.editor.getCurrentPageShapes().length))
      .toBeGreaterThan(5)
  }

  // Écriture: participants put their issues on sticky notes.
  await writeNote(paul, 'La fibre n’arrive pas dans les villages', { x: 380, y: 380 })
  await writeNote(pia, 'Accompagner les personnes âgées aux démarches', { x: 600, y: 380 })
  await writeNote(paul, 'Débit internet trop faible', { x: 380, y: 560 })
  await writeNote(pia, 'Former les aidants numériques', { x: 600, y: 560 })
  await writeNote(paul, 'Réseau mobile instable, pas de 4G', { x: 820, y: 380 })
  await writeNote(pia, 'Médiation numérique en mairie', { x: 820, y: 560 })
  for (const a of everyone) await expect.poll(() => noteCount(a.page)).toBe(6)

  // The observer follows but cannot add a note.
  await olga.page.locator('.tl-canvas').click({ position: { x: 700, y: 120 } })
  await olga.page.keyboard.press('n')
  await olga.page.locator('.tl-canvas').click({ position: { x: 500, y: 650 } })
  await olga.page.keyboard.type('Je ne devrais pas pouvoir écrire')
  expect(await noteCount(olga.page)).toBe(6)

  // Regroupement: the facilitator moves on and applies the server's suggestion.
  await fanny.page.getByTestId('phase-next').click()
  for (const a of everyone)
    await expect(a.page.getByTestId('phase-regroupement')).toHaveAttribute('aria-current', 'step')
  await fanny.page.getByTestId('cluster-suggest').click()
  const suggestions = fanny.page.getByTestId('cluster-panel')
  await expect(suggestions.getByTestId(/^cluster-group-/)).toHaveCount(2)
  // She names the enjeux as the room decided.
  const first = (await suggestions.getByTestId('cluster-group-1').textContent()) ?? ''
  const [reseau, inclusion] = first.includes('fibre') ? [1, 2] : [2, 1]
  await suggestions.getByTestId(`cluster-label-${reseau}`).fill('Couverture réseau')
  await suggestions.getByTestId(`cluster-label-${inclusion}`).fill('Inclusion numérique')
  await suggestions.getByRole('button', { name: 'Appliquer' }).click()
  const clustered: Enjeu[] = [
    {
      name: 'Couverture réseau',
      notes: [
        'Débit internet trop faible',
        'La fibre n’arrive pas dans les villages',
        'Réseau mobile instable, pas de 4G',
      ],
    },
    {
      name: 'Inclusion numérique',
      notes: [
        'Accompagner les personnes âgées aux démarches',
        'Former les aidants numériques',
        'Médiation numérique en mairie',
      ],
    },
  ]
  for (const a of everyone) await expect.poll(() => enjeux(a.page)).toEqual(clustered)

  // Chantiers: each participant drafts one, tied to an enjeu.
  await fanny.page.getByTestId('phase-next').click()
  for (const a of everyone) await expect(a.page.getByTestId('phase-chantiers')).toHaveAttribute('aria-current', 'step')
  // The facilitator's screen shows the new frames: « Tout le monde ici » brings everyone there.
  await fanny.page.getByTestId('summon').click()
  const centre = (page: Page) => page.evaluate(() => window.__atelier!.editor.getViewportPageBounds().center.toJson())
  const target = await centre(fanny.page)
  for (const p of [paul, pia]) {
    await expect
      .poll(async () => {
        const c = await centre(p.page)
        return Math.abs(c.x - target.x) < 5 && Math.abs(c.y - target.y) < 5
      })
      .toBe(true)
  }
  await draftChantier(paul, 'Fibre dans les zones blanches', 'Région', 'Couverture réseau', { x: 200, y: 650 })
  await draftChantier(pia, 'Former 40 aidants numériques', 'Conseil départemental', 'Inclusion numérique', {
    x: 900,
    y: 650,
  })
  for (const a of everyone) {
    await expect
      .poll(async () => (await chantiers(a.page)).map((c) => c.titre))
      .toEqual(['Fibre dans les zones blanches', 'Former 40 aidants numériques'])
  }
  const [fibre, aidants] = await chantiers(fanny.page)
  const frameIds = await fanny.page.evaluate(() =>
    Object.fromEntries(
      window
        .__atelier!.editor.getCurrentPageShapes()
        .filter((s) => s.type === 'frame')
        .map((f) => [(f.props as { name: string }).name, f.id]),
    ),
  )
  expect(fibre?.enjeuIds).toEqual([frameIds['Couverture réseau']])
  expect(fibre?.onPage && aidants?.onPage).toBe(true)
  expect(aidants?.enjeuIds).toEqual([frameIds['Inclusion numérique']])

  // Vote: the facilitator opens it on the chantiers, one point each.
  await fanny.page.getByTestId('vote-open').click()
  const dialog = fanny.page.getByRole('dialog', { name: 'Lancer un vote' })
  await dialog.getByLabel('Les chantiers').check()
  await dialog.getByLabel('Points par personne').fill('1')
  await dialog.getByLabel('Points au plus sur un même élément').fill('1')
  await dialog.getByTestId('vote-dialog-submit').click()
  for (const a of everyone) await expect(a.page.getByTestId('phase-vote')).toHaveAttribute('aria-current', 'step')

  // Everyone fits the board to the screen (tldraw's Shift+1) to see all the chantiers.
  for (const a of everyone)
    await a.page.evaluate(() => {
      window.__atelier!.editor.zoomToFit()
    })
  await addDotButton(paul.page, aidants!.titre).click()
  await expect(paul.page.getByTestId('vote-remaining')).toHaveText('Tous vos points sont placés (1 sur 1)')
  // Past the budget: the server says no, in French, and nothing is lost.
  await addDotButton(paul.page, fibre!.titre).click()
  await expect(paul.page.getByTestId('vote-notice')).toHaveText('Vous avez déjà placé tous vos points.')
  await expect(paul.page.getByTestId(`vote-mine-${aidants!.id}`)).toHaveAttribute('data-count', '1')
  await expect(paul.page.getByTestId(`vote-mine-${fibre!.id}`)).toHaveCount(0)
  await addDotButton(pia.page, aidants!.titre).click()
  await addDotButton(fanny.page, fibre!.titre).click()
  await expect(olga.page.locator('[data-testid^="vote-add-"]')).toHaveCount(0)
  // Results stay hidden while the vote is open: counts of voters only.
  for (const a of everyone) {
    await expect(a.page.getByTestId('vote-participation')).toHaveText('3 votants sur 3')
    await expect(a.page.getByTestId('results-panel')).toHaveCount(0)
  }

  // The facilitator closes the vote and moves to the results: every screen shows the same ranking.
  await fanny.page.getByTestId('vote-close').click()
  await fanny.page.getByTestId('phase-next').click()
  const expected = [`1er | ${aidants!.titre} | 2 pts`, `2e | ${fibre!.titre} | 1 pt`]
  for (const a of everyone) {
    await expect(a.page.getByTestId('phase-resultats')).toHaveAttribute('aria-current', 'step')
    await expect(a.page.getByTestId('results-panel')).toBeVisible()
    await expect.poll(() => rankingText(a.page)).toEqual(expected)
    await expect(a.page.getByTestId(`vote-badge-${aidants!.id}`)).toHaveText('1er · 2 pts')
  }
  await fanny.page.screenshot({ path: test.info().outputPath('results-facilitator.png') })

  // The observer never wrote anything: the board holds the participants' work only.
  expect(await noteCount(olga.page)).toBe(6)
  for (const a of [admin, ...everyone]) expect(foreignRequests(a, atelier.server.url)).toEqual([])
})
