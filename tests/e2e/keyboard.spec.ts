/**
 * The keyboard alone (WCAG 2.1.1, 2.4.3, 2.4.7) on the pages outside the
 * board: an admin creates a démarche and a workshop on the home page, and a
 * participant joins it, with Tab, Shift+Tab, Enter, Space, the arrows and
 * typing — no click. On the home, join, roadmap and déclaration pages, Tab
 * reaches every control, in reading order, each with a visible focus (an
 * outline or a ring of at least 2 px and 3:1 against what is behind it), and
 * Shift+Tab walks the same stops back.
 */
import { expect, type Page, test } from '@playwright/test'
import { call } from '../support/controlClient'
import { FIBRE, seedDemarche } from './accessibilitySeed'
import { atelierPerFile } from './actors'

const atelier = atelierPerFile()

interface Stop {
  /** data-testid, else id, else tag and text. */
  name: string
  top: number
  bottom: number
  /** Why the focus is not visible, or null when it is. */
  invisible: string | null
}

/** Where the focus is, and whether one sees it: computed outline or box-shadow, its width and contrast. */
function focused(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return null
    const rgb = (css: string): [number, number, number, number] | null => {
      const m = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/.exec(css)
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null
    }
    const luminance = ([r, g, b]: number[]) => {
      const c = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)
      return 0.2126 * c(r ?? 0) + 0.7152 * c(g ?? 0) + 0.0722 * c(b ?? 0)
    }
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
      return (hi + 0.05) / (lo + 0.05)
    }
    // What the ring is drawn on: the nearest opaque background around the element.
    let behind: number[] = [255, 255, 255]
    for (let up = el.parentElement; up; up = up.parentElement) {
      const c = rgb(getComputedStyle(up).backgroundColor)
      if (c && c[3] === 1) {
        behind = c
        break
      }
    }
    const style = getComputedStyle(el)
    let invisible: string | null = null
    if (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) {
      const colour = rgb(style.outlineColor)
      if (Number.parseFloat(style.outlineWidth) < 2) invisible = `outline ${style.outlineWidth} thin`
      else if (!colour || ratio(colour, behind) < 3)
        invisible = `outline ${style.outlineColor} on rgb(${behind.join(', ')}) under 3:1`
    } else if (style.boxShadow === 'none') invisible = 'no outline, no box-shadow'
    const id = el.getAttribute('data-testid') ?? el.id
    const box = el.getBoundingClientRect()
    return {
      name: id || `${el.tagName.toLowerCase()} “${el.textContent?.trim().slice(0, 40)}”`,
      top: box.top + window.scrollY,
      bottom: box.bottom + window.scrollY,
      invisible,
    }
  })
}

/** Every control a keyboard should reach, named as `focused` names them: visible, enabled, in the tab order. */
function controls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
      .filter((el) => {
        const box = el.getBoundingClientRect()
        return (
          box.width > 0 &&
          box.height > 0 &&
          !(el as HTMLButtonElement).disabled &&
          (el as HTMLElement).tabIndex >= 0 &&
          !el.closest('[inert]')
        )
      })
      .map(
        (el) =>
          el.getAttribute('data-testid') ||
          el.id ||
          `${el.tagName.toLowerCase()} “${el.textContent?.trim().slice(0, 40)}”`,
      ),
  )
}

/**
 * Tabs from the top of the page to its end, then Shift+Tabs back: every
 * control reached once, in reading order (no stop starts above the previous
 * one's line), each with a visible focus, and the same stops backwards.
 */
async function walk(page: Page, what: string): Promise<string[]> {
  // From the top: on the page's first control, Shift+Tab leaves the page, and Tab comes back in at its start.
  await page.locator('a[href], button, input, select').first().focus()
  await page.keyboard.press('Shift+Tab')
  const stops: Stop[] = []
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab')
    const stop = await focused(page)
    // Coming back into the page may take a press on the way (the browser's own stop).
    if (!stop && stops.length === 0 && i < 2) continue
    if (!stop || stop.name === stops[0]?.name) break
    stops.push(stop)
  }
  const names = stops.map((s) => s.name)
  console.log(`figure: keyboard ${what}: ${stops.length} tab stops`)
  expect(
    stops.filter((s) => s.invisible).map((s) => `${s.name}: ${s.invisible}`),
    `${what}: focus visible`,
  ).toEqual([])
  expect([...names].sort(), `${what}: every control reached`).toEqual((await controls(page)).sort())
  const backwards = stops.slice(1).filter((s, i) => s.bottom <= (stops[i] as Stop).top)
  expect(
    backwards.map((s) => s.name),
    `${what}: reading order`,
  ).toEqual([])

  // Back from the last stop with Shift+Tab.
  await page.keyboard.press('Shift+Tab')
  const back: string[] = []
  for (let i = 0; i < stops.length; i++) {
    back.push((await focused(page))?.name ?? 'nothing')
    await page.keyboard.press('Shift+Tab')
  }
  expect(back, `${what}: Shift+Tab`).toEqual([...names].reverse())
  return names
}

/** Tabs until the focus is on `testId`, failing if it takes more than `most` presses. */
async function tabTo(page: Page, testId: string, most = 3, key = 'Tab'): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press(key)
    const stop = await focused(page)
    if (stop?.name === testId) {
      expect(stop.invisible, `${testId}: focus visible`).toBeNull()
      return
    }
  }
  throw new Error(`${testId} not reached in ${most} ${key}`)
}

test('home page by keyboard alone: a new démarche, then a chantiers workshop in it, its links copied', async ({
  browser,
}) => {
  const { url, adminToken } = atelier.server
  const { page } = await atelier.actor(browser, 'Admin')
  await page.goto(url)
  await expect(page.getByTestId('home-create')).toBeVisible()
  expect(await walk(page, 'home')).toEqual([
    'language-switch',
    'home-token',
    'home-title',
    'home-template',
    'home-process',
    'home-retention',
    'home-create',
    'footer-accessibility',
  ])

  // From the top of the page again, as after loading it.
  await page.getByTestId('language-switch').focus()
  await tabTo(page, 'home-token', 1)
  await page.keyboard.type(adminToken)
  await tabTo(page, 'home-title')
  await page.keyboard.type('Atelier chantiers — Laon')
  await tabTo(page, 'home-template')
  // A closed <select> steps through its options with the arrows: enjeux → chantiers.
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('home-template')).toHaveValue('chantiers')
  await tabTo(page, 'home-process')
  await expect(page.getByTestId('home-process').locator('option')).toHaveCount(2)
  await page.keyboard.press('End')
  await expect(page.getByTestId('process-nom')).toBeVisible()
  // « Annuler » closes the fields and gives the focus back to the picker; End opens them again.
  await tabTo(page, 'process-cancel', 4)
  await page.keyboard.press('Space')
  await expect(page.getByTestId('process-nom')).toHaveCount(0)
  await expect(page.getByTestId('home-process')).toBeFocused()
  await page.keyboard.press('End')
  await tabTo(page, 'process-nom')
  await page.keyboard.type('Feuille de route — Aisne')
  await tabTo(page, 'process-code')
  await page.keyboard.type('02')
  // Enter in its fields creates the démarche, not the workshop around it.
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('process-created')).toContainText('Feuille de route — Aisne')
  // The fields are gone: the focus comes back to the démarche's picker, now on the new one.
  await expect(page.getByTestId('home-process')).toBeFocused()
  await expect(page.getByTestId('home-process').locator('option:checked')).toContainText('Feuille de route — Aisne')
  await tabTo(page, 'home-create')
  await page.keyboard.press('Space')
  await expect(page.getByTestId('link-facilitator')).toBeVisible()
  const created = await call(url, adminToken, 'GET', '/api/processes')
  expect(created.body.map((p: { workshops: { template: string; title: string }[] }) => p.workshops)).toEqual([
    [expect.objectContaining({ title: 'Atelier chantiers — Laon', template: 'chantiers' })],
  ])

  // On to the links: the facilitator's, then its copy button.
  await tabTo(page, 'link-facilitator', 3)
  await tabTo(page, 'copy-facilitator', 1)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('copy-facilitator')).toHaveText('Copié')
  // The new workshop is one of the démarche's now: a next chantiers workshop may start from it.
  await expect(page.getByTestId('home-start-from')).toBeVisible()
  await walk(page, 'home (links)')
})

test('join page by keyboard alone: name, organisation, collège with the arrows, then Space on « Rejoindre »', async ({
  browser,
}) => {
  const { url, adminToken } = atelier.server
  const created = await call(url, adminToken, 'POST', '/api/workshops', { title: 'Atelier de Laon', template: 'vide' })
  const { page } = await atelier.actor(browser, 'Alice Durand')
  await page.goto(created.body.links.participant)
  await expect(page.getByTestId('join-name')).toBeVisible()
  expect(await walk(page, 'join')).toEqual([
    'language-switch',
    'join-name',
    'join-organisation',
    'join-college',
    'join-submit',
    'footer-accessibility',
  ])

  // Enter with no name: the error, and the focus stays to type it.
  await page.getByTestId('language-switch').focus()
  await tabTo(page, 'join-name', 1)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('join-error')).toBeVisible()
  await expect(page.getByTestId('join-name')).toBeFocused()
  await page.keyboard.type('Alice Durand')
  await tabTo(page, 'join-organisation')
  await page.keyboard.type('Association Clic')
  await tabTo(page, 'join-college')
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('join-college')).toHaveValue('etat')
  await tabTo(page, 'join-submit')
  await page.keyboard.press('Space')
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  // Joined as typed (with this tab's new session cookie).
  const who = await page.request.get(`${url}/api/workshops/${created.body.id}/participants`)
  expect(await who.json()).toEqual([
    expect.objectContaining({ name: 'Alice Durand', organisation: 'Association Clic', college: 'etat' }),
  ])
})

test('roadmap page by keyboard alone: every control in order, a chantier’s details opened with Enter and closed with Escape, a comparison picked with the arrows', async ({
  browser,
}) => {
  const s = await seedDemarche(atelier.server, 'closed')
  const { page } = await atelier.actor(browser, 'Lecteur')
  await page.goto(s.reader)
  await expect(page.getByTestId('roadmap-bar')).toHaveCount(2)
  const stops = await walk(page, 'roadmap')
  expect(stops.slice(0, 3)).toEqual(['language-switch', 'roadmap-version-picker', 'roadmap-print'])

  // The first button named after the fibre chantier (the chart's), Enter: its details, the focus inside.
  await page.getByTestId('language-switch').focus()
  const opener = page.getByRole('button', { name: FIBRE.titre }).first()
  for (let i = 0; i < stops.length && !(await opener.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(opener).toBeFocused()
  await page.keyboard.press('Enter')
  const details = page.getByTestId('chantier-details')
  await expect(details).toBeVisible()
  await expect(details.getByTestId('chantier-details-close')).toBeFocused()
  // Tab stays in the modal dialog: close, « Voir sur le tableau », and round again.
  await tabTo(page, 'chantier-details-board', 1)
  await page.keyboard.press('Escape')
  await expect(details).toHaveCount(0)
  // Back where it was opened from.
  await expect(opener).toBeFocused()

  await page.getByTestId('roadmap-compare-picker').focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('roadmap-diff')).toContainText('De la version 1 à la version 2')
})

test('déclaration d’accessibilité by keyboard alone: every link in order, with a visible focus', async ({
  browser,
}) => {
  const { page } = await atelier.actor(browser, 'Lectrice')
  await page.goto(`${atelier.server.url}/accessibilite`)
  await expect(page.getByTestId('statement-contact')).not.toContainText('Chargement')
  const stops = await walk(page, 'déclaration')
  expect(stops[0]).toBe('language-switch')
  expect(stops.at(-1)).toBe('footer-accessibility')
})
