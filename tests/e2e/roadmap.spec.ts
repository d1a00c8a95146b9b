/**
 * The démarche's roadmap in the browser (issue 4 §3, §6): a facilitator whose
 * vote is closed clicks « Enregistrer dans la feuille de route », follows
 * « Voir la feuille de route » to the roadmap page (which never fetches the
 * board's tldraw bundle), sees the chantiers ranked and the charts, opens a
 * chantier's details (the notes and votes behind it) and « Voir sur le
 * tableau » (the board opens on that card), compares two versions, and
 * downloads each export. A reader opens the démarche's reader link with no
 * name to give. Screenshots: laptop, 360 px phone, print.
 */
import fs from 'node:fs'
import { expect, type Page, test } from '@playwright/test'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api'
import * as build from '../../shared/model/shapeRecords'
import { join } from '../support/api'
import { writeBoard } from '../support/boardClient'
import { call } from '../support/controlClient'
import { chantierRecord } from '../support/records'
import { atelierPerFile, joinBoard } from './actors'

const atelier = atelierPerFile()
/** Screenshots go with the test's results (`--output`). */
const shot = (name: string) => test.info().outputPath(name)

interface Seeded {
  processId: string
  reader: string
  workshop: CreateWorkshopResponse
  seeder: JoinResponse
  alice: JoinResponse
  bruno: JoinResponse
}

const CHANTIERS = {
  fibre: { id: 'shape:fibre', titre: 'Fibre dans les zones blanches' },
  aidants: { id: 'shape:aidants', titre: 'Former 40 aidants numériques' },
  tiers: { id: 'shape:tiers', titre: 'Tiers-lieux numériques' },
}

/**
 * A chantiers workshop of a démarche: two enjeux (frames) with their notes,
 * three chantiers (the fibre one far from the template's zones), snapshotted
 * once before any vote; then an enjeu renamed and a vote closed.
 */
async function seeded(): Promise<Seeded> {
  const { url, adminToken } = atelier.server
  const admin = (method: string, p: string, body?: unknown) => call(url, adminToken, method, p, body)
  const process = await admin('POST', '/api/processes', {
    nom: 'Feuille de route France Numérique Ensemble — Aisne',
    codeDepartement: '02',
    perimetre: 'Département de l’Aisne',
  })
  expect(process.status).toBe(201)
  const ws = await admin('POST', '/api/workshops', {
    title: 'Atelier chantiers — Laon',
    template: 'chantiers',
    processId: process.body.id,
  })
  expect(ws.status).toBe(201)
  const workshop = ws.body as CreateWorkshopResponse
  const seeder = await join(url, workshop, 'facilitator', 'Préparation', { college: 'departement' })
  const alice = await join(url, workshop, 'participant', 'Alice Durand', {
    organisation: 'Association Clic',
    college: 'associations',
  })
  const bruno = await join(url, workshop, 'participant', 'Bruno Petit', {
    organisation: 'Préfecture de l’Aisne',
    college: 'etat',
  })
  const frame = (id: string, name: string, x: number) =>
    build.frameRecord({ id, name, x, y: 3200, w: 460, h: 480, index: build.indexKey(40 + x / 100) })
  const note = (id: string, text: string, parentId: string, y: number) =>
    build.noteRecord({ id, text, parentId, x: 20, y, index: build.indexKey(y) })
  const records = [
    frame('shape:reseau', 'Couverture réseau', 0),
    note('shape:n1', 'Pas de fibre à Vervins', 'shape:reseau', 40),
    note('shape:n2', 'Débit faible en zone rurale', 'shape:reseau', 250),
    frame('shape:inclusion', 'Inclusion numérique', 600),
    note('shape:n3', 'Manque d’aidants numériques', 'shape:inclusion', 40),
    note('shape:n4', 'Médiation en mairie', 'shape:inclusion', 250),
    chantierRecord(
      CHANTIERS.fibre.id,
      {
        titre: CHANTIERS.fibre.titre,
        porteur: 'Conseil départemental',
        partenaires: ['Région Hauts-de-France'],
        echeance: '2027',
        enjeuIds: ['shape:reseau'],
      },
      6000,
      3200,
      build.indexKey(90),
    ),
    chantierRecord(
      CHANTIERS.aidants.id,
      {
        titre: CHANTIERS.aidants.titre,
        porteur: 'Association Clic',
        echeance: '2026-06',
        enjeuIds: ['shape:inclusion'],
      },
      1400,
      3200,
      build.indexKey(91),
    ),
    chantierRecord(
      CHANTIERS.tiers.id,
      {
        titre: CHANTIERS.tiers.titre,
        enjeuIds: ['shape:inclusion', 'shape:reseau'],
      },
      1800,
      3200,
      build.indexKey(92),
    ),
  ]
  await writeBoard(url, workshop.id, seeder.token, records)

  // Version 1: before the vote.
  expect((await call(url, seeder.token, 'POST', `/api/workshops/${workshop.id}/snapshots`)).status).toBe(201)

  // Then the group renames an enjeu and votes.
  const reseau = records[0] as ReturnType<typeof build.frameRecord>
  await writeBoard(url, workshop.id, seeder.token, [
    { ...reseau, props: { ...reseau.props, name: 'Réseaux et débit' } },
  ])
  const open = await call(url, seeder.token, 'POST', `/api/workshops/${workshop.id}/vote-sessions`, {
    targets: 'chantiers',
    votesPerPerson: 3,
    maxPerItem: 2,
    hideResults: true,
    anonymous: false,
  })
  expect(open.status).toBe(201)
  const dots: [JoinResponse, string[]][] = [
    [alice, [CHANTIERS.aidants.id, CHANTIERS.aidants.id, CHANTIERS.fibre.id]],
    [bruno, [CHANTIERS.fibre.id, CHANTIERS.fibre.id, CHANTIERS.tiers.id]],
  ]
  for (const [voter, targets] of dots)
    for (const targetId of targets)
      expect(
        (
          await call(url, voter.token, 'POST', `/api/workshops/${workshop.id}/vote-sessions/${open.body.id}/votes`, {
            targetId,
          })
        ).status,
      ).toBe(201)
  expect(
    (await call(url, seeder.token, 'POST', `/api/workshops/${workshop.id}/vote-sessions/${open.body.id}/close`)).status,
  ).toBe(200)
  return { processId: process.body.id, reader: process.body.links.reader, workshop, seeder, alice, bruno }
}

/** The ranked rows of the enjeux tables, as « rank | name | votes ». */
function rows(page: Page, enjeu: string): Promise<string[]> {
  return page
    .locator(`[data-testid="roadmap-enjeu"][data-enjeu$="/${enjeu}"] [data-testid="roadmap-chantier"]`)
    .evaluateAll((trs) =>
      trs.map((tr) =>
        ['roadmap-chantier-rank', 'roadmap-chantier-open', 'roadmap-chantier-votes']
          .map((id) => tr.querySelector(`[data-testid="${id}"]`)?.textContent?.trim())
          .join(' | '),
      ),
    )
}

test('from a closed vote to the roadmap page: ranking, charts, details, the board at that card, comparison, every export', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const s = await seeded()
  const fanny = await atelier.actor(browser, 'Fanny Animatrice')
  await joinBoard(fanny, s.workshop.links.facilitator, 'departement')
  const page = fanny.page

  // « Enregistrer dans la feuille de route », then « Voir la feuille de route ».
  await page.getByRole('button', { name: 'Enregistrer dans la feuille de route' }).click()
  await expect(page.getByTestId('save-to-roadmap-done')).toHaveText('Enregistré dans la feuille de route.')
  const view = page.getByRole('link', { name: 'Voir la feuille de route' })
  await expect(view).toHaveAttribute('href', `/d/${s.processId}`)
  await page.getByTestId('workshop-bar').screenshot({ path: shot('workshop-bar-saved.png') })
  const requestsBefore = fanny.requests.length
  await view.click()
  await expect(page).toHaveURL(new RegExp(`/d/${s.processId}$`))

  // The roadmap: title, territory, latest version, ranked chantiers.
  await expect(page.getByTestId('roadmap-title')).toHaveText('Feuille de route France Numérique Ensemble — Aisne')
  await expect(page.getByTestId('roadmap-territory')).toHaveText('Département de l’Aisne (02)')
  await expect(page.getByTestId('roadmap')).toHaveAttribute('data-version', '2')
  await expect(page.getByTestId('roadmap-meta')).toContainText('Version 2 du')
  expect(await rows(page, 'shape:reseau')).toEqual([
    `1er | ${CHANTIERS.fibre.titre} | 3 points`,
    `3e | ${CHANTIERS.tiers.titre} | 1 point`,
  ])
  expect(await rows(page, 'shape:inclusion')).toEqual([
    `2e | ${CHANTIERS.aidants.titre} | 2 points`,
    `3e | ${CHANTIERS.tiers.titre} | 1 point`,
  ])
  await expect(page.getByRole('heading', { name: 'Réseaux et débit' })).toBeVisible()
  // The charts: one bar per voted chantier, stacked by collège, said in words; participation by collège.
  const bars = page.getByTestId('roadmap-bar')
  await expect(bars).toHaveCount(3)
  await expect(bars.first()).toContainText(CHANTIERS.fibre.titre)
  await expect(bars.first().locator('[data-college]')).toHaveCount(2)
  await expect(bars.first().getByRole('img')).toHaveAttribute(
    'aria-label',
    '3 points : État / Préfecture 2, Associations 1',
  )
  await expect(page.getByTestId('roadmap-legend')).toContainText('Associations')
  await expect(page.getByTestId('roadmap-participation-bar')).toHaveCount(3)
  await expect(page.getByTestId('roadmap-participation-table')).toContainText('Associations')
  // The roadmap page never loads the board (tldraw) bundle.
  const loaded = fanny.requests.slice(requestsBefore)
  expect(loaded.some((u) => u.includes('/assets/RoadmapPage-'))).toBe(true)
  expect(loaded.filter((u) => u.includes('/assets/BoardPage-'))).toEqual([])

  await page.screenshot({ path: shot('roadmap-laptop.png'), fullPage: true })

  // A chantier's details: its votes by collège and the notes behind it.
  await page
    .locator('[data-testid="roadmap-enjeu"]')
    .first()
    .getByRole('button', { name: CHANTIERS.fibre.titre })
    .click()
  const details = page.getByTestId('chantier-details')
  await expect(details).toBeVisible()
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(CHANTIERS.fibre.titre)
  await expect(details.getByTestId('chantier-details-rank')).toHaveText('1er · 3 points')
  await expect(details.getByTestId('chantier-details-votes')).toContainText('État / Préfecture : 2 points')
  await expect(details.getByTestId('chantier-details-notes').getByRole('listitem')).toHaveText([
    'Pas de fibre à Vervins',
    'Débit faible en zone rurale',
  ])
  await expect(details).toContainText('Région Hauts-de-France')
  await page.screenshot({ path: shot('roadmap-details.png') })
  // Escape closes it.
  await page.keyboard.press('Escape')
  await expect(details).toHaveCount(0)
  await page
    .locator('[data-testid="roadmap-enjeu"]')
    .first()
    .getByRole('button', { name: CHANTIERS.fibre.titre })
    .click()

  // « Voir sur le tableau »: the board opens on that card, far from the template's zones.
  await details.getByRole('link', { name: 'Voir sur le tableau' }).click()
  await expect(page).toHaveURL(new RegExp(`/w/${s.workshop.id}\\?focus=shape%3Afibre$`))
  await page.waitForFunction(() => Boolean(window.__atelier?.editor))
  await expect
    .poll(() =>
      page.evaluate(() => {
        const editor = window.__atelier!.editor
        const card = editor.getShapePageBounds('shape:fibre' as never)
        const view = editor.getViewportPageBounds()
        return {
          selected: editor.getSelectedShapeIds(),
          inView: Boolean(card && view.contains(card)),
        }
      }),
    )
    .toEqual({ selected: ['shape:fibre'], inView: true })

  // Back on the roadmap: « Comparer avec… » version 1 says what changed.
  await page.goto(`${atelier.server.url}/d/${s.processId}`)
  // The only other version: version 1.
  await page.getByLabel('Une autre version').selectOption({ index: 1 })
  const diff = page.getByTestId('roadmap-diff')
  await expect(diff).toContainText('De la version 1 à la version 2')
  await expect(page.getByTestId('roadmap-diff-enjeux-renamed')).toContainText(
    '« Couverture réseau » devient « Réseaux et débit »',
  )
  await expect(page.getByTestId('roadmap-diff-ranks')).toContainText(
    `« ${CHANTIERS.fibre.titre} » entre au classement, 1er`,
  )

  // Every export: the version's and the workshop snapshot's, each a download of the right type.
  const expected: Record<string, { type: RegExp; line: RegExp }> = {
    json: { type: /^application\/json/, line: /"schemaVersion":1/ },
    csv: { type: /^text\/csv/, line: /;/ },
    md: { type: /^text\/markdown/, line: /^# / },
    html: { type: /^text\/html/, line: /<!doctype html>/i },
  }
  for (const prefix of ['export-version', `export-snapshot-${s.workshop.id}`]) {
    for (const [format, want] of Object.entries(expected)) {
      const link = page.getByTestId(`${prefix}-${format}`)
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
      expect(await download.failure(), `${prefix} ${format}`).toBeNull()
      // The same address through the context's own cookies: what the server says it sent.
      const served = await page.request.get(new URL((await link.getAttribute('href')) as string, page.url()).href)
      expect(served.status(), `${prefix} ${format}`).toBe(200)
      expect(served.headers()['content-type'], `${prefix} ${format}`).toMatch(want.type)
      const text = fs.readFileSync((await download.path()) as string, 'utf8')
      expect(
        text.split(/\r?\n/).some((l) => want.line.test(l)),
        `${prefix} ${format}: ${text.slice(0, 200)}`,
      ).toBe(true)
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`))
    }
  }

  // A phone, 360 px wide: no sideways scrolling.
  await page.setViewportSize({ width: 360, height: 740 })
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await page.screenshot({ path: shot('roadmap-phone.png'), fullPage: true })
  await page.screenshot({ path: shot('roadmap-phone-top.png') })
  await page
    .getByTestId('roadmap-enjeu')
    .first()
    .screenshot({ path: shot('roadmap-phone-enjeu.png') })

  // Print: A4, no buttons, the charts kept.
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByTestId('roadmap-print')).toBeHidden()
  await expect(page.getByTestId('roadmap-compare')).toBeHidden()
  await expect(page.getByTestId('roadmap-ranking-chart')).toBeVisible()
  await expect(page.getByTestId('roadmap-participation-chart')).toBeVisible()
  await page.screenshot({ path: shot('roadmap-print.png'), fullPage: true })
  try {
    await page.pdf({ path: shot('roadmap.pdf'), format: 'A4', printBackground: true })
  } catch (e) {
    console.log(`page.pdf() not available here: ${String(e).split('\n')[0]}`)
  }
  await page.emulateMedia({ media: 'screen' })
})

test('a reader opens the démarche’s reader link: no name asked, the secret leaves the address bar', async ({
  browser,
}) => {
  const s = await seeded()
  const { url, adminToken } = atelier.server
  expect((await call(url, adminToken, 'POST', `/api/processes/${s.processId}/roadmap-versions`)).status).toBe(201)
  const reader = await atelier.actor(browser, 'Lecteur')
  await reader.page.goto(s.reader)
  await expect(reader.page.getByTestId('roadmap-title')).toHaveText(
    'Feuille de route France Numérique Ensemble — Aisne',
  )
  expect(new URL(reader.page.url()).hash).toBe('')
  await expect(reader.page.getByTestId('roadmap-chantier')).toHaveCount(4)
  // Reloading keeps the access (the reader cookie), with no key left anywhere.
  await reader.page.reload()
  await expect(reader.page.getByTestId('roadmap-title')).toBeVisible()
  expect(await reader.page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(
    new URL(s.reader).hash.slice(3),
  )

  // Without the link: a clear notice.
  const stranger = await atelier.actor(browser, 'Inconnu')
  await stranger.page.goto(`${url}/d/${s.processId}`)
  await expect(stranger.page.getByTestId('roadmap-no-access')).toContainText('lien de lecture')
  // A rotated link no longer opens it.
  const rotated = await call(url, adminToken, 'POST', `/api/processes/${s.processId}/reader-link/rotate`)
  const late = await atelier.actor(browser, 'Retardataire')
  await late.page.goto(s.reader)
  await expect(late.page.getByTestId('roadmap-invalid-link')).toBeVisible()
  // (A new document: a change of fragment alone would not reload the page.)
  await late.page.goto('about:blank')
  await late.page.goto(rotated.body.links.reader)
  await expect(late.page.getByTestId('roadmap-title')).toBeVisible()
})

test('the admin reaches each démarche’s roadmap from the home page, and issues a new reader link', async ({
  browser,
}) => {
  const s = await seeded()
  const { url, adminToken } = atelier.server
  expect((await call(url, adminToken, 'POST', `/api/processes/${s.processId}/roadmap-versions`)).status).toBe(201)
  const admin = await atelier.actor(browser, 'Admin')
  const page = admin.page
  await page.goto(`${url}/#token=${adminToken}`)
  const item = page.locator(`[data-testid="process-roadmap"][data-process="${s.processId}"]`)
  await expect(item).toContainText('Feuille de route France Numérique Ensemble — Aisne')
  await item.getByRole('button', { name: 'Nouveau lien de lecture' }).click()
  const link = item.getByTestId('process-reader-link')
  await expect(link).toHaveText(new RegExp(`/d/${s.processId}#k=[A-Za-z0-9_-]{22}$`))
  await page.getByTestId('process-roadmaps').screenshot({ path: shot('home-roadmaps.png') })
  // The link from before no longer opens the roadmap.
  expect(
    (await call(url, 'none', 'POST', `/api/processes/${s.processId}/join`, { key: new URL(s.reader).hash.slice(3) }))
      .status,
  ).toBe(403)

  // « Voir la feuille de route »: read with the admin token this tab remembers (no reader cookie).
  await item.getByRole('link', { name: 'Voir la feuille de route' }).click()
  await expect(page.getByTestId('roadmap-title')).toHaveText('Feuille de route France Numérique Ensemble — Aisne')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-version-csv').click()])
  const csv = fs.readFileSync((await download.path()) as string, 'utf8')
  expect(csv.startsWith('\uFEFF')).toBe(true)
  expect(csv).toContain(CHANTIERS.fibre.titre)
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
})
