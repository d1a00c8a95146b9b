/**
 * Erasing people and workshops from the UI (issue 6 item 7): the facilitator
 * « Retirer » a participant from the workshop bar's list — after a
 * confirmation that says what is erased and what stays — and that person's
 * board says their access was revoked while the list no longer names them;
 * the admin deletes a workshop from the home page — after a confirmation that
 * names it and says that the roadmap versions stay — and its open board says
 * so, and its links join nothing any more. Axe on each new state.
 */
import { expect, type Page, test } from '@playwright/test'
import type { CreateWorkshopResponse, WorkshopParticipant } from '../../shared/api'
import { createWorkshop } from '../support/api'
import { call } from '../support/controlClient'
import { atelierPerFile, joinBoard } from './actors'
import { expectNoSeriousAxeViolations } from './axe'

const atelier = atelierPerFile()
const shot = (name: string) => test.info().outputPath(name)

/** Who the workshop's API lists, as this board's session sees it. */
function listedNames(page: Page, workshopId: string): Promise<string[]> {
  return page.evaluate(async (id) => {
    const res = await fetch(`/api/workshops/${id}/participants`)
    return ((await res.json()) as WorkshopParticipant[]).map((p) => p.name).sort()
  }, workshopId)
}

test('the facilitator removes a participant: their board says their access was revoked, the list no longer names them', async ({
  browser,
}) => {
  const { url, adminToken } = atelier.server
  const workshop = await createWorkshop(url, adminToken, 'Atelier enjeux — Soissons', 'enjeux')
  const fanny = await atelier.actor(browser, 'Fanny Animatrice')
  const claire = await atelier.actor(browser, 'Claire Participante')
  const paul = await atelier.actor(browser, 'Paul Participant')
  await joinBoard(fanny, workshop.links.facilitator)
  await joinBoard(claire, workshop.links.participant)
  await joinBoard(paul, workshop.links.participant)

  const page = fanny.page
  await page.getByTestId('participants-toggle').click()
  const panel = page.getByTestId('participants-panel')
  const rows = panel.getByTestId('participant')
  await expect(rows).toHaveCount(3)
  // Everyone but the facilitator themself can be removed.
  await expect(rows.filter({ hasText: 'Fanny Animatrice' }).getByTestId('participant-remove')).toHaveCount(0)
  await expect(panel.getByTestId('participant-remove')).toHaveCount(2)

  const remove = panel.getByRole('button', { name: 'Retirer Claire Participante' })
  await remove.click()
  const step = panel.getByRole('group', { name: 'Retirer Claire Participante de l’atelier ?' })
  await expect(step).toContainText('ses notes sur le tableau et ses votes restent')
  // The focus is on « Annuler », not on the button that removes.
  await expect(step.getByRole('button', { name: 'Annuler' })).toBeFocused()
  await expectNoSeriousAxeViolations(page, 'board (remove a participant: confirm)')
  await panel.screenshot({ path: shot('remove-confirm.png') })
  // Escape leaves the confirmation (not the panel), and the focus goes back to « Retirer ».
  await page.keyboard.press('Escape')
  await expect(step).toHaveCount(0)
  await expect(panel).toBeVisible()
  await expect(remove).toBeFocused()
  await expect(claire.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')

  await remove.click()
  await panel.getByTestId('participant-remove-confirm').click()
  await expect(panel.getByTestId('participant-removed')).toHaveText('Claire Participante a été retiré·e de l’atelier.')
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: 'Claire Participante' })).toHaveCount(0)
  await expect(panel.getByRole('heading', { name: 'Participant·es' })).toBeFocused()
  await expectNoSeriousAxeViolations(page, 'board (participant removed)')
  await panel.screenshot({ path: shot('removed.png') })

  // Claire's board: disconnected, told why; a reload asks for a link again.
  const notice = claire.page.getByTestId('fatal-notice')
  await expect(notice).toHaveAttribute('data-reason', 'sessionRevoked')
  await claire.page.screenshot({ path: shot('removed-participant.png') })
  await claire.page.reload()
  await expect(claire.page.getByTestId('join-no-key')).toBeVisible()
  // The server names her no more; Paul stays connected.
  expect(await listedNames(page, workshop.id)).toEqual(['Fanny Animatrice', 'Paul Participant'])
  await expect(paul.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await expect(paul.page.getByTestId('fatal-notice')).toHaveCount(0)
})

test('the admin deletes a workshop from the home page: its open board says so, its links join nothing any more', async ({
  browser,
}) => {
  const { url, adminToken } = atelier.server
  const demarche = await call(url, adminToken, 'POST', '/api/processes', { nom: 'Feuille de route — Aisne' })
  const inDemarche = async (title: string): Promise<CreateWorkshopResponse> => {
    const made = await call(url, adminToken, 'POST', '/api/workshops', {
      title,
      template: 'enjeux',
      processId: demarche.body.id,
    })
    expect(made.status).toBe(201)
    return made.body
  }
  const doomed = await inDemarche('Atelier enjeux — Laon')
  const kept = await inDemarche('Atelier enjeux — Hirson')
  const fanny = await atelier.actor(browser, 'Fanny Animatrice')
  await joinBoard(fanny, doomed.links.facilitator)

  const admin = await atelier.actor(browser, 'Admin')
  const home = admin.page
  await home.goto(`${url}/#token=${adminToken}`)
  const item = home.locator(`[data-testid="process-workshop"][data-workshop="${doomed.id}"]`)
  await item.getByRole('button', { name: 'Supprimer l’atelier' }).click()
  const step = item.getByRole('group', { name: 'Supprimer l’atelier « Atelier enjeux — Laon » ?' })
  await expect(step).toContainText('Les versions déjà enregistrées dans la feuille de route de la démarche restent')
  await expect(step.getByRole('button', { name: 'Annuler' })).toBeFocused()
  await expectNoSeriousAxeViolations(home, 'home (delete a workshop: confirm)')
  await home.getByTestId('process-roadmaps').screenshot({ path: shot('delete-confirm.png') })
  // « Annuler » keeps it, and gives the focus back.
  await step.getByRole('button', { name: 'Annuler' }).click()
  await expect(item.getByTestId('workshop-delete')).toBeFocused()

  await item.getByTestId('workshop-delete').click()
  await item.getByTestId('workshop-delete-confirm').click()
  await expect(item).toHaveCount(0)
  await expect(home.getByTestId('workshop-deleted')).toHaveText('Atelier « Atelier enjeux — Laon » supprimé.')
  await expect(home.getByRole('heading', { name: 'Feuille de route — Aisne' })).toBeFocused()
  await expect(home.locator(`[data-testid="process-workshop"][data-workshop="${kept.id}"]`)).toBeVisible()
  await expectNoSeriousAxeViolations(home, 'home (workshop deleted)')
  await home.screenshot({ path: shot('deleted.png'), fullPage: true })
  const listed = await call(url, adminToken, 'GET', '/api/processes')
  expect(listed.body[0].workshops.map((w: { id: string }) => w.id)).toEqual([kept.id])

  // The board that was open: disconnected, told so; reloaded, it asks for a link again…
  await expect(fanny.page.getByTestId('fatal-notice')).toHaveAttribute('data-reason', 'sessionRevoked')
  await fanny.page.reload()
  await expect(fanny.page.getByTestId('join-no-key')).toBeVisible()
  // …and the workshop's links join nothing any more.
  const late = await atelier.actor(browser, 'Louis Retardataire')
  await late.page.goto(doomed.links.participant)
  await late.page.getByTestId('join-name').fill('Louis Retardataire')
  await late.page.getByTestId('join-submit').click()
  await expect(late.page.getByTestId('join-error')).toContainText('Lien invalide ou révoqué')
})
