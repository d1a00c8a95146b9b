/**
 * Erasing people from the UI (issue 6 item 7): the facilitator « Retirer » a
 * participant from the workshop bar's list — after a confirmation that says
 * what is erased and what stays — and that person's board says their access
 * was revoked while the list no longer names them. Axe on each new state.
 */
import { expect, type Page, test } from '@playwright/test'
import type { WorkshopParticipant } from '../../shared/api'
import { createWorkshop } from '../support/api'
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
