/**
 * The list view with the keyboard alone (issue 5 §3): join, add a note, move
 * it into an enjeu, spend a dot and take it back, with nothing but Tab,
 * Shift+Tab, Enter, Space, the arrow keys and typing — and at every stop the
 * focus is visible (a real outline, :focus-visible). The other screen is a
 * canvas, to check what the keyboard did arrived there.
 */
import { expect, type Page, test } from '@playwright/test'
import { createWorkshop, join } from '../support/api'
import { writeBoard } from '../support/boardClient'
import { frameRecord } from '../support/records'
import { atelierPerFile, joinBoard } from './actors'
import { enjeuSection, listLink, listNote, listReady, liveText, openVote } from './listView'

const atelier = atelierPerFile()

interface Focused {
  /** What identifies the element: its test id, else its tag and text. */
  key: string
  visible: boolean
}

/** The focused element, and whether the focus shows (an outline at least 2 px wide, as :focus-visible draws it). */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { key: 'body', visible: false }
    const style = getComputedStyle(el)
    const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2
    return {
      key: el.dataset.testid ?? `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 60)}`,
      visible: el.matches(':focus-visible') && outlined,
    }
  })
}

/** Presses Tab (or Shift+Tab) until the focus is on `key`; every stop on the way must show its focus. */
async function tabTo(page: Page, key: string | RegExp, { back = false, max = 60 } = {}): Promise<void> {
  const stops: string[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    const f = await focused(page)
    stops.push(f.key)
    expect(f.visible, `focus visible on ${f.key} (after ${stops.join(' → ')})`).toBe(true)
    if (typeof key === 'string' ? f.key === key : key.test(f.key)) return
  }
  throw new Error(`never reached ${key}: ${stops.join(' → ')}`)
}

test('keyboard only: join, add a note, move it into an enjeu, spend and take back a dot', async ({ browser }) => {
  const { url, adminToken } = atelier.server
  const workshop = await createWorkshop(url, adminToken, 'Atelier clavier', 'enjeux')
  const fanny = await join(url, workshop, 'facilitator', 'Fanny Animatrice')
  await writeBoard(url, workshop.id, fanny.token, [
    frameRecord('reseau', 'Couverture réseau', 3000, 0, 'aW'),
    frameRecord('aide', 'Accompagnement', 3000, 600, 'aX'),
  ])
  const bruno = await atelier.actor(browser, 'Bruno Petit')
  await joinBoard(bruno, workshop.links.participant)
  const alice = await atelier.actor(browser, 'Alice Durand')
  const A = alice.page

  // The join form.
  await A.goto(listLink(workshop.links.participant))
  // (Once the form is there to see: before, the page only says it checks the session.)
  await expect(A.getByTestId('join-name')).toBeVisible()
  await tabTo(A, 'join-name')
  await A.keyboard.type('Alice Durand')
  await tabTo(A, 'join-college')
  await A.keyboard.press('ArrowDown')
  await expect(A.getByTestId('join-college')).not.toHaveValue('')
  await tabTo(A, 'join-submit')
  await A.keyboard.press('Enter')
  await listReady(A)

  // A note, typed, placed « Notes à classer » (the default), added with Enter on the button.
  await tabTo(A, 'list-add-text')
  await A.keyboard.type('Pas de 4G au bourg')
  await tabTo(A, 'list-add-submit')
  await A.keyboard.press('Enter')
  await expect(liveText(A)).toHaveText('Note ajoutée dans « Notes à classer ».')
  await expect(listNote(A.getByTestId('list-loose'), 'Pas de 4G au bourg')).toBeVisible()

  // Moved into « Couverture réseau »: « Actions » (Enter), the place chosen with the arrows, « Déplacer » (Space).
  await tabTo(A, /^list-note-actions$/)
  await A.keyboard.press('Enter')
  await tabTo(A, 'list-note-move-to')
  const moveTo = A.getByTestId('list-note-move-to')
  for (let i = 0; i < 5 && (await moveTo.inputValue()) !== 'enjeu:shape:reseau'; i++)
    await A.keyboard.press('ArrowDown')
  await expect(moveTo).toHaveValue('enjeu:shape:reseau')
  await tabTo(A, 'list-note-move')
  await A.keyboard.press('Space')
  await expect(liveText(A)).toHaveText('Note déplacée vers « Couverture réseau ».')
  await expect(listNote(enjeuSection(A, 'shape:reseau'), 'Pas de 4G au bourg')).toBeVisible()
  // The focus followed the note to its new place.
  expect((await focused(A)).key).toBe('list-note-actions')
  await expect
    .poll(() =>
      bruno.page.evaluate(
        () =>
          window
            .__atelier!.editor.getCurrentPageShapes()
            .find((s) => s.type === 'note' && JSON.stringify(s.props).includes('Pas de 4G'))?.parentId,
      ),
    )
    .toBe('shape:reseau')

  // The vote opens (the facilitator, elsewhere); Alice spends a dot and takes it back.
  await openVote(url, workshop.id, fanny.token)
  await expect(A.getByTestId('list-vote-remaining')).toHaveText('Il vous reste 3 points sur 3')
  // The vote section comes first in the page: back up to it.
  await tabTo(A, /^list-vote-add$/, { back: true })
  const itemId = await A.evaluate(
    () => document.activeElement!.closest<HTMLElement>('[data-testid="list-vote-item"]')!.dataset.id,
  )
  const item = A.locator(`[data-testid="list-vote-item"][data-id="${itemId}"]`)
  const title = (await item.locator('.list-vote__title').textContent())!
  await A.keyboard.press('Enter')
  await expect(A.getByTestId('list-vote-remaining')).toHaveText('Il vous reste 2 points sur 3')
  await expect(item.getByTestId('list-vote-mine')).toHaveText('1 point placé')
  await expect(liveText(A)).toHaveText('Il vous reste 2 points sur 3')
  await tabTo(A, 'list-vote-remove')
  await expect(A.locator(':focus')).toHaveAccessibleName(`Retirer un point de « ${title} »`)
  await A.keyboard.press('Space')
  await expect(A.getByTestId('list-vote-remaining')).toHaveText('Il vous reste 3 points sur 3')
  await expect(item.getByTestId('list-vote-mine')).toHaveText('Aucun point placé')
  // The button keeps the focus, and says there is nothing left to take back.
  expect((await focused(A)).key).toBe('list-vote-remove')
  await expect(A.locator(':focus')).toHaveAttribute('aria-disabled', 'true')
  await A.screenshot({ path: test.info().outputPath('keyboard-vote.png') })
})
