/**
 * The list view (issue 5) against the canvas, with real screens on one real
 * server: what is added or moved on one appears in the right place on the
 * other (a note in its enjeu's frame on the canvas, under its enjeu's heading
 * in the list); own notes are edited and deleted, others' only moved; a
 * chantier drafted in the list lands in the « Chantiers » zone; the vote's
 * budget, cap and closed answers; the ranking; a facilitator's phases and
 * timer; the small-screen switch; an observer reads only; and a canvas whose
 * write the server refuses for its note's author (4409) starts again from the
 * server's state rather than being stuck.
 */
import { type Browser, expect, type Page, test } from '@playwright/test'
import type { TLRecord } from '@tldraw/tlschema'
import type { CreateWorkshopResponse, JoinResponse, Template } from '../../shared/api'
import { createWorkshop, join } from '../support/api'
import { writeBoard } from '../support/boardClient'
import { call } from '../support/controlClient'
import { frameRecord, noteRecord } from '../support/records'
import { type Actor, atelierPerFile, foreignRequests, joinBoard } from './actors'
import { enjeuSection, joinList, listNote, liveText, openVote } from './listView'

const atelier = atelierPerFile()

const RESEAU = { id: 'shape:reseau', name: 'Couverture réseau' }
const AIDE = { id: 'shape:aide', name: 'Accompagnement' }

interface Seeded {
  workshop: CreateWorkshopResponse
  facilitator: JoinResponse
}

/** A workshop of `template` whose board also holds two enjeux (frames) and `more`. */
async function seeded(template: Template, more: (f: JoinResponse) => TLRecord[] = () => []): Promise<Seeded> {
  const { url, adminToken } = atelier.server
  const workshop = await createWorkshop(url, adminToken, 'Atelier numérique — vue liste', template)
  const facilitator = await join(url, workshop, 'facilitator', 'Préparation')
  await writeBoard(url, workshop.id, facilitator.token, [
    frameRecord(RESEAU.id.slice(6), RESEAU.name, 3000, 0, 'aW'),
    frameRecord(AIDE.id.slice(6), AIDE.name, 3000, 600, 'aX'),
    ...more(facilitator),
  ])
  return { workshop, facilitator }
}

/** Alice on the list view, Bruno on the canvas, both participants. */
async function listAndCanvas(browser: Browser, workshop: CreateWorkshopResponse) {
  const alice = await atelier.actor(browser, 'Alice Durand')
  const bruno = await atelier.actor(browser, 'Bruno Petit')
  await joinList(alice, workshop.links.participant, 'associations')
  await joinBoard(bruno, workshop.links.participant, 'france-services')
  return { alice, bruno }
}

/** A note as the canvas holds it, found by its text. */
function canvasNote(actor: Actor, text: string) {
  return actor.page.evaluate((text) => {
    const editor = window.__atelier!.editor
    const note = editor
      .getCurrentPageShapes()
      .find((s) => s.type === 'note' && JSON.stringify((s.props as { richText?: unknown }).richText).includes(text))
    if (!note) return null
    const parent = editor.getShape(note.parentId as never)
    const box = editor.getShapePageBounds(note)!
    const frame = parent ? editor.getShapePageBounds(parent)! : null
    return {
      id: note.id,
      parentId: note.parentId,
      // Wholly inside its frame: canvas users see it there (tldraw clips what sticks out).
      inside: frame
        ? box.minX >= frame.minX && box.maxX <= frame.maxX && box.minY >= frame.minY && box.maxY <= frame.maxY
        : null,
      author: (note.meta as { atelier?: { author?: string } }).atelier?.author ?? null,
    }
  }, text)
}

/** A note made on the canvas as a user makes one (tldraw stamps it with its author), in `parentId` or on the page. */
async function drawNote(actor: Actor, text: string, parentId?: string) {
  await actor.page.evaluate(
    ([text, parentId]) => {
      const editor = window.__atelier!.editor
      editor.createShape({
        type: 'note',
        ...(parentId ? { parentId: parentId as never } : {}),
        x: 20,
        y: 20,
        props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
      })
    },
    [text, parentId] as const,
  )
}

async function addNote(page: Page, text: string, place: string) {
  await page.getByTestId('list-add-text').fill(text)
  await page.getByTestId('list-add-where').selectOption({ label: place })
  await page.getByTestId('list-add-submit').click()
}

test('a note added in the list lands inside its enjeu on the canvas, and the canvas’s notes under their heading', async ({
  browser,
}) => {
  const { workshop } = await seeded('enjeux')
  const { alice, bruno } = await listAndCanvas(browser, workshop)
  const A = alice.page

  // The list: the phase, the enjeux as headings, the notes to cluster.
  await expect(A.getByTestId('list-phase')).toHaveText('Phase : Écriture')
  await expect(A.getByRole('heading', { level: 2, name: RESEAU.name })).toBeVisible()
  await expect(A.getByRole('heading', { level: 2, name: AIDE.name })).toBeVisible()
  await A.screenshot({ path: test.info().outputPath('list-empty.png'), fullPage: true })

  // Alice adds a note straight into « Couverture réseau ».
  await addNote(A, 'Pas de fibre à Vervins', RESEAU.name)
  await expect(liveText(A)).toHaveText('Note ajoutée dans « Couverture réseau ».')
  await expect(listNote(enjeuSection(A, RESEAU.id), 'Pas de fibre à Vervins')).toContainText('Votre note')
  await expect(A.getByTestId('list-add-text')).toBeFocused()
  await expect
    .poll(() => canvasNote(bruno, 'Pas de fibre à Vervins'))
    .toMatchObject({ parentId: RESEAU.id, inside: true, author: expect.any(String) })

  // Bruno writes a note on the canvas inside « Accompagnement »: it arrives under that heading, announced.
  await drawNote(bruno, 'Ateliers en mairie', AIDE.id)
  await expect(listNote(enjeuSection(A, AIDE.id), 'Ateliers en mairie')).toBeVisible()
  await expect(liveText(A)).toHaveText('Nouvelle note : « Ateliers en mairie »')
  // Not Alice's: no « Votre note ».
  await expect(listNote(A, 'Ateliers en mairie')).not.toContainText('Votre note')

  // Bruno moves his note into « Couverture réseau » on the canvas; the list follows.
  const brunos = await canvasNote(bruno, 'Ateliers en mairie')
  await bruno.page.evaluate(
    ([id, to]) => window.__atelier!.editor.reparentShapes([id as never], to as never),
    [brunos!.id, RESEAU.id],
  )
  await expect(listNote(enjeuSection(A, RESEAU.id), 'Ateliers en mairie')).toBeVisible()
  await expect(listNote(enjeuSection(A, AIDE.id), 'Ateliers en mairie')).toHaveCount(0)

  // Alice files it back into « Accompagnement » from the list: Bruno's canvas shows it inside that frame.
  const note = listNote(A, 'Ateliers en mairie')
  await note.getByTestId('list-note-actions').click()
  await note.getByTestId('list-note-move-to').selectOption({ label: AIDE.name })
  await note.getByTestId('list-note-move').click()
  await expect(liveText(A)).toHaveText('Note déplacée vers « Accompagnement ».')
  await expect(listNote(enjeuSection(A, AIDE.id), 'Ateliers en mairie')).toBeVisible()
  await expect.poll(() => canvasNote(bruno, 'Ateliers en mairie')).toMatchObject({ parentId: AIDE.id, inside: true })
  // The note went to its new place, the focus with it (on its « Actions », closed).
  await expect(note.getByTestId('list-note-actions')).toBeFocused()
  await expect(note.getByTestId('list-note-actions')).toHaveAttribute('aria-expanded', 'false')
  // …and among the notes to cluster: back on the page.
  await note.getByTestId('list-note-actions').click()
  await note.getByTestId('list-note-move-to').selectOption({ label: 'Notes à classer' })
  await note.getByTestId('list-note-move').click()
  await expect(listNote(A.getByTestId('list-loose'), 'Ateliers en mairie')).toBeVisible()
  await expect.poll(async () => (await canvasNote(bruno, 'Ateliers en mairie'))?.parentId).toMatch(/^page:/)
  await A.screenshot({ path: test.info().outputPath('list-notes.png'), fullPage: true })

  for (const a of [alice, bruno]) expect(foreignRequests(a, atelier.server.url)).toEqual([])
})

test('own notes are edited and deleted from the list; someone else’s only moved', async ({ browser }) => {
  const { workshop } = await seeded('enjeux')
  const { alice, bruno } = await listAndCanvas(browser, workshop)
  const A = alice.page

  // Bruno's note, written on the canvas: Alice may move it, not change or delete it.
  await drawNote(bruno, 'Bus rares')
  const brunos = listNote(A, 'Bus rares')
  await brunos.getByTestId('list-note-actions').click()
  await expect(brunos.getByTestId('list-note-move')).toBeVisible()
  await expect(brunos.getByTestId('list-note-edit')).toHaveCount(0)
  await expect(brunos.getByTestId('list-note-delete')).toHaveCount(0)

  // Her own: she changes its text, then deletes it; Bruno's canvas follows.
  await addNote(A, 'Débit faible', 'Notes à classer')
  const mine = listNote(A, 'Débit faible')
  await mine.getByTestId('list-note-actions').click()
  await mine.getByTestId('list-note-edit').click()
  await expect(mine.getByTestId('list-note-edit-text')).toBeFocused()
  await mine.getByTestId('list-note-edit-text').fill('Débit très faible le soir')
  await mine.getByTestId('list-note-save').click()
  await expect(liveText(A)).toHaveText('Note modifiée.')
  const edited = listNote(A, 'Débit très faible le soir')
  await expect(edited.getByTestId('list-note-actions')).toBeFocused()
  await expect.poll(() => canvasNote(bruno, 'Débit très faible le soir')).not.toBeNull()
  // An empty text is not saved (a note keeps something to read).
  await edited.getByTestId('list-note-edit').click()
  await edited.getByTestId('list-note-edit-text').fill('   ')
  await edited.getByTestId('list-note-save').click()
  await expect(edited.getByTestId('list-note-edit-text')).toBeVisible()
  await edited.getByRole('button', { name: 'Annuler' }).click()

  await edited.getByTestId('list-note-delete').click()
  await edited.getByTestId('list-note-confirm-delete').click()
  await expect(liveText(A)).toHaveText('Note supprimée.')
  await expect(listNote(A, 'Débit très faible')).toHaveCount(0)
  await expect(A.getByRole('heading', { name: 'Notes à classer' })).toBeFocused()
  await expect.poll(() => canvasNote(bruno, 'Débit très faible')).toBeNull()
  // Bruno's note is still there, for everyone.
  await expect(brunos).toBeVisible()
})

test('a chantier drafted in the list lands in the « Chantiers » zone; edits go both ways', async ({ browser }) => {
  const { workshop } = await seeded('chantiers')
  const { alice, bruno } = await listAndCanvas(browser, workshop)
  const A = alice.page

  await A.getByTestId('list-chantier-new').click()
  await expect(A.getByTestId('list-chantier-titre')).toBeFocused()
  // No title: said next to the field, nothing written.
  await A.getByTestId('list-chantier-submit').click()
  await expect(A.getByText('Donnez un titre au chantier.')).toBeVisible()
  await A.getByTestId('list-chantier-titre').fill('Fibre dans les zones blanches')
  await A.getByTestId('list-chantier-description').fill('Raccorder les hameaux restants.')
  await A.locator(`[data-testid="list-chantier-enjeu"][data-id="${RESEAU.id}"]`).check()
  await A.getByTestId('list-chantier-porteur').fill('Conseil départemental')
  await A.getByTestId('list-chantier-partenaires').fill('Région\n\n  Orange  \nEPCI')
  await A.getByTestId('list-chantier-echeance').fill('2027-06')
  await A.getByTestId('list-chantier-submit').click()
  await expect(liveText(A)).toHaveText('Chantier « Fibre dans les zones blanches » créé.')
  const card = A.getByTestId('list-chantier')
  await expect(card.getByRole('heading', { level: 3 })).toBeFocused()
  await expect(card.locator('[data-field="enjeux"]')).toHaveText(RESEAU.name)
  await expect(card.locator('[data-field="partenaires"] li')).toHaveText(['Région', 'Orange', 'EPCI'])
  await expect(card.locator('[data-field="porteur"]')).toHaveText('Conseil départemental')

  // On Bruno's canvas: a valid chantier card with those fields, inside the template's « Chantiers » zone.
  const onCanvas = () =>
    bruno.page.evaluate(() => {
      const editor = window.__atelier!.editor
      const card = editor.getCurrentPageShapes().find((s) => s.type === 'chantier')
      if (!card) return null
      const box = editor.getShapePageBounds(card)!
      const zone = editor.getShapePageBounds('shape:zone-chantiers' as never)!
      return {
        id: card.id as string,
        props: card.props as Record<string, string | string[]>,
        inZone: box.minX >= zone.minX && box.maxX <= zone.maxX && box.minY >= zone.minY && box.maxY <= zone.maxY,
      }
    })
  await expect.poll(onCanvas).toMatchObject({
    inZone: true,
    props: {
      titre: 'Fibre dans les zones blanches',
      description: 'Raccorder les hameaux restants.',
      enjeuIds: [RESEAU.id],
      porteur: 'Conseil départemental',
      partenaires: ['Région', 'Orange', 'EPCI'],
      echeance: '2027-06',
    },
  })

  // Alice edits it from the list…
  await card.getByTestId('list-chantier-edit').click()
  await expect(A.getByTestId('list-chantier-titre')).toHaveValue('Fibre dans les zones blanches')
  await A.getByTestId('list-chantier-porteur').fill('Syndicat mixte numérique')
  await A.getByTestId('list-chantier-submit').click()
  await expect(liveText(A)).toHaveText('Chantier « Fibre dans les zones blanches » enregistré.')
  await expect.poll(async () => (await onCanvas())?.props.porteur).toBe('Syndicat mixte numérique')
  // …Bruno renames it on the canvas: the list follows.
  const { id } = (await onCanvas())!
  await bruno.page.evaluate((id) => {
    const editor = window.__atelier!.editor as unknown as { updateShape(partial: object): void }
    editor.updateShape({ id, type: 'chantier', props: { titre: 'Fibre pour tous' } })
  }, id)
  await expect(card.getByRole('heading', { level: 3 })).toHaveText('Fibre pour tous')
  await A.screenshot({ path: test.info().outputPath('list-chantier.png'), fullPage: true })
})

test('the vote from the list: budget, cap and closed answers announced, then the ranking with totals', async ({
  browser,
}) => {
  const MOBILITE = { id: 'shape:mobilite', name: 'Mobilité' }
  const { workshop, facilitator } = await seeded('enjeux', () => [
    frameRecord(MOBILITE.id.slice(6), MOBILITE.name, 3000, 1200, 'aY'),
  ])
  const { url } = atelier.server
  const bruno = await join(url, workshop, 'participant', 'Bruno Petit', { college: 'epci-communes' })
  const alice = await atelier.actor(browser, 'Alice Durand')
  const A = alice.page
  // The control document's messages to Alice can be held back, to click « Voter » on a vote already closed.
  let holding = false
  const held: (string | Buffer)[] = []
  let release = () => {}
  await A.routeWebSocket(/\/sync\/[^/]+\/control/, (ws) => {
    const server = ws.connectToServer()
    ws.onMessage((m) => server.send(m))
    server.onMessage((m) => (holding ? held.push(m) : ws.send(m)))
    release = () => {
      holding = false
      for (const m of held.splice(0)) ws.send(m)
    }
  })
  await joinList(alice, workshop.links.participant, 'associations')

  const sid = await openVote(url, workshop.id, facilitator.token, { votesPerPerson: 2, maxPerItem: 1 })
  const vote = A.getByTestId('list-vote')
  await expect(vote.getByRole('heading', { name: 'Vote en cours' })).toBeVisible()
  await expect(A.getByTestId('list-phase')).toHaveText('Phase : Vote')
  await expect(A.getByTestId('list-vote-remaining')).toHaveText('Il vous reste 2 points sur 2')
  await expect(vote.getByText('Les résultats seront affichés à la clôture du vote.')).toBeVisible()
  const add = (name: string) => A.getByRole('button', { name: `Voter pour « ${name} »` })
  const remove = (name: string) => A.getByRole('button', { name: `Retirer un point de « ${name} »` })
  const mine = (id: string) =>
    A.locator(`[data-testid="list-vote-item"][data-id="${id}"] [data-testid="list-vote-mine"]`)

  await add(RESEAU.name).click()
  await expect(mine(RESEAU.id)).toHaveText('1 point placé')
  await expect(liveText(A)).toHaveText('Il vous reste 1 point sur 2')
  // The cap on one item: the server's answer, announced; nothing changes.
  await add(RESEAU.name).click()
  await expect(liveText(A)).toHaveText('Vous avez atteint le maximum de points sur cet élément.')
  await expect(mine(RESEAU.id)).toHaveText('1 point placé')
  await add(AIDE.name).click()
  await expect(A.getByTestId('list-vote-remaining')).toHaveText('Tous vos points sont placés (2 sur 2)')
  // The budget.
  await add(MOBILITE.name).click()
  await expect(liveText(A)).toHaveText('Vous avez déjà placé tous vos points.')
  await expect(mine(MOBILITE.id)).toHaveText('Aucun point placé')
  // A dot taken back, and none to take back where there is none (the button says so, and stays in place).
  await remove(AIDE.name).click()
  await expect(A.getByTestId('list-vote-remaining')).toHaveText('Il vous reste 1 point sur 2')
  await expect(remove(AIDE.name)).toHaveAttribute('aria-disabled', 'true')
  await A.screenshot({ path: test.info().outputPath('list-vote.png'), fullPage: true })

  // Bruno votes (through the API, as any client would).
  for (const target of [RESEAU.id, MOBILITE.id]) {
    const r = await call(url, bruno.token, 'POST', `/api/workshops/${workshop.id}/vote-sessions/${sid}/votes`, {
      targetId: target,
    })
    expect(r.status).toBe(201)
  }

  // The facilitator closes while Alice's screen has not heard yet: her click gets the server's « closed ».
  holding = true
  const closed = await call(url, facilitator.token, 'POST', `/api/workshops/${workshop.id}/vote-sessions/${sid}/close`)
  expect(closed.status).toBe(200)
  await add(MOBILITE.name).click()
  await expect(liveText(A)).toHaveText('Le vote est clos.')
  release()

  // The ranking with totals, in the vote section and on each enjeu.
  await expect(vote.getByRole('heading', { name: 'Vote clos' })).toBeVisible()
  await expect(A.getByRole('button', { name: /^Voter pour/ })).toHaveCount(0)
  const ranking = A.getByTestId('list-ranking-item')
  await expect(ranking).toHaveText([
    /^1er\s*Couverture réseau\s*2 points/,
    /^2e\s*Mobilité\s*1 point/,
    /^3e\s*Accompagnement\s*0 point/,
  ])
  await expect(enjeuSection(A, RESEAU.id).getByTestId('list-votes').first()).toHaveText('1er · 2 points')
  await A.screenshot({ path: test.info().outputPath('list-ranking.png'), fullPage: true })
})

test('a facilitator runs phases and the timer from the list; participants hear the new phase', async ({ browser }) => {
  const { workshop } = await seeded('enjeux')
  const fanny = await atelier.actor(browser, 'Fanny Animatrice')
  const alice = await atelier.actor(browser, 'Alice Durand')
  await joinList(fanny, workshop.links.facilitator)
  await joinList(alice, workshop.links.participant)
  const F = fanny.page
  await expect(alice.page.getByTestId('list-facilitation')).toHaveCount(0)

  await F.getByTestId('phase-next').click()
  for (const page of [F, alice.page]) await expect(page.getByTestId('list-phase')).toHaveText('Phase : Regroupement')
  await expect(liveText(alice.page)).toHaveText('Nouvelle phase : Regroupement')
  await F.getByTestId('phase-choose-chantiers').click()
  await expect(alice.page.getByTestId('list-phase')).toHaveText('Phase : Chantiers')

  await F.getByTestId('timer-start-preset').click()
  await expect(alice.page.getByTestId('countdown')).toBeVisible()
  // \s: the French interface has a non-breaking space before the colon.
  await expect(alice.page.getByTestId('countdown')).toHaveAttribute('aria-label', /^Temps restant\s:\s\d+:\d\d$/)
  await F.getByTestId('timer-stop').click()
  await expect(alice.page.getByTestId('countdown')).toHaveCount(0)

  // The lock: participants read only, and say so.
  await F.getByTestId('lock-toggle').click()
  await expect(alice.page.getByText('Le tableau est verrouillé : lecture seule pour le moment.')).toBeVisible()
  await expect(alice.page.getByTestId('list-add-text')).toHaveCount(0)
  await F.screenshot({ path: test.info().outputPath('list-facilitator.png'), fullPage: true })
  await F.getByTestId('lock-toggle').click()
  await expect(alice.page.getByTestId('list-add-text')).toBeVisible()
})

test('a phone opens the list from the workshop link; « Vue canevas » and « Vue liste » switch, and the choice stays', async ({
  browser,
}) => {
  const { workshop } = await seeded('enjeux')
  const context = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  })
  try {
    const page = await context.newPage()
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
    })
    await page.goto(workshop.links.participant)
    await page.getByTestId('join-name').fill('Paul Mobile')
    await page.getByTestId('join-submit').click()
    await expect(page.getByTestId('list-page')).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`/w/${workshop.id}/liste$`))
    expect(scripts.filter((s) => s.includes('BoardPage'))).toEqual([])

    await page.getByTestId('view-canvas').click()
    await expect(page).toHaveURL(new RegExp(`/w/${workshop.id}$`))
    await page.waitForFunction(() => Boolean(window.__atelier?.editor))
    // Remembered on this device: the canvas again after a reload…
    await page.reload()
    await page.waitForFunction(() => Boolean(window.__atelier?.editor))
    await expect(page.getByTestId('list-page')).toHaveCount(0)
    // …until « Vue liste » on the canvas.
    await page.getByTestId('view-list').click()
    await expect(page.getByTestId('list-page')).toBeVisible()
    await page.goto(`${atelier.server.url}/w/${workshop.id}`)
    await expect(page.getByTestId('list-page')).toBeVisible()
    await expect(page).toHaveURL(/\/liste$/)
  } finally {
    await context.close()
  }
})

test('private writing from the list: the note stays the author’s (and the facilitator’s) until revealed', async ({
  browser,
}) => {
  const { workshop } = await seeded('enjeux')
  const fanny = await atelier.actor(browser, 'Fanny Animatrice')
  await joinList(fanny, workshop.links.facilitator)
  const { alice, bruno } = await listAndCanvas(browser, workshop)
  const A = alice.page
  await fanny.page.getByTestId('private-writing-toggle').click()
  await expect(A.getByTestId('list-add-private')).toBeVisible()

  await addNote(A, 'Idée encore secrète', RESEAU.name)
  const mine = listNote(enjeuSection(A, RESEAU.id), 'Idée encore secrète')
  await expect(mine).toContainText('Privée')
  await expect(mine).toContainText('Votre note')
  // The facilitator reads it, marked private; the other participant's canvas does not have it.
  await expect(listNote(fanny.page, 'Idée encore secrète')).toContainText('Privée')
  await expect(fanny.page.getByTestId('private-writing-count')).toContainText('1 note privée')
  expect(await canvasNote(bruno, 'Idée encore secrète')).toBeNull()
  // Still Alice's to edit while private.
  await mine.getByTestId('list-note-actions').click()
  await mine.getByTestId('list-note-edit').click()
  await mine.getByTestId('list-note-edit-text').fill('Idée révélée bientôt')
  await mine.getByTestId('list-note-save').click()
  await expect(listNote(fanny.page, 'Idée révélée bientôt')).toBeVisible()

  await fanny.page.getByTestId('private-writing-reveal').click()
  await expect
    .poll(() => canvasNote(bruno, 'Idée révélée bientôt'))
    .toMatchObject({ parentId: RESEAU.id, inside: true })
  await expect(listNote(A, 'Idée révélée bientôt')).not.toContainText('Privée')
  await expect(listNote(fanny.page, 'Idée révélée bientôt')).toHaveCount(1)
})

test('an observer reads the list, with nothing to write', async ({ browser }) => {
  const { workshop, facilitator } = await seeded('enjeux', () => [noteRecord('seed', 'Une note', 0, 0, 'aZ')])
  const olga = await atelier.actor(browser, 'Olga Observe')
  await joinList(olga, workshop.links.observer)
  const O = olga.page
  await expect(O.getByText('Vous suivez l’atelier en lecture seule.')).toBeVisible()
  await expect(listNote(O, 'Une note')).toBeVisible()
  await expect(O.getByTestId('list-add-text')).toHaveCount(0)
  await expect(O.getByTestId('list-note-actions')).toHaveCount(0)
  await expect(O.getByTestId('list-chantier-new')).toHaveCount(0)
  await openVote(atelier.server.url, workshop.id, facilitator.token, { hideResults: false })
  await expect(O.getByTestId('list-vote-participation')).toHaveText('0 votant sur 1')
  await expect(O.getByRole('button', { name: /^Voter pour/ })).toHaveCount(0)
  await expect(O.getByTestId('list-ranking-item')).toHaveCount(2)
})

test('a note whose author stamp the server refuses (4409) never leaves the canvas stuck', async ({ browser }) => {
  const { workshop } = await seeded('enjeux')
  const { alice, bruno } = await listAndCanvas(browser, workshop)
  await drawNote(bruno, 'Note de Bruno')
  await expect(listNote(alice.page, 'Note de Bruno')).toBeVisible()
  const closes: number[] = []
  await bruno.page.exposeFunction('recordClose', (code: number) => closes.push(code))
  // Straight into the document, a copy of his note signed by someone else (what no screen of ours writes).
  await bruno.page.evaluate(() => {
    const { editor, doc, provider } = window.__atelier!
    provider.on('connection-close', (e: CloseEvent | null) => {
      if (e) (window as unknown as { recordClose(code: number): void }).recordClose(e.code)
    })
    const note = editor.getCurrentPageShapes().find((s) => s.type === 'note')!
    const forged = { ...note, id: 'shape:forged', meta: { atelier: { author: 'someone-else' } } }
    doc.getArray('records').push([{ key: forged.id, val: forged }])
  })
  await expect.poll(() => closes).toContain(4409)
  // A fresh document from the server's state: connected again, the forged note gone, the canvas writable.
  await expect(bruno.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await expect
    .poll(() => bruno.page.evaluate(() => Boolean(window.__atelier?.editor.getShape('shape:forged' as never))))
    .toBe(false)
  await expect(bruno.page.getByTestId('fatal-notice')).toHaveCount(0)
  await drawNote(bruno, 'Après la reconstruction')
  await expect(listNote(alice.page, 'Après la reconstruction')).toBeVisible()
  await expect(listNote(alice.page, 'Note de Bruno')).toHaveCount(1)
})
