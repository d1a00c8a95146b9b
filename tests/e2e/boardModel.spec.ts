/**
 * One derivation (issue 4 §1): the board model the browser shows live is the
 * one the server snapshots. Participants build a board of the « enjeux »
 * template in the browser — notes, two enjeux (frames) holding some, a note
 * in the parking, one left to cluster, chantiers filled in through their
 * panel (ANCT fields included) and tied to enjeux — a vote is held and
 * closed; then the model on the facilitator's and on a participant's screen
 * (`window.__atelier.model()`, the Synthèse's) is compared with
 *   1. the server's snapshot of the same document (POST …/snapshots), and
 *   2. deriveBoardModel run here, in Node, on the records a stock y-websocket
 *      client reads and the results the control document publishes,
 * and the Synthèse's counts and lists with that model.
 */
import { expect, type Page, test } from '@playwright/test'
import type { TLRecord } from '@tldraw/tlschema'
import { boardCounts } from '../../client/board/synthesis/boardCounts'
import type { ControlState } from '../../shared/control'
import { type BoardModel, byRank, deriveBoardModel } from '../../shared/model/boardModel'
import { readAmount } from '../../shared/roadmap/readAmount'
import { readDate } from '../../shared/roadmap/readDate'
import type { Snapshot } from '../../shared/roadmap/snapshotSchema'
import { createWorkshop, join } from '../support/api'
import { connectBoard, eventually } from '../support/boardClient'
import { connectControl } from '../support/controlClient'
import { type Actor, atelierPerFile, joinBoard } from './actors'
import { addDotButton } from './voting'

const atelier = atelierPerFile()

type Point = { x: number; y: number }

/** Where a page point of this actor's canvas is on the screen. */
function screenPoint(page: Page, at: Point): Promise<Point> {
  return page.evaluate((p) => window.__atelier!.editor.pageToScreen(p).toJson(), at)
}

/** Writes a sticky note the way people do: N, a click at a page point, the text, Escape. */
async function writeNote(actor: Actor, text: string, at: Point): Promise<string> {
  const { page } = actor
  const before = await noteIds(page)
  await page.locator('.tl-canvas').click({ position: { x: 700, y: 120 } })
  await page.keyboard.press('n')
  const p = await screenPoint(page, at)
  await page.mouse.click(p.x, p.y)
  // The note's text editor takes the focus a moment after the click: type once it has it.
  await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.isContentEditable === true)
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  let created = ''
  await expect
    .poll(async () => {
      created = (await noteIds(page)).find((id) => !before.includes(id)) ?? ''
      return created
    })
    .not.toBe('')
  return created
}

function noteIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window
      .__atelier!.editor.getCurrentPageShapes()
      .filter((s) => s.type === 'note')
      .map((s) => s.id),
  )
}

interface ChantierDraft {
  titre: string
  porteur?: string
  echeance?: string
  partenaires?: string
  enjeux?: string[]
  /** A screenshot of the filled-in panel, under this name. */
  screenshot?: string
  anct?: Partial<
    Record<'contexte' | 'besoins' | 'budgetGlobal' | 'dateDeDebut' | 'coFinancements' | 'perimetreGeographique', string>
  >
}

/** The « Chantier » tool, a click at a page point, then the side panel — its ANCT section too. */
async function draftChantier(actor: Actor, at: Point, d: ChantierDraft): Promise<void> {
  const { page } = actor
  await page.getByTestId('chantier-tool').click()
  const p = await screenPoint(page, at)
  await page.mouse.click(p.x, p.y)
  const panel = page.getByTestId('chantier-panel')
  await expect(panel).toBeVisible()
  await panel.getByTestId('chantier-field-titre').fill(d.titre)
  if (d.porteur) await panel.getByTestId('chantier-field-porteur').fill(d.porteur)
  if (d.echeance) await panel.getByTestId('chantier-field-echeance').fill(d.echeance)
  if (d.partenaires) await panel.getByTestId('chantier-field-partenaires').fill(d.partenaires)
  for (const enjeu of d.enjeux ?? []) await panel.getByRole('checkbox', { name: enjeu }).check()
  if (d.anct) {
    const section = panel.getByTestId('chantier-anct')
    if ((await section.getAttribute('open')) === null) await panel.getByTestId('chantier-anct-toggle').click()
    for (const [field, value] of Object.entries(d.anct)) {
      await section.getByTestId(`chantier-field-${field}`).fill(value)
    }
    await expect(panel.getByTestId('chantier-anct-count')).toHaveText(
      `${Object.keys(d.anct).length} champs remplis sur 6`,
    )
  }
  if (d.screenshot) await page.screenshot({ path: test.info().outputPath(d.screenshot) })
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
}

/** What both sides must agree on, in the snapshot's order (ranked, then reading order). */
function comparable(model: BoardModel) {
  return {
    enjeux: byRank(model.enjeux).map((e) => ({
      id: e.id,
      titre: e.titre,
      noteIds: e.noteIds,
      votes: e.votes?.votes ?? null,
      rang: e.votes?.rang ?? null,
    })),
    notes: byRank(model.notes).map((n) => ({ id: n.id, texte: n.texte, clusterId: n.enjeuId, parking: n.parking })),
    chantiers: byRank(model.chantiers).map((c) => ({
      id: c.id,
      nom: c.titre,
      description: c.description,
      contexte: c.contexte,
      besoins: c.besoins,
      budgetGlobal: readAmount(c.budgetGlobal),
      dateDeDebut: readDate(c.dateDeDebut, 'start'),
      dateDeFin: readDate(c.echeance, 'end'),
      echeance: c.echeance,
      porteurs: c.porteur ? [c.porteur] : [],
      partenaires: c.partenaires,
      coFinancements: c.coFinancements,
      perimetreGeographique: c.perimetreGeographique || null,
      enjeuIds: c.enjeuIds,
      noteIds: c.noteIds,
      votes: c.votes?.votes ?? null,
      rang: c.votes?.rang ?? null,
      parCollege: c.votes?.parCollege ?? {},
    })),
    voteSessionId: model.vote?.session.id ?? null,
  }
}

function comparableSnapshot(s: Snapshot): ReturnType<typeof comparable> {
  return {
    enjeux: s.enjeux.map((e) => ({ id: e.id, titre: e.titre, noteIds: e.noteIds, votes: e.votes, rang: e.rang })),
    notes: s.notes.map((n) => ({ id: n.id, texte: n.texte, clusterId: n.clusterId, parking: n.parking })),
    chantiers: s.chantiers.map((c) => ({
      id: c.id,
      nom: c.nom,
      description: c.description,
      contexte: c.contexte,
      besoins: c.besoins,
      budgetGlobal: c.budgetGlobal,
      dateDeDebut: c.dateDeDebut,
      dateDeFin: c.dateDeFin,
      echeance: c.echeance,
      porteurs: c.porteurs.map((o) => o.nom),
      partenaires: c.partenaires.map((o) => o.nom),
      coFinancements: c.coFinancements.map((o) => o.nom),
      perimetreGeographique: c.perimetreGeographique,
      enjeuIds: c.enjeuIds,
      noteIds: c.provenance.noteIds,
      votes: c.votes,
      rang: c.rang,
      parCollege: c.parCollege,
    })),
    voteSessionId: s.votes?.sessionId ?? null,
  }
}

function screenModel(page: Page): Promise<BoardModel> {
  return page.evaluate(() => window.__atelier!.model())
}

/** The Synthèse as a screen shows it: enjeux with their notes, the other lists, chantiers with rank. */
function synthesisLists(page: Page) {
  return page.getByTestId('synthesis-panel').evaluate((panel) => {
    const ids = (root: Element, testId: string) =>
      [...root.querySelectorAll(`[data-testid="${testId}"]`)].map((el) => el.getAttribute('data-id'))
    const section = (id: string) => panel.querySelector(`[data-testid="synthesis-section-${id}"]`)!
    return {
      enjeux: [...panel.querySelectorAll('[data-testid="synthesis-enjeu"]')].map((li) => ({
        id: li.getAttribute('data-id'),
        noteIds: ids(li, 'synthesis-note'),
      })),
      loose: ids(section('loose'), 'synthesis-note'),
      parked: ids(section('parking'), 'synthesis-note'),
      chantiers: [...panel.querySelectorAll('[data-testid="synthesis-chantier"]')].map((li) => ({
        id: li.getAttribute('data-id'),
        rank: li.getAttribute('data-rank'),
        votes: li.getAttribute('data-votes'),
        porteur: li.querySelector('[data-testid="synthesis-chantier-porteur"]')?.textContent,
        echeance: li.querySelector('[data-testid="synthesis-chantier-echeance"]')?.textContent,
        enjeux: li.querySelector('[data-testid="synthesis-chantier-enjeux"]')?.textContent,
      })),
    }
  })
}

test('the live board model on two screens, the server’s snapshot and a Node derivation agree', async ({ browser }) => {
  test.setTimeout(180_000)
  const { url, adminToken } = atelier.server
  const workshop = await createWorkshop(url, adminToken, 'Atelier enjeux — Thiérache', 'enjeux')
  const fanny = await atelier.actor(browser, 'Fanny Animatrice')
  const paul = await atelier.actor(browser, 'Paul Durand')
  const pia = await atelier.actor(browser, 'Pia Martin')
  await joinBoard(fanny, workshop.links.facilitator, 'departement')
  await joinBoard(paul, workshop.links.participant, 'associations')
  await joinBoard(pia, workshop.links.participant, 'france-services')
  const everyone = [fanny, paul, pia]
  const pageErrors: string[] = []
  for (const a of everyone) a.page.on('pageerror', (e) => pageErrors.push(`${a.name}: ${e.message}`))
  for (const a of everyone) await expect(a.page.getByTestId('synthesis-toggle')).toBeVisible()

  // Écriture: notes in the « constats » zone, one in the parking (page coordinates of the template).
  const notes = {
    fibre: await writeNote(paul, 'La fibre n’arrive pas dans les villages', { x: 150, y: 500 }),
    debit: await writeNote(paul, 'Débit internet trop faible', { x: 420, y: 500 }),
    reseau: await writeNote(paul, 'Réseau mobile instable, pas de 4G', { x: 690, y: 500 }),
    aidants: await writeNote(pia, 'Former les aidants numériques', { x: 150, y: 800 }),
    mediation: await writeNote(pia, 'Médiation numérique en mairie', { x: 420, y: 800 }),
    tiersLieu: await writeNote(pia, 'Un tiers-lieu à Guise', { x: 690, y: 800 }),
    cantine: await writeNote(paul, 'Le menu de la cantine', { x: 2240, y: 1000 }),
  }
  for (const a of everyone) await expect.poll(async () => (await noteIds(a.page)).length).toBe(7)

  // Regroupement: the facilitator draws two frames (enjeux) and files notes into them.
  await fanny.page.evaluate(
    ({ groups }) => {
      const editor = window.__atelier!.editor
      for (const [i, g] of groups.entries()) {
        const frameId = `shape:enjeu-${i}` as never
        const x = 1000 + i * 480
        editor.createShape({ id: frameId, type: 'frame', x, y: 360, props: { w: 440, h: 680, name: g.name } })
        g.notes.forEach((id, k) => {
          editor.updateShape({ id: id as never, type: 'note', x: x + 20, y: 380 + k * 215 })
          editor.reparentShapes([id as never], frameId)
        })
      }
    },
    {
      groups: [
        { name: 'Couverture réseau', notes: [notes.fibre, notes.debit, notes.reseau] },
        { name: 'Inclusion numérique', notes: [notes.aidants, notes.mediation] },
      ],
    },
  )

  // Chantiers, through the card's panel, ANCT section included.
  const fibre: ChantierDraft = {
    titre: 'Fibre dans les zones blanches',
    porteur: 'Région Hauts-de-France',
    echeance: 'fin 2027',
    partenaires: 'Orange\nSyndicat Aisne Numérique',
    enjeux: ['Couverture réseau'],
    anct: {
      budgetGlobal: '1,5 M€',
      dateDeDebut: '2026-01',
      coFinancements: 'FEDER\nBanque des Territoires',
      perimetreGeographique: 'Thiérache',
    },
  }
  const aidants: ChantierDraft = {
    titre: 'Former 40 aidants numériques',
    porteur: 'Conseil départemental',
    echeance: '2026-06',
    enjeux: ['Inclusion numérique', 'Couverture réseau'],
    anct: {
      contexte: 'Un tiers des habitants n’a jamais fait de démarche en ligne.',
      besoins: 'Deux formateurs, des tablettes.',
      budgetGlobal: '12 000 €',
      dateDeDebut: 'à définir',
      coFinancements: 'CAF',
      perimetreGeographique: 'Tout le département',
    },
  }
  const tiersLieux: ChantierDraft = { titre: 'Tiers-lieux itinérants' }
  aidants.screenshot = 'chantier-anct.png'
  await draftChantier(paul, { x: 100, y: 1080 }, fibre)
  await draftChantier(pia, { x: 500, y: 1080 }, aidants)
  await draftChantier(fanny, { x: 1100, y: 1180 }, tiersLieux)
  for (const a of everyone) {
    await expect
      .poll(async () => (await screenModel(a.page)).chantiers.map((c) => c.titre).sort())
      .toEqual([fibre.titre, aidants.titre, tiersLieux.titre])
  }

  // Vote on the chantiers: 2 points each, at most 2 on one.
  await fanny.page.getByTestId('vote-open').click()
  const dialog = fanny.page.getByRole('dialog', { name: 'Lancer un vote' })
  await dialog.getByLabel('Les chantiers').check()
  await dialog.getByLabel('Points par personne').fill('2')
  await dialog.getByLabel('Points au plus sur un même élément').fill('2')
  await dialog.getByTestId('vote-dialog-hideResults').check()
  await dialog.getByTestId('vote-dialog-submit').click()
  for (const a of everyone) {
    await expect(a.page.getByTestId('phase-vote')).toHaveAttribute('aria-current', 'step')
    await a.page.evaluate(() => {
      window.__atelier!.editor.zoomToFit()
    })
  }
  const place = async (a: Actor, titre: string, remaining: string) => {
    await addDotButton(a.page, titre).click()
    await expect(a.page.getByTestId('vote-remaining')).toHaveAttribute('data-remaining', remaining)
  }
  await place(paul, fibre.titre, '1')
  await place(paul, aidants.titre, '0')
  await place(pia, aidants.titre, '1')
  await place(pia, aidants.titre, '0')
  await place(fanny, fibre.titre, '1')
  // Hidden results: no screen's model has votes before the close.
  for (const a of everyone) expect((await screenModel(a.page)).vote).toBeNull()
  await fanny.page.getByTestId('vote-close').click()
  for (const a of everyone) await expect(a.page.getByTestId('results-panel')).toBeVisible()

  // 2. The records a stock y-websocket client reads, and the control document's results, derived in Node.
  const reader = await join(url, workshop, 'observer', 'Lecteur')
  const board = connectBoard(url, workshop.id, { token: reader.token })
  const control = connectControl(url, workshop.id, reader.token)
  try {
    await board.synced()
    await control.synced()
    await eventually(() => (control.get('results') as unknown) != null, 10_000, 'results published')
    const state = control.doc.getMap('control').toJSON() as ControlState
    const records = () => [...board.records.map.values()].map((e) => e.val as TLRecord)
    const nodeModel = () => deriveBoardModel(records(), { session: state.vote!, results: state.results! })

    // The board as built, read by the server's code path.
    const expected = nodeModel()
    expect(expected.enjeux.map((e) => [e.titre, e.noteIds])).toEqual([
      ['Couverture réseau', [notes.fibre, notes.debit, notes.reseau]],
      ['Inclusion numérique', [notes.aidants, notes.mediation]],
    ])
    expect(expected.notes.filter((n) => n.parking).map((n) => n.id)).toEqual([notes.cantine])
    expect(expected.notes.filter((n) => !n.parking && !n.enjeuId).map((n) => n.id)).toEqual([notes.tiersLieu])
    expect(byRank(expected.chantiers).map((c) => [c.titre, c.votes?.votes, c.votes?.rang, c.enjeuIds.length])).toEqual([
      [aidants.titre, 3, 1, 2],
      [fibre.titre, 2, 2, 1],
      [tiersLieux.titre, 0, 3, 0],
    ])
    const filled = expected.chantiers.find((c) => c.titre === aidants.titre)!
    expect([filled.contexte, filled.besoins, filled.budgetGlobal, filled.coFinancements]).toEqual([
      aidants.anct!.contexte,
      aidants.anct!.besoins,
      '12 000 €',
      ['CAF'],
    ])

    // The facilitator's and a participant's live model: the very same.
    for (const a of [fanny, paul]) await expect.poll(() => screenModel(a.page)).toEqual(nodeModel())

    // 1. The server's snapshot of the same document.
    const snapshot = await fanny.page.evaluate(async (id) => {
      const res = await fetch(`/api/workshops/${id}/snapshots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
      return { status: res.status, body: (await res.json()) as Snapshot }
    }, workshop.id)
    expect(snapshot.status).toBe(201)
    const server = comparableSnapshot(snapshot.body)
    expect(server.chantiers.map((c) => c.budgetGlobal)).toEqual([12_000, 1_500_000, null])
    for (const a of [fanny, paul]) expect(comparable(await screenModel(a.page))).toEqual(server)

    // The Synthèse: counts in the bar and lists in the panel, as the model has them.
    const counts = boardCounts(expected)
    expect(counts).toEqual({ enjeux: 2, notes: 7, loose: 1, parked: 1, chantiers: 3 })
    for (const a of everyone) {
      const toggle = a.page.getByTestId('synthesis-toggle')
      await expect(a.page.getByTestId('synthesis-counts')).toHaveText(
        '2 enjeux · 7 notes dont 1 à classer · 1 au parking · 3 chantiers',
      )
      for (const [key, value] of Object.entries(counts)) await expect(toggle).toHaveAttribute(`data-${key}`, `${value}`)
    }
    // Opening it takes the results panel's place.
    await paul.page.getByTestId('synthesis-toggle').click()
    await expect(paul.page.getByTestId('synthesis-panel')).toBeVisible()
    await expect(paul.page.getByTestId('results-panel')).toHaveCount(0)
    await expect(paul.page.getByTestId('synthesis-toggle')).toHaveAttribute('aria-expanded', 'true')
    const titles = new Map(expected.enjeux.map((e) => [e.id, e.titre]))
    expect(await synthesisLists(paul.page)).toEqual({
      enjeux: byRank(expected.enjeux).map((e) => ({ id: e.id, noteIds: e.noteIds })),
      loose: [notes.tiersLieu],
      parked: [notes.cantine],
      chantiers: byRank(expected.chantiers).map((c) => ({
        id: c.id,
        rank: `${c.votes!.rang}`,
        votes: `${c.votes!.votes}`,
        porteur: c.porteur || 'non renseigné',
        echeance: c.echeance || 'non renseigné',
        enjeux: c.enjeuIds.map((id) => titles.get(id)).join(', ') || 'non renseigné',
      })),
    })
    await expect(paul.page.getByTestId('synthesis-panel').getByTestId('synthesis-rank').first()).toHaveText(
      '1er · 3 pts',
    )

    // Clicking an item shows it on the canvas, clear of the panel, and selects it.
    await paul.page
      .getByTestId('synthesis-panel')
      .locator(`[data-testid="synthesis-focus"][data-target="${notes.cantine}"]`)
      .click()
    await expect
      .poll(() => paul.page.evaluate(() => window.__atelier!.editor.getSelectedShapeIds()))
      .toEqual([notes.cantine])
    const panelRight = await paul.page.getByTestId('synthesis-panel').evaluate((el) => el.getBoundingClientRect().right)
    await expect
      .poll(async () => {
        const r = await paul.page.evaluate((id) => {
          const editor = window.__atelier!.editor
          const b = editor.getShapePageBounds(id as never)!
          const tl = editor.pageToScreen({ x: b.x, y: b.y })
          const br = editor.pageToScreen({ x: b.maxX, y: b.maxY })
          return { left: tl.x, right: br.x, zoom: editor.getZoomLevel() }
        }, notes.cantine)
        return r.left > panelRight && r.right < 1280 && r.zoom === 1
      })
      .toBe(true)
    await paul.page.screenshot({ path: test.info().outputPath('synthesis-participant.png') })
    await paul.page.getByTestId('synthesis-section-chantiers').scrollIntoViewIfNeeded()
    await paul.page.screenshot({ path: test.info().outputPath('synthesis-chantiers.png') })

    // A change on one screen reaches the others' Synthèse: a loose note filed into an enjeu.
    await pia.page.evaluate((id) => {
      window.__atelier!.editor.reparentShapes([id as never], 'shape:enjeu-1' as never)
    }, notes.tiersLieu)
    for (const a of everyone) {
      await expect(a.page.getByTestId('synthesis-counts')).toHaveText(
        '2 enjeux · 7 notes dont 0 à classer · 1 au parking · 3 chantiers',
      )
    }
    await expect.poll(async () => (await synthesisLists(paul.page)).loose).toEqual([])
    for (const a of [fanny, paul]) await expect.poll(() => screenModel(a.page)).toEqual(nodeModel())

    // The results take their place back; the Synthèse closes from the keyboard and gives the focus back.
    await paul.page.getByTestId('results-toggle').click()
    await expect(paul.page.getByTestId('results-panel')).toBeVisible()
    await expect(paul.page.getByTestId('synthesis-panel')).toHaveCount(0)
    await paul.page.getByTestId('synthesis-toggle').click()
    await paul.page.getByTestId('synthesis-panel').getByTestId('synthesis-focus').first().focus()
    await paul.page.keyboard.press('Escape')
    await expect(paul.page.getByTestId('synthesis-panel')).toHaveCount(0)
    await expect(paul.page.getByTestId('synthesis-toggle')).toBeFocused()
    expect(pageErrors).toEqual([])
  } finally {
    board.destroy()
    control.destroy()
  }
})
