/**
 * The exports in Chromium (issue 4 §4, §6): a workshop whose notes, enjeux,
 * chantier fields and organisations are XSS payloads (written with the stock
 * y-websocket client, voted on, snapshotted through the API) downloads as
 * HTML that runs nothing — opened from the server or from the saved file —
 * shows every payload as text, and prints as a clean A4 document.
 */
import fs from 'node:fs'
import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { dayOf } from '../../server/roadmap/exports/frenchFormat'
import type { Snapshot } from '../../shared/roadmap/snapshotSchema'
import { keyOf } from '../support/api'
import { CSV_CORPUS, csvSafe, XSS_CORPUS } from '../support/hostileTexts'
import { type HostileWorkshop, hostileWorkshop } from '../support/hostileWorkshop'
import { parseCsv } from '../support/parseCsv'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

let server: ServerProcess
let hostile: HostileWorkshop
let plain: HostileWorkshop
test.beforeAll(async () => {
  server = await startServerProcess({ env: { ATELIER_MAX_MESSAGES_PER_SECOND: '10000' } })
  hostile = await hostileWorkshop(server, [...XSS_CORPUS, ...CSV_CORPUS], XSS_CORPUS.slice(0, 8))
  // What a real workshop leaves, to look at the printed document.
  plain = await hostileWorkshop(
    server,
    [
      'Couverture en fibre des communes rurales',
      'Former 40 aidants numériques',
      'Tiers-lieux et médiation itinérante',
      'Accès aux démarches en ligne pour les seniors',
      'Équiper les France Services',
      'Cartographier l’offre de médiation',
    ],
    ['Conseil départemental de l’Aisne', 'Association « Clic & Toi »', 'Préfecture de l’Aisne', 'CC du Vermandois'],
    { demarche: 'Feuille de route France Numérique Ensemble — Aisne', workshop: 'Atelier chantiers du 12 mars' },
  )
})
test.afterAll(async () => {
  await server?.stop()
})

/** A browser of someone who joined the workshop as an observer (its session cookie, as the join page leaves it). */
async function observer(context: BrowserContext, w: HostileWorkshop): Promise<void> {
  const res = await context.request.post(`${server.url}/api/workshops/${w.workshop.id}/join`, {
    data: { key: keyOf(w.workshop.links.observer), name: 'Olivier' },
  })
  expect(res.status()).toBe(200)
}

/** Everything that would show an injected script or element had its way. */
async function tripwires(page: Page) {
  return page.evaluate(() => ({
    xss: (window as unknown as { __xss?: number }).__xss,
    scripts: document.scripts.length,
    onAttributes: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.tagName} ${a.name}`),
    ),
    injected: document.querySelectorAll(
      'img, svg, iframe, a, base, math, details, object, embed, b, form, input, video',
    ).length,
    refresh: document.querySelectorAll('meta[http-equiv="refresh" i]').length,
    styles: document.querySelectorAll('style').length,
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown (what people read) is what is checked
    text: document.body.innerText,
  }))
}

function watch(page: Page) {
  const dialogs: string[] = []
  const requests: string[] = []
  page.on('dialog', async (d) => {
    dialogs.push(d.message())
    await d.dismiss()
  })
  page.on('request', (r) => requests.push(r.url()))
  return { dialogs, requests }
}

async function expectNothingRan(page: Page, seen: ReturnType<typeof watch>, texts: readonly string[]) {
  const t = await tripwires(page)
  expect(seen.dialogs).toEqual([])
  expect(t.xss).toBe(0)
  expect(t.scripts).toBe(0)
  expect(t.onAttributes).toEqual([])
  expect(t.injected).toBe(0)
  expect(t.refresh).toBe(0)
  expect(t.styles).toBe(1)
  for (const text of texts) expect(t.text, `shown literally: ${text}`).toContain(text.trim())
  await expect(page.locator('h1')).toBeVisible()
  await expect(page.getByText('<script>alert(1)</script>').first()).toBeVisible()
}

test('escaping alone is enough: without its CSP the export still runs nothing — unescaped, the payloads would run', async ({
  context,
  page,
}) => {
  await observer(context, hostile)
  const html = await (
    await context.request.get(`${server.url}/api/snapshots/${hostile.snapshotId}/export?format=html`)
  ).text()
  const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
  expect(withoutCsp).not.toContain('Content-Security-Policy')
  const seen = watch(page)
  await page.addInitScript(() => {
    ;(window as unknown as { __xss: number }).__xss = 0
  })
  await page.goto('about:blank')
  await page.setContent(withoutCsp)
  await expectNothingRan(page, seen, XSS_CORPUS)

  // The control: the same page with its entities decoded trips every wire.
  const unescaped = withoutCsp.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] as string,
  )
  await page.setContent(unescaped).catch(() => {})
  await expect.poll(() => seen.dialogs.length).toBeGreaterThan(0)
  await expect.poll(() => page.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBe(1)
})

test('the HTML export opened in the browser runs nothing and shows every payload as text', async ({
  context,
  page,
}) => {
  await observer(context, hostile)
  const seen = watch(page)
  await page.addInitScript(() => {
    ;(window as unknown as { __xss: number }).__xss = 0
  })
  const url = `${server.url}/api/snapshots/${hostile.snapshotId}/export?format=html&disposition=inline`
  const res = await page.goto(url)
  expect(res?.status()).toBe(200)
  await expectNothingRan(page, seen, XSS_CORPUS)
  await expect(page).toHaveTitle('Atelier <img src=x onerror=alert(1)> « chantiers »')
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'Participation',
    'Chantiers par ordre de priorité',
    'Enjeux',
  ])
  expect(seen.requests).toEqual([url])
})

test('downloaded (an attachment), then opened from the disk: it still runs nothing', async ({ context, page }) => {
  await observer(context, hostile)
  const seen = watch(page)
  await page.addInitScript(() => {
    ;(window as unknown as { __xss: number }).__xss = 0
  })
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.goto(`${server.url}/api/workshops/${hostile.workshop.id}/export?format=html`).catch(() => null),
  ])
  expect(download.suggestedFilename()).toMatch(/chantiers.*-\d{4}-\d{2}-\d{2}\.html$/)
  const file = test.info().outputPath('export.html')
  await download.saveAs(file)
  await page.goto(`file://${file}`)
  await expectNothingRan(page, seen, XSS_CORPUS)
})

test("each format downloads under its name; the CSV reads back with only the « ' » on formulas", async ({
  context,
  page,
}) => {
  await observer(context, hostile)
  const snapshot = (await (
    await context.request.get(`${server.url}/api/snapshots/${hostile.snapshotId}`)
  ).json()) as Snapshot
  // The snapshot's day, in Paris time.
  const day = dayOf(snapshot.createdAt)
  const files: Record<string, Buffer> = {}
  for (const format of ['json', 'csv', 'md', 'html']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.goto(`${server.url}/api/snapshots/${hostile.snapshotId}/export?format=${format}`).catch(() => null),
    ])
    expect(download.suggestedFilename()).toMatch(new RegExp(`chantiers.*-${day}\\.${format}$`))
    files[format] = fs.readFileSync((await download.path()) as string)
  }
  expect(JSON.parse(files.json?.toString('utf8') ?? '').sha256).toBe(snapshot.sha256)
  const rows = parseCsv((files.csv as Buffer).toString('utf8').replace(/^\uFEFF/, ''))
  const description = (rows[0] as string[]).indexOf('Description')
  const written = rows.slice(1).map((r) => r[description])
  for (const text of [...XSS_CORPUS, ...CSV_CORPUS]) expect(written).toContain(csvSafe(text.trim()))
  expect((files.md as Buffer).toString('utf8')).not.toMatch(/(?<!\\)[<[]/)
})

test('printed: A4 pages, sections on their own pages, black on white', async ({ context, page }) => {
  await observer(context, plain)
  await page.goto(`${server.url}/api/workshops/${plain.workshop.id}/export?format=html&disposition=inline`)
  await page.screenshot({ path: test.info().outputPath('export-screen.png'), fullPage: true })
  await page.emulateMedia({ media: 'print' })
  await page.setViewportSize({ width: 794, height: 1123 })
  await page.screenshot({ path: test.info().outputPath('export-print.png'), fullPage: true })
  await page.screenshot({ path: test.info().outputPath('export-print-top.png') })
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)']).toContain(background)
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.page') as Element).breakBefore)).toBe(
    'page',
  )
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true })
  fs.writeFileSync(test.info().outputPath('export.pdf'), pdf)
  const text = pdf.toString('latin1')
  const pages = text.match(/\/Type\s*\/Page(?!s)/g) ?? []
  expect(pages.length).toBeGreaterThanOrEqual(3)
  // A4 is 595 × 842 points.
  for (const box of text.match(/\/MediaBox\s*\[[^\]]+\]/g) ?? []) {
    const [, , w, h] = (box.match(/[\d.]+/g) ?? []).map(Number)
    expect(Math.round(w as number)).toBe(595)
    expect(Math.round(h as number)).toBe(842)
  }
})
