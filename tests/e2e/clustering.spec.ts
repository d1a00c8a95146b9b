/**
 * « Suggérer des regroupements » in the browser (issue 3 §3): the facilitator
 * previews the server's groups (nothing written), applies them as frames
 * holding their notes — seen by everyone —, undoes the whole step with one
 * Ctrl+Z and redoes it with one Ctrl+Shift+Z; « Ignorer » leaves the board alone.
 */
import { type Browser, expect, type Locator, test } from '@playwright/test'
import { createWorkshop } from '../support/api'
import { type Actor, atelierPerFile, joinBoard } from './actors'

const atelier = atelierPerFile()

/** Two obvious themes, interleaved as they arrive on a board; ids name the theme (c = connectivité, m = médiation). */
const NOTES: [string, string][] = [
  ['c1', 'La fibre optique n’arrive pas dans nos villages'],
  ['m1', 'Accompagnement des personnes âgées aux démarches'],
  ['c2', 'Débit Internet trop faible pour les entreprises'],
  ['m2', 'Les aidants numériques manquent de formation'],
  ['c3', 'Réseau mobile instable dans les hameaux'],
  ['m3', 'Médiation numérique dans les mairies'],
  ['c4', 'Pas de 4G : des zones blanches partout'],
  ['m4', 'Former des médiateurs et des aidants'],
]
const THEME_C = NOTES.filter(([id]) => id.startsWith('c')).map(([id]) => `shape:${id}`)
const THEME_M = NOTES.filter(([id]) => id.startsWith('m')).map(([id]) => `shape:${id}`)

interface BoardState {
  frames: { id: string; name: string; parentId: string }[]
  notes: Record<string, { parentId: string; x: number; y: number }>
}

/** The frames and notes of the current page, as this actor's editor holds them. */
function boardState(actor: Actor): Promise<BoardState> {
  return actor.page.evaluate(() => {
    const shapes = window.__atelier!.editor.getCurrentPageShapes()
    return {
      frames: shapes
        .filter((s) => s.type === 'frame')
        .map((f) => ({ id: f.id, name: (f.props as { name: string }).name, parentId: f.parentId })),
      notes: Object.fromEntries(
        shapes.filter((s) => s.type === 'note').map((n) => [n.id, { parentId: n.parentId, x: n.x, y: n.y }]),
      ),
    }
  })
}

/** Note id → name of the frame holding it (null: on the page). */
function grouping(state: BoardState): Record<string, string | null> {
  const names = new Map(state.frames.map((f) => [f.id, f.name]))
  return Object.fromEntries(Object.entries(state.notes).map(([id, n]) => [id, names.get(n.parentId) ?? null]))
}

const expectedGrouping = (c: string, m: string) =>
  Object.fromEntries([...THEME_C.map((id) => [id, c]), ...THEME_M.map((id) => [id, m])])

/**
 * The panel's group numbers of the two themes. Groups of equal size come in the order of their
 * first note in the board document, which depends on who wrote first: found by content.
 */
async function themeNumbers(panel: Locator): Promise<{ c: number; m: number }> {
  await expect(panel.getByTestId(/^cluster-group-/)).toHaveCount(2)
  const first = (await panel.getByTestId('cluster-group-1').textContent()) ?? ''
  return first.includes('Pas de 4G') ? { c: 1, m: 2 } : { c: 2, m: 1 }
}

/**
 * A facilitator and a participant on a fresh board, filled with the notes: the participant writes
 * all but the last, the facilitator writes the last one (an edit of hers that her later undo
 * must leave alone).
 */
async function boardWithNotes(browser: Browser) {
  const workshop = await createWorkshop(atelier.server.url, atelier.server.adminToken, 'Atelier enjeux', 'vide')
  const fanny = await atelier.actor(browser, 'Fanny Animatrice')
  const paul = await atelier.actor(browser, 'Paul Participant')
  await joinBoard(fanny, workshop.links.facilitator, 'departement')
  await joinBoard(paul, workshop.links.participant, 'associations')
  const write = (actor: Actor, notes: [string, string][], from: number) =>
    actor.page.evaluate(
      ([notes, from]) => {
        const editor = window.__atelier!.editor
        notes.forEach(([id, text], k) => {
          const i = from + k
          // As tldraw's note tool does: one undo step per note.
          editor.markHistoryStoppingPoint('create note')
          editor.createShape({
            id: `shape:${id}` as never,
            type: 'note',
            x: (i % 4) * 240,
            y: Math.floor(i / 4) * 240,
            props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
          })
        })
      },
      [notes, from] as const,
    )
  await write(paul, NOTES.slice(0, -1), 0)
  await write(fanny, NOTES.slice(-1), NOTES.length - 1)
  // What the other screen shows went through the server, which suggests from its own copy.
  for (const actor of [fanny, paul]) {
    await expect.poll(async () => Object.keys((await boardState(actor)).notes).length).toBe(NOTES.length)
  }
  return { fanny, paul }
}

test('the facilitator previews, applies, undoes and redoes the suggested groups; everyone sees it', async ({
  browser,
}, testInfo) => {
  const { fanny, paul } = await boardWithNotes(browser)
  const before = await boardState(paul)
  expect(await boardState(fanny)).toEqual(before)
  // Only the facilitator gets the button.
  await expect(paul.page.getByTestId('workshop-bar')).toBeVisible()
  await expect(paul.page.getByTestId('cluster-suggest')).toHaveCount(0)

  await fanny.page.getByRole('button', { name: 'Suggérer des regroupements' }).click()
  const panel = fanny.page.getByTestId('cluster-panel')
  await expect(panel.getByRole('heading', { name: 'Regroupements proposés' })).toBeFocused()
  const n = await themeNumbers(panel)
  const connectivity = panel.getByTestId(`cluster-group-${n.c}`)
  const inclusion = panel.getByTestId(`cluster-group-${n.m}`)
  await expect(connectivity.getByTestId(`cluster-label-${n.c}`)).toHaveValue(/fibre|débit|réseau/i)
  await expect(inclusion.getByTestId(`cluster-label-${n.m}`)).toHaveValue(/accompagnement|aidants|médiation/i)
  await expect(connectivity.getByTestId(`cluster-count-${n.c}`)).toHaveText('4 notes')
  await expect(inclusion.getByTestId(`cluster-count-${n.m}`)).toHaveText('4 notes')
  await expect(connectivity).toContainText('Pas de 4G : des zones blanches partout')
  await expect(inclusion).toContainText('Médiation numérique dans les mairies')
  // On the canvas, each note is outlined with its group's number.
  for (const id of THEME_C)
    await expect(fanny.page.getByTestId(`cluster-outline-${id}`)).toHaveAttribute('data-group', String(n.c))
  for (const id of THEME_M)
    await expect(fanny.page.getByTestId(`cluster-outline-${id}`)).toHaveAttribute('data-group', String(n.m))
  const connectivityLabel = await connectivity.getByTestId(`cluster-label-${n.c}`).inputValue()
  // The facilitator renames a group before applying.
  await inclusion.getByTestId(`cluster-label-${n.m}`).fill('Inclusion numérique')
  await expect(fanny.page.getByTestId(`cluster-outline-${THEME_M[0]}`)).toContainText('Inclusion numérique')
  await fanny.page.screenshot({ path: testInfo.outputPath('preview.png') })

  // A preview writes nothing: the participant's board is as it was.
  expect(await boardState(paul)).toEqual(before)
  expect(await boardState(fanny)).toEqual(before)

  await panel.getByRole('button', { name: 'Appliquer' }).click()
  await expect(panel).toHaveCount(0)
  await expect(fanny.page.getByTestId('cluster-outlines')).toHaveCount(0)
  await expect(fanny.page.getByTestId('cluster-status')).toHaveText('2 cadres créés. Ctrl+Z pour annuler.')
  const applied = expectedGrouping(connectivityLabel, 'Inclusion numérique')
  for (const actor of [fanny, paul]) {
    await expect.poll(async () => grouping(await boardState(actor))).toEqual(applied)
    const { frames } = await boardState(actor)
    expect(frames).toHaveLength(2)
    expect(frames.every((f) => f.parentId === 'page:page')).toBe(true)
  }
  await fanny.page.screenshot({ path: testInfo.outputPath('applied.png') })

  // One Ctrl+Z on the facilitator's screen: frames gone, every note back at its place, on both screens.
  await fanny.page.keyboard.press('Control+z')
  for (const actor of [fanny, paul]) await expect.poll(() => boardState(actor)).toEqual(before)

  // One Ctrl+Shift+Z applies it all again.
  await fanny.page.keyboard.press('Control+Shift+z')
  for (const actor of [fanny, paul]) {
    await expect.poll(async () => grouping(await boardState(actor))).toEqual(applied)
  }
})

test('« Ignorer » and « Retirer ce groupe » leave the board untouched', async ({ browser }) => {
  const { fanny, paul } = await boardWithNotes(browser)
  const before = await boardState(paul)
  const suggest = fanny.page.getByTestId('cluster-suggest')
  await suggest.click()
  const panel = fanny.page.getByTestId('cluster-panel')
  const n = await themeNumbers(panel)
  await expect(suggest).toHaveAttribute('aria-expanded', 'true')

  const connectivityLabel = await panel.getByTestId(`cluster-label-${n.c}`).inputValue()
  await panel.getByRole('button', { name: `Retirer le groupe « ${connectivityLabel} »` }).click()
  await expect(panel.getByTestId(/^cluster-group-/)).toHaveCount(1)
  for (const id of THEME_C) await expect(fanny.page.getByTestId(`cluster-outline-${id}`)).toHaveCount(0)
  await expect(fanny.page.getByTestId(/^cluster-outline-/)).toHaveCount(THEME_M.length)

  await panel.getByRole('button', { name: 'Ignorer' }).click()
  await expect(panel).toHaveCount(0)
  await expect(fanny.page.getByTestId('cluster-outlines')).toHaveCount(0)
  await expect(suggest).toBeFocused()
  await expect(suggest).toHaveAttribute('aria-expanded', 'false')
  expect(await boardState(fanny)).toEqual(before)
  expect(await boardState(paul)).toEqual(before)

  // Escape in the panel discards too.
  await suggest.click()
  await expect(panel).toBeVisible()
  await fanny.page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  expect(await boardState(paul)).toEqual(before)
})

test('notes deleted or put in a frame by someone else during the preview are left out', async ({ browser }) => {
  const { fanny, paul } = await boardWithNotes(browser)
  await fanny.page.getByTestId('cluster-suggest').click()
  const panel = fanny.page.getByTestId('cluster-panel')
  const n = await themeNumbers(panel)
  await expect(panel.getByTestId(`cluster-count-${n.c}`)).toHaveText('4 notes')
  const [labelC, labelM] = [
    await panel.getByTestId(`cluster-label-${n.c}`).inputValue(),
    await panel.getByTestId(`cluster-label-${n.m}`).inputValue(),
  ]

  // Meanwhile the participant deletes one note and files another in a frame of their own.
  await paul.page.evaluate(() => {
    const editor = window.__atelier!.editor
    editor.deleteShape('shape:c1' as never)
    editor.createShape({ id: 'shape:theirs' as never, type: 'frame', x: 0, y: 600, props: { name: 'Le leur' } })
    editor.reparentShapes(['shape:m1' as never], 'shape:theirs' as never)
  })
  // The preview follows: three notes left in each group.
  await expect(panel.getByTestId('cluster-count-1')).toHaveText('3 notes')
  await expect(panel.getByTestId('cluster-count-2')).toHaveText('3 notes')
  await expect(fanny.page.getByTestId('cluster-outline-shape:m1')).toHaveCount(0)

  await panel.getByRole('button', { name: 'Appliquer' }).click()
  await expect(fanny.page.getByTestId('cluster-status')).toHaveText(
    '2 cadres créés. Ctrl+Z pour annuler. 2 notes supprimées ou déjà rangées entre-temps ont été laissées de côté.',
  )
  const expected = { ...expectedGrouping(labelC, labelM), 'shape:m1': 'Le leur' }
  delete expected['shape:c1']
  for (const actor of [fanny, paul]) await expect.poll(async () => grouping(await boardState(actor))).toEqual(expected)
})
