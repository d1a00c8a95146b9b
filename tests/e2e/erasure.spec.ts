/**
 * Erasing people and workshops from the UI (issue 6 item 7): the facilitator
 * « Retirer » a participant from the workshop bar's list — after a
 * confirmation that says what is erased and what stays — and that person's
 * board says their access was revoked while the list no longer names them;
 * the admin deletes a workshop from the home page — after a confirmation that
 * names it and says that the roadmap versions stay — and its open board says
 * so, and its links join nothing any more, its page says it no longer
 * exists; a participant (on the board) or an observer (in the list view)
 * « Effacer mon nom et quitter » — after a confirmation that says what is
 * erased and what stays — and their page then says it is done and joins
 * nothing by itself. Axe on each new state.
 */
import { expect, type Page, test } from '@playwright/test'
import type { CreateWorkshopResponse, WorkshopParticipant } from '../../shared/api'
import { createWorkshop } from '../support/api'
import { call } from '../support/controlClient'
import { type Actor, atelierPerFile, joinBoard, noteTexts } from './actors'
import { expectNoSeriousAxeViolations } from './axe'
import { joinList } from './listView'

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

  // The board that was open: disconnected, told so; « Rejoindre à nouveau », and a reload, say the workshop is gone…
  const notice = fanny.page.getByTestId('fatal-notice')
  await expect(notice).toHaveAttribute('data-reason', 'sessionRevoked')
  await notice.getByRole('button', { name: 'Rejoindre à nouveau' }).click()
  const gone = fanny.page.getByTestId('workshop-gone')
  await expect(gone.getByRole('heading', { name: 'Cet atelier n’existe plus' })).toBeVisible()
  await fanny.page.reload()
  await expect(gone.getByRole('heading', { name: 'Cet atelier n’existe plus' })).toBeVisible()
  await expect(gone).toContainText('Il a été supprimé')
  await expect(fanny.page.getByTestId('join-name')).toHaveCount(0)
  await expectNoSeriousAxeViolations(fanny.page, 'workshop page (deleted workshop)')
  await fanny.page.screenshot({ path: shot('deleted-workshop-page.png') })
  // …and the workshop's links join nothing any more: they open the same page, no join form.
  const late = await atelier.actor(browser, 'Louis Retardataire')
  await late.page.goto(doomed.links.participant)
  await expect(late.page.getByRole('heading', { name: 'Cet atelier n’existe plus' })).toBeVisible()
  await expect(late.page.getByTestId('join-name')).toHaveCount(0)
  const join = await late.page.evaluate(
    async ({ id, key }) =>
      (
        await fetch(`/api/workshops/${id}/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ key, name: 'Louis Retardataire' }),
        })
      ).status,
    { id: doomed.id, key: new URL(doomed.links.participant).hash.replace('#k=', '') },
  )
  expect(join).toBe(403)
})

/** The session cookie this actor's browser holds for the workshop, if any. */
async function sessionCookie(actor: Actor, workshopId: string): Promise<string | undefined> {
  const cookies = await actor.page.context().cookies()
  return cookies.find((c) => c.name === `atelier_session_${workshopId}`)?.value
}

test('a participant erases their own name from the board: told what goes and what stays, then done, nothing re-joins', async ({
  browser,
}) => {
  const { url, adminToken } = atelier.server
  const workshop = await createWorkshop(url, adminToken, 'Atelier enjeux — Guise', 'enjeux')
  const fanny = await atelier.actor(browser, 'Fanny Animatrice')
  const claire = await atelier.actor(browser, 'Claire Participante')
  await joinBoard(fanny, workshop.links.facilitator)
  await joinBoard(claire, workshop.links.participant)
  // The facilitator has no such button: they would lose the workshop's control.
  await expect(fanny.page.getByTestId('self-erase')).toHaveCount(0)
  // Claire's note, which carries no name, stays on the board.
  await claire.page.evaluate(() => {
    window.__atelier!.editor.createShape({ type: 'note', x: 80, y: 80 })
  })
  await expect.poll(() => noteTexts(fanny)).toHaveLength(1)

  const page = claire.page
  const open = page.getByRole('button', { name: 'Effacer mon nom et quitter' })
  await open.click()
  await expect(open).toHaveAttribute('aria-expanded', 'true')
  const step = page.getByRole('group', { name: 'Effacer votre nom et quitter l’atelier ?' })
  await expect(step).toContainText('votre nom, votre organisation et vos brouillons privés')
  await expect(step).toContainText('vos notes et vos votes, qui ne portent aucun nom')
  await expect(step.getByRole('button', { name: 'Annuler' })).toBeFocused()
  await expectNoSeriousAxeViolations(page, 'board (erase my name: confirm)')
  await page.screenshot({ path: shot('self-erase-confirm.png') })
  // Escape changes nothing and gives the focus back.
  await page.keyboard.press('Escape')
  await expect(step).toHaveCount(0)
  await expect(open).toBeFocused()
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')

  await open.click()
  await page.getByTestId('self-erase-confirm').click()
  const done = page.getByTestId('self-erased')
  await expect(done.getByRole('heading', { name: 'Votre nom a été effacé' })).toBeFocused()
  await expect(done).toContainText('Vous avez quitté l’atelier « Atelier enjeux — Guise »')
  await expect(done).toContainText('Vous pouvez fermer cette page.')
  // Nothing on it joins again: no button, no link but the déclaration's.
  await expect(done.getByRole('button')).toHaveCount(0)
  await expect(page.getByRole('link')).toHaveText(['Accessibilité : partiellement conforme'])
  await expectNoSeriousAxeViolations(page, 'workshop page (own name erased)')
  await page.screenshot({ path: shot('self-erased.png') })

  // The server names her no more and cleared her cookie; this browser forgets her name too.
  expect(await listedNames(fanny.page, workshop.id)).toEqual(['Fanny Animatrice'])
  expect(await sessionCookie(claire, workshop.id)).toBeUndefined()
  expect(await page.evaluate(() => localStorage.getItem('atelier.joinProfile'))).toBeNull()
  await expect.poll(() => noteTexts(fanny)).toHaveLength(1)
  // A reload asks for a link: nothing re-joins by itself.
  await page.reload()
  await expect(page.getByTestId('join-no-key')).toBeVisible()
  await expect(fanny.page.getByTestId('fatal-notice')).toHaveCount(0)
})

test('an observer erases their own name from the list view, on a 320 px screen', async ({ browser }) => {
  const { url, adminToken } = atelier.server
  const workshop = await createWorkshop(url, adminToken, 'Atelier enjeux — Vervins', 'enjeux')
  const fanny = await atelier.actor(browser, 'Fanny Animatrice')
  const olivier = await atelier.actor(browser, 'Olivier Observateur')
  await joinList(fanny, workshop.links.facilitator)
  await joinList(olivier, workshop.links.observer)
  await expect(fanny.page.getByTestId('self-erase')).toHaveCount(0)

  // On a phone.
  const page = olivier.page
  await page.setViewportSize({ width: 320, height: 640 })
  await page.getByRole('button', { name: 'Effacer mon nom et quitter' }).click()
  const step = page.getByRole('group', { name: 'Effacer votre nom et quitter l’atelier ?' })
  // An observer wrote nothing: only their name and organisation are erased.
  await expect(step).toContainText('Sont effacés : votre nom et votre organisation.')
  await expect(step).not.toContainText('brouillons')
  await expect(step.getByRole('button', { name: 'Annuler' })).toBeFocused()
  // The confirmation fits the screen: nothing to scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
  await expectNoSeriousAxeViolations(page, 'list (erase my name: confirm)')
  await page.screenshot({ path: shot('self-erase-list-confirm.png') })
  await page.getByTestId('self-erase-confirm').click()
  await expect(page.getByRole('heading', { name: 'Votre nom a été effacé' })).toBeFocused()
  expect(await listedNames(fanny.page, workshop.id)).toEqual(['Fanny Animatrice'])
  expect(await sessionCookie(olivier, workshop.id)).toBeUndefined()
  await page.reload()
  await expect(page.getByTestId('join-no-key')).toBeVisible()
})

test('the déclaration d’accessibilité lists the personal-data states checked with axe', async ({ browser }) => {
  const { page } = await atelier.actor(browser, 'Lectrice')
  await page.goto(`${atelier.server.url}/accessibilite`)
  const item = page.getByTestId('statement-axe').getByRole('listitem').filter({ hasText: 'données personnelles' })
  for (const state of [
    'renouveler un lien',
    'supprimer un atelier',
    'retirer une personne',
    '« Effacer mon nom et quitter » sur le tableau et dans la vue liste',
    'la page d’un atelier supprimé',
  ])
    await expect(item).toContainText(state)
})
