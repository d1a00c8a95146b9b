/**
 * The list view (`/w/<id>/liste`) as the browser tests open and read it: the
 * capability link turned into the list's address, the same join form, and
 * the page ready (board loaded, connected); a board to look at and the
 * workshop moved through its phases, for the axe and phone tests.
 */
import { expect, type Locator, type Page } from '@playwright/test'
import type { TLRecord } from '@tldraw/tlschema'
import type { CollegeId } from '../../shared/colleges'
import { call } from '../support/controlClient'
import { chantierRecord, frameRecord, noteRecord } from '../support/records'
import type { Actor } from './actors'

/** `…/w/<id>#k=…` → `…/w/<id>/liste#k=…`. */
export function listLink(link: string): string {
  const url = new URL(link)
  url.pathname = `${url.pathname.replace(/\/$/, '')}/liste`
  return url.toString()
}

/** Waits until the list shows the board (first sync done) over a live connection. */
export async function listReady(page: Page): Promise<void> {
  await expect(page.getByTestId('list-main')).toHaveAttribute('aria-busy', 'false')
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
}

/** Opens the list view from a capability link and joins with the actor's name. */
export async function joinList(actor: Actor, link: string, college?: CollegeId): Promise<void> {
  const { page } = actor
  await page.goto(listLink(link))
  await page.getByTestId('join-name').fill(actor.name)
  if (college) await page.getByTestId('join-college').selectOption(college)
  await page.getByTestId('join-submit').click()
  await listReady(page)
}

/** The section of an enjeu (its frame's id). */
export const enjeuSection = (page: Page, frameId: string): Locator =>
  page.locator(`[data-testid="list-enjeu"][data-id="${frameId}"]`)

/** A note of the list by its text. */
export const listNote = (scope: Page | Locator, text: string): Locator =>
  scope.getByTestId('list-note').filter({ hasText: text })

/** What the live region says now. */
export const liveText = (page: Page): Locator => page.getByTestId('list-live')

/** A board worth looking at in every phase: two enjeux with notes (one long, unbroken), loose notes, a chantier. */
export function listBoardRecords(): TLRecord[] {
  return [
    frameRecord('reseau', 'Couverture réseau et téléphonie mobile dans les hameaux', 3000, 0, 'aW'),
    frameRecord('aide', 'Accompagnement', 3000, 600, 'aX'),
    { ...noteRecord('n1', 'Pas de fibre à Vervins', 20, 20, 'a1'), parentId: 'shape:reseau' } as TLRecord,
    { ...noteRecord('n2', 'Ateliers en mairie le samedi', 20, 20, 'a1'), parentId: 'shape:aide' } as TLRecord,
    noteRecord('n3', `Un mot sans espace : ${'anticonstitutionnellement'.repeat(3)}`, 0, 0, 'aY'),
    noteRecord('n4', 'Bus rares', 240, 0, 'aZ'),
    chantierRecord(
      'fibre',
      {
        titre: 'Fibre dans les zones blanches',
        description: 'Raccorder les hameaux restants avant la fin du mandat.',
        porteur: 'Conseil départemental',
        partenaires: ['Région', 'Orange', 'Communauté de communes de la Thiérache du Centre'],
        echeance: '2027-06',
        enjeuIds: ['shape:reseau'],
      },
      4000,
      0,
      'aV',
    ),
  ]
}

/** A vote on the enjeux, opened by a facilitator (which moves the workshop to the vote phase); its session id. */
export async function openVote(
  base: string,
  workshopId: string,
  token: string,
  rules: { votesPerPerson?: number; maxPerItem?: number; hideResults?: boolean } = {},
): Promise<string> {
  const r = await call(base, token, 'POST', `/api/workshops/${workshopId}/vote-sessions`, {
    targets: 'enjeux',
    votesPerPerson: 3,
    maxPerItem: 2,
    hideResults: true,
    anonymous: false,
    ...rules,
  })
  expect(r.status).toBe(201)
  return r.body.id as string
}

export const LIST_PHASES = ['ecriture', 'regroupement', 'chantiers', 'vote', 'resultats'] as const
export type ListPhase = (typeof LIST_PHASES)[number]

/**
 * Moves the workshop to `phase` as a facilitator would: the vote phase opens
 * a vote on the enjeux (visible results), résultats closes it.
 */
export async function goToPhase(base: string, workshopId: string, token: string, phase: ListPhase): Promise<void> {
  const api = (method: string, path: string, body?: unknown) =>
    call(base, token, method, `/api/workshops/${workshopId}${path}`, body)
  if (phase === 'vote') {
    await openVote(base, workshopId, token, { hideResults: false })
    return
  }
  if (phase === 'resultats') {
    const state = await api('GET', '/state')
    const sid = state.body.vote?.id as string | undefined
    if (sid && state.body.vote.status === 'open')
      expect((await api('POST', `/vote-sessions/${sid}/close`)).status).toBe(200)
  }
  expect((await api('POST', '/phase', { phase })).status).toBe(200)
}
