/**
 * The admin renews a workshop's link from the home page (issue 6 item 6): the
 * workshop is created there with a retention period, listed under its
 * démarche with the day its names are erased; « Renouveler un lien » says
 * first that the link's holders will be disconnected, then shows the new link
 * with its copy button and QR code. The participant who joined with the old
 * link sees the revoked notice on their board, the old link no longer joins,
 * the new one does. Axe on each new state.
 */
import { expect, test } from '@playwright/test'
import type { ListProcessesResponse } from '../../shared/api'
import { call } from '../support/controlClient'
import { atelierPerFile, joinBoard } from './actors'
import { expectNoSeriousAxeViolations } from './axe'

const atelier = atelierPerFile()
const shot = (name: string) => test.info().outputPath(name)
const DAY_MS = 24 * 3600 * 1000

test('the admin renews the participant link: its holder is disconnected, the old link no longer joins, the new one does', async ({
  browser,
}) => {
  const { url, adminToken } = atelier.server
  const demarche = await call(url, adminToken, 'POST', '/api/processes', { nom: 'Feuille de route — Aisne' })
  expect(demarche.status).toBe(201)

  // Created on the home page, kept six months.
  const admin = await atelier.actor(browser, 'Admin')
  const home = admin.page
  await home.goto(`${url}/#token=${adminToken}`)
  await expect(home.getByTestId('home-process').locator('option')).toHaveCount(3)
  await home.getByTestId('home-title').fill('Atelier enjeux — Laon')
  await home.getByTestId('home-process').selectOption(demarche.body.id)
  // The instance's default (365 days here) is the option the form starts on, and it says so.
  await expect(home.getByTestId('home-retention')).toHaveValue('365')
  await expect(home.getByTestId('home-retention').locator('option:checked')).toHaveText('12 mois (par défaut)')
  await home.getByLabel('Durée de conservation des noms').selectOption({ label: '6 mois' })
  await home.getByTestId('home-create').click()
  const oldLink = await home.getByTestId('link-participant').first().textContent()
  expect(oldLink).toMatch(/#k=/)

  const listed = (await call(url, adminToken, 'GET', '/api/processes')).body as ListProcessesResponse
  const workshop = listed[0]?.workshops[0]
  expect(workshop?.retentionDays).toBe(183)
  expect(workshop?.erasesAt).toBe((workshop?.createdAt ?? 0) + 183 * DAY_MS)
  const item = home.locator(`[data-testid="process-workshop"][data-workshop="${workshop?.id}"]`)
  const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' }).format(new Date(workshop?.erasesAt ?? 0))
  await expect(item.getByTestId('workshop-erases-at')).toHaveText(`Noms effacés le ${day}`)

  // Claire joined with the link of today.
  const claire = await atelier.actor(browser, 'Claire Participante')
  await joinBoard(claire, oldLink as string)

  // « Renouveler un lien »: the role to pick, what happens to its holders, the focus on the choice.
  await item.getByRole('button', { name: 'Renouveler un lien' }).click()
  const step = item.getByTestId('workshop-rotate-step')
  await expect(item.getByRole('group', { name: 'Lien de « Atelier enjeux — Laon » à renouveler' })).toHaveAttribute(
    'data-testid',
    'workshop-rotate-step',
  )
  await expect(step).toContainText('les personnes entrées avec lui seront déconnectées')
  await expect(item.getByTestId('workshop-rotate-participant')).toBeFocused()
  await expectNoSeriousAxeViolations(home, 'home (renew a link: confirm)')
  await step.screenshot({ path: shot('rotate-confirm.png') })
  // Cancelling changes nothing and gives the focus back.
  await step.getByRole('button', { name: 'Annuler' }).click()
  await expect(item.getByTestId('workshop-rotate')).toBeFocused()
  await expect(claire.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')

  await item.getByTestId('workshop-rotate').click()
  await item.getByRole('radio', { name: 'Observateur·rice' }).check()
  await expect(item.getByTestId('workshop-rotate-confirm')).toHaveText('Renouveler le lien Observateur·rice')
  await item.getByRole('radio', { name: 'Participant·e' }).check()
  await item.getByTestId('workshop-rotate-confirm').click()

  const rotated = item.getByTestId('workshop-rotated')
  await expect(
    rotated.getByRole('heading', { name: 'Nouveau lien Participant·e de « Atelier enjeux — Laon »' }),
  ).toBeFocused()
  const newLink = (await rotated.getByTestId('link-participant').textContent()) as string
  expect(newLink).toMatch(new RegExp(`/w/${workshop?.id}#k=[A-Za-z0-9_-]{22,}$`))
  expect(newLink).not.toBe(oldLink)
  await expect(rotated.getByRole('img', { name: 'QR code du lien Participant·e' })).toBeVisible()
  await expect(rotated.getByRole('button', { name: 'Copier le lien Participant·e' })).toBeVisible()
  // The card of the workshop just created shows the new link too, not the dead one.
  await expect(home.getByTestId('link-participant').first()).toHaveText(newLink)
  await expectNoSeriousAxeViolations(home, 'home (renewed link)')
  await item.screenshot({ path: shot('rotated-link.png') })

  // Claire's board: disconnected, told why.
  const notice = claire.page.getByTestId('fatal-notice')
  await expect(notice).toHaveAttribute('data-reason', 'sessionRevoked')
  await expect(notice).toContainText('Votre accès a été révoqué')
  await claire.page.screenshot({ path: shot('revoked-participant.png') })

  // The old link no longer joins…
  const late = await atelier.actor(browser, 'Louis Retardataire')
  await late.page.goto(oldLink as string)
  await late.page.getByTestId('join-name').fill('Louis Retardataire')
  await late.page.getByTestId('join-submit').click()
  await expect(late.page.getByTestId('join-error')).toContainText('Lien invalide ou révoqué')
  // …the new one does.
  const louise = await atelier.actor(browser, 'Louise Participante')
  await joinBoard(louise, newLink)

  // « Masquer le lien » gives the focus back to « Renouveler un lien ».
  await rotated.getByRole('button', { name: 'Masquer le lien' }).click()
  await expect(rotated).toHaveCount(0)
  await expect(item.getByTestId('workshop-rotate')).toBeFocused()
})

test('past its retention, a workshop offers no link to renew, only its deletion', async ({ browser }) => {
  const { url, adminToken } = atelier.server
  const demarche = await call(url, adminToken, 'POST', '/api/processes', { nom: 'Feuille de route — Oise' })
  const made = await call(url, adminToken, 'POST', '/api/workshops', {
    title: 'Atelier d’un jour',
    template: 'vide',
    processId: demarche.body.id,
    retentionDays: 1,
  })
  expect(made.status).toBe(201)
  const admin = await atelier.actor(browser, 'Admin')
  const home = admin.page
  const item = home.locator(`[data-testid="process-workshop"][data-workshop="${made.body.id}"]`)
  await home.goto(`${url}/#token=${adminToken}`)
  await expect(item.getByTestId('workshop-rotate')).toBeVisible()

  // Two days later, as this browser's clock says.
  await home.clock.setFixedTime(made.body.erasesAt + DAY_MS)
  await home.reload()
  const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' }).format(new Date(made.body.erasesAt))
  await expect(item.getByTestId('workshop-erases-at')).toHaveText(`Noms effacés le ${day}`)
  await expect(item.getByTestId('workshop-delete')).toBeVisible()
  await expect(item.getByTestId('workshop-rotate')).toHaveCount(0)
})

test('on a 320 px screen, « Noms effacés le … » never wraps inside its date', async ({ browser }) => {
  const { url, adminToken } = atelier.server
  const demarche = await call(url, adminToken, 'POST', '/api/processes', { nom: 'Feuille de route — Thiérache' })
  // The longest date of the coming year (« 30 septembre 2027 »): the likeliest to be cut.
  const write = (days: number) =>
    new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' }).format(Date.now() + days * DAY_MS)
  const days = Array.from({ length: 365 }, (_, i) => i + 2).reduce((a, b) =>
    write(b).length > write(a).length ? b : a,
  )
  const made = await call(url, adminToken, 'POST', '/api/workshops', {
    title: 'Atelier enjeux — Hirson',
    template: 'enjeux',
    processId: demarche.body.id,
    retentionDays: days,
  })
  expect(made.status).toBe(201)
  const admin = await atelier.actor(browser, 'Admin')
  const home = admin.page
  await home.setViewportSize({ width: 320, height: 640 })
  await home.goto(`${url}/#token=${adminToken}`)
  const erases = home
    .locator(`[data-testid="process-workshop"][data-workshop="${made.body.id}"]`)
    .getByTestId('workshop-erases-at')
  await expect(erases).toHaveText(`Noms effacés le ${write(days)}`)
  // How many lines the date itself takes (the sentence may wrap before it, never inside).
  const lines = await erases.evaluate((el) => {
    const text = el.firstChild as Text
    const range = document.createRange()
    range.setStart(text, text.data.search(/\d/))
    range.setEnd(text, text.data.length)
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
  })
  expect(lines).toBe(1)
  await home.getByTestId('process-roadmaps').screenshot({ path: shot('erases-at-320.png') })
})

test.describe('an instance whose default retention is 30 days', () => {
  const thirty = atelierPerFile({ env: { ATELIER_RETENTION_DAYS: '30' } })

  test('the creation form starts on « 30 jours (par défaut) », its own option, and a workshop made as it is keeps its names 30 days', async ({
    browser,
  }) => {
    const { url, adminToken } = thirty.server
    const demarche = await call(url, adminToken, 'POST', '/api/processes', { nom: 'Feuille de route — Chauny' })
    const admin = await thirty.actor(browser, 'Admin')
    const home = admin.page
    await home.goto(`${url}/#token=${adminToken}`)
    const select = home.getByLabel('Durée de conservation des noms')
    await expect(select).toHaveValue('30')
    await expect(select.locator('option')).toHaveText([
      '30 jours (par défaut)',
      '3 mois',
      '6 mois',
      '12 mois',
      '24 mois',
    ])
    await expectNoSeriousAxeViolations(home, 'home (a default retention of 30 days)')
    await select.screenshot({ path: shot('retention-default-30.png') })
    await home.getByTestId('home-title').fill('Atelier enjeux — Chauny')
    await home.getByTestId('home-process').selectOption(demarche.body.id)
    await home.getByTestId('home-create').click()
    await expect(home.getByTestId('link-participant').first()).toHaveText(/#k=/)
    const listed = (await call(url, adminToken, 'GET', '/api/processes')).body as ListProcessesResponse
    expect(listed[0]?.workshops.map((w) => [w.title, w.retentionDays])).toEqual([['Atelier enjeux — Chauny', 30]])
    // Another period is still the admin's to pick.
    await select.selectOption({ label: '3 mois' })
    await expect(select).toHaveValue('91')
  })
})
