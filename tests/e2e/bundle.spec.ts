/**
 * The bundle split (issue 7 item 3): the join page (`/w/<id>` before joining)
 * and the list view run no code of tldraw's editor; only the canvas loads it.
 * A script is recognised by what it holds, not by its file name: the editor
 * registers its version at load (`("@tldraw/editor","3.15.6",…)`, and the
 * same for `tldraw`), so moving it into a shared chunk under another name is
 * caught too. Figures: the script bytes each page fetched, compressed as
 * they travel, headers excluded. listPhone.spec.ts measures the list's whole
 * download and time on a throttled phone link.
 */
import { expect, type Page, test } from '@playwright/test'
import type { CreateWorkshopResponse } from '../../shared/api'
import { createWorkshop, join } from '../support/api'
import { writeBoard } from '../support/boardClient'
import { atelierPerFile } from './actors'
import { joinList, listBoardRecords } from './listView'

const atelier = atelierPerFile()

/** tldraw's editor packages announcing their version as they load. */
const EDITOR_SIGNATURE = /[`'"](?:tldraw|@tldraw\/editor)[`'"],\s*[`'"]\d+\.\d+\.\d+[`'"]/

interface Script {
  path: string
  bytes: number
  editor: boolean
}

/** Every script the page fetches from now on, with whether it holds tldraw's editor; `done` once all are read. */
function watchScripts(page: Page): { scripts: Script[]; done(): Promise<unknown> } {
  const scripts: Script[] = []
  const reading: Promise<void>[] = []
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return
    reading.push(
      Promise.all([response.text(), response.request().sizes()]).then(([body, sizes]) => {
        const path = new URL(response.url()).pathname
        scripts.push({ path, bytes: sizes.responseBodySize, editor: EDITOR_SIGNATURE.test(body) })
      }),
    )
  })
  return { scripts, done: () => Promise.all(reading) }
}

const kib = (scripts: Script[]) => (scripts.reduce((a, s) => a + s.bytes, 0) / 1024).toFixed(0)
const editorChunks = (scripts: Script[]) => scripts.filter((s) => s.editor).map((s) => s.path)

async function boardWorkshop(): Promise<CreateWorkshopResponse> {
  const { url, adminToken } = atelier.server
  const workshop = await createWorkshop(url, adminToken, 'Atelier enjeux — Laonnois', 'enjeux')
  const seeder = await join(url, workshop, 'facilitator', 'Préparation')
  await writeBoard(url, workshop.id, seeder.token, listBoardRecords())
  return workshop
}

test('the join page and the list view load none of tldraw’s editor; the canvas does', async ({ browser }) => {
  const workshop = await boardWorkshop()

  // A fresh browser each time (empty cache): what someone opening the link downloads.
  const joinCtx = await browser.newContext({ locale: 'fr-FR' })
  const joinPage = await joinCtx.newPage()
  const joinWatch = watchScripts(joinPage)
  await joinPage.goto(workshop.links.participant)
  await expect(joinPage.getByTestId('join-name')).toBeVisible()
  await joinPage.waitForLoadState('networkidle')
  await joinWatch.done()
  await joinCtx.close()

  const listCtx = await browser.newContext({ locale: 'fr-FR' })
  const listPage = await listCtx.newPage()
  const listWatch = watchScripts(listPage)
  await joinList(
    { name: 'Inès Liste', page: listPage, requests: [], close: async () => {} },
    workshop.links.participant,
  )
  await listPage.waitForLoadState('networkidle')
  await listWatch.done()
  await listCtx.close()

  const canvasCtx = await browser.newContext({ locale: 'fr-FR' })
  const canvasPage = await canvasCtx.newPage()
  const canvasWatch = watchScripts(canvasPage)
  await canvasPage.goto(workshop.links.participant)
  await canvasPage.getByTestId('join-name').fill('Hugo Canevas')
  await canvasPage.getByTestId('join-submit').click()
  await canvasPage.waitForFunction(() => Boolean(window.__atelier?.editor))
  await canvasWatch.done()
  await canvasCtx.close()

  const [joinScripts, listScripts, canvasScripts] = [joinWatch.scripts, listWatch.scripts, canvasWatch.scripts]
  for (const [name, scripts] of [
    ['join page', joinScripts],
    ['list view (join form, then the list)', listScripts],
    ['canvas (join form, then the board)', canvasScripts],
  ] as const) {
    console.log(
      `figure: ${name}: ${scripts.length} scripts, ${kib(scripts)} KiB` +
        (editorChunks(scripts).length ? ` (tldraw's editor: ${kib(scripts.filter((s) => s.editor))} KiB)` : ''),
    )
  }
  expect(editorChunks(joinScripts), 'join page').toEqual([])
  expect(editorChunks(listScripts), 'list view').toEqual([])
  // The signature is found where the editor is: the check above can fail.
  expect(editorChunks(canvasScripts).length, 'canvas').toBeGreaterThan(0)
})
