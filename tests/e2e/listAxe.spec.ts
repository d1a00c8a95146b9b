/**
 * axe-core on the list view in each of the five phases (issue 5 §5), for a
 * participant and for a facilitator (whose page also holds the workshop
 * bar's controls), on a board with enjeux, notes, a chantier, then a vote and
 * its results; in écriture also with a note's actions and the chantier form
 * open. No serious or critical violation; the counts are printed as figures.
 */
import { expect, test } from '@playwright/test'
import { createWorkshop, join } from '../support/api'
import { writeBoard } from '../support/boardClient'
import { atelierPerFile } from './actors'
import { expectNoSeriousAxeViolations } from './axe'
import { goToPhase, joinList, LIST_PHASES, listBoardRecords, listNote } from './listView'

const atelier = atelierPerFile()

test('axe finds no serious or critical violation on the list view, in every phase', async ({ browser }) => {
  const { url, adminToken } = atelier.server
  const workshop = await createWorkshop(url, adminToken, 'Atelier accessibilité — vue liste', 'enjeux')
  const seeder = await join(url, workshop, 'facilitator', 'Préparation')
  await writeBoard(url, workshop.id, seeder.token, listBoardRecords())
  const fanny = await atelier.actor(browser, 'Fanny Animatrice')
  const alice = await atelier.actor(browser, 'Alice Durand')
  await joinList(fanny, workshop.links.facilitator, 'departement')
  await joinList(alice, workshop.links.participant, 'associations')

  for (const phase of LIST_PHASES) {
    await goToPhase(url, workshop.id, seeder.token, phase)
    for (const [who, actor] of [
      ['participant', alice],
      ['facilitator', fanny],
    ] as const) {
      const page = actor.page
      await expect(page.getByTestId('list-phase')).toHaveAttribute('data-phase', phase)
      if (phase === 'vote') await expect(page.getByTestId('list-vote')).toBeVisible()
      if (phase === 'resultats') await expect(page.getByTestId('list-ranking')).toBeVisible()
      if (phase === 'ecriture') {
        await listNote(page, 'Bus rares').getByTestId('list-note-actions').click()
        await page.getByTestId('list-chantier-new').click()
      }
      await expectNoSeriousAxeViolations(page, `list ${phase} (${who})`)
      await page.screenshot({ path: test.info().outputPath(`laptop-${phase}-${who}.png`), fullPage: true })
    }
  }
})
