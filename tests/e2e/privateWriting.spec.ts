/**
 * Private writing in the browser (issue 3 §3): the facilitator turns it on; a
 * participant's note stays on their screen and the facilitator's, marked
 * « Privée », and never reaches another participant's editor or board
 * document; it survives its author reloading; « Révéler les notes » puts it on
 * every board, unmarked.
 */
import { expect, type Page, test } from '@playwright/test'
import { createWorkshop } from '../support/api'
import { type Actor, atelierPerFile, foreignRequests, joinBoard, noteTexts } from './actors'

const atelier = atelierPerFile()
const SECRET = 'Idée encore secrète'

declare global {
  interface Window {
    /** Set by watchForLeak when the text reached this page's board document or editor. */
    __leaked?: boolean
  }
}

/** From now on, remembers whether `text` ever reaches this page's board document (any update) or its editor. */
function watchForLeak(page: Page, text: string): Promise<void> {
  return page.evaluate((text) => {
    const { doc, editor } = window.__atelier!
    window.__leaked = false
    const decoder = new TextDecoder()
    doc.on('update', (update: Uint8Array) => {
      if (decoder.decode(update).includes(text)) window.__leaked = true
    })
    editor.store.listen(() => {
      if (JSON.stringify(editor.store.allRecords()).includes(text)) window.__leaked = true
    })
  }, text)
}

const boardDocJson = (actor: Actor) => actor.page.evaluate(() => JSON.stringify(window.__atelier!.doc.toJSON()))

/** Adds a sticky note with the keyboard, as people do. */
async function writeNote(actor: Actor, text: string): Promise<void> {
  const canvas = actor.page.locator('.tl-canvas')
  await canvas.click({ position: { x: 300, y: 300 } })
  await actor.page.keyboard.press('n')
  await canvas.click({ position: { x: 520, y: 360 } })
  await actor.page.keyboard.type(text)
  await actor.page.keyboard.press('Escape')
}

test('a private note stays with its author and the facilitator until « Révéler les notes »', async ({ browser }) => {
  const workshop = await createWorkshop(atelier.server.url, atelier.server.adminToken, 'Atelier privé', 'vide')
  const fanny = await atelier.actor(browser, 'Fanny Animatrice')
  const alice = await atelier.actor(browser, 'Alice Martin')
  const bruno = await atelier.actor(browser, 'Bruno Leroy')
  await joinBoard(fanny, workshop.links.facilitator)
  await joinBoard(alice, workshop.links.participant)
  await joinBoard(bruno, workshop.links.participant)
  await watchForLeak(bruno.page, SECRET)

  // The facilitator turns private writing on; participants are told.
  const toggle = fanny.page.getByTestId('private-writing-toggle')
  await expect(toggle).toHaveText('Écriture privée')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await expect(fanny.page.getByTestId('private-writing-count')).toHaveText('Aucune note privée')
  await expect(alice.page.getByTestId('private-writing-notice')).toHaveText(
    "Vos notes restent privées jusqu'à leur révélation par l'animateur·rice",
  )

  await writeNote(alice, SECRET)
  await expect.poll(() => noteTexts(alice)).toEqual([expect.stringContaining(SECRET)])
  await expect(alice.page.getByTestId('private-mark')).toHaveText('Privée')

  // The facilitator reads it, marked, and sees the counts.
  await expect.poll(() => noteTexts(fanny)).toEqual([expect.stringContaining(SECRET)])
  await expect(fanny.page.getByTestId('private-mark')).toHaveCount(1)
  await expect(fanny.page.getByTestId('private-writing-count')).toHaveText('1 note privée de 1 participant·e')
  // Read-only for the facilitator: moving it would publish it, so it does not move.
  const stayed = await fanny.page.evaluate(() => {
    const editor = window.__atelier!.editor
    const note = editor.getCurrentPageShapes().find((s) => s.type === 'note')!
    editor.updateShape({ id: note.id, type: 'note', x: note.x + 300 })
    return editor.getShape(note.id)?.x === note.x
  })
  expect(stayed).toBe(true)
  await fanny.page.screenshot({ path: test.info().outputPath('private-facilitator.png') })
  await alice.page.screenshot({ path: test.info().outputPath('private-author.png') })

  // Alice reloads before the reveal: her draft is still there, still private.
  await alice.page.reload()
  await expect(alice.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await alice.page.waitForFunction(() => Boolean(window.__atelier?.editor))
  await expect.poll(() => noteTexts(alice)).toEqual([expect.stringContaining(SECRET)])
  await expect(alice.page.getByTestId('private-mark')).toHaveCount(1)

  // Over all that time, Bruno's editor and board document never held it.
  expect(await noteTexts(bruno)).toEqual([])
  expect(await boardDocJson(bruno)).not.toContain(SECRET)
  expect(await bruno.page.evaluate(() => window.__leaked)).toBe(false)

  // Figure: from the click to the note in Bruno's editor (checked on every animation frame).
  const shown = bruno.page.waitForFunction(
    (text) => JSON.stringify(window.__atelier!.editor.getCurrentPageShapes()).includes(text),
    SECRET,
    { polling: 'raf' },
  )
  const clicked = Date.now()
  await fanny.page.getByTestId('private-writing-reveal').click()
  await shown
  console.log(`figure: « Révéler les notes » to the note on another participant's screen: ${Date.now() - clicked} ms`)
  await expect.poll(() => noteTexts(bruno)).toEqual([expect.stringContaining(SECRET)])
  expect(await boardDocJson(bruno)).toContain(SECRET)
  await expect(alice.page.getByTestId('private-mark')).toHaveCount(0)
  await expect(fanny.page.getByTestId('private-mark')).toHaveCount(0)
  await expect(fanny.page.getByTestId('private-writing-count')).toHaveText('Aucune note privée')
  expect(await noteTexts(alice)).toHaveLength(1)

  // Revealed, it is an ordinary note: Alice's edit now reaches everyone.
  await alice.page.evaluate(() => {
    const editor = window.__atelier!.editor
    const note = editor.getCurrentPageShapes().find((s) => s.type === 'note')!
    editor.updateShape({ id: note.id, type: 'note', x: note.x + 200 })
  })
  await expect
    .poll(() =>
      bruno.page.evaluate(() => window.__atelier!.editor.getCurrentPageShapes().find((s) => s.type === 'note')?.x),
    )
    .toBeGreaterThan(300)
  for (const a of [fanny, alice, bruno]) expect(foreignRequests(a, atelier.server.url)).toEqual([])
})
