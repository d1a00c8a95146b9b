/**
 * Browser actors for the board tests: one isolated browser context per person
 * (own cookies), each recording every request it makes so tests can check
 * that nothing leaves our origin.
 */
import { type Browser, expect, type Page, test } from '@playwright/test'
import type { CollegeId } from '../../shared/colleges'
import { type ServerProcess, type StartOptions, startServerProcess } from '../support/serverProcess'

export interface Actor {
  name: string
  page: Page
  /** Every URL requested (HTTP and WebSocket). */
  requests: string[]
  close(): Promise<void>
}

export async function openActor(browser: Browser, name: string): Promise<Actor> {
  const context = await browser.newContext({ locale: 'fr-FR' })
  const page = await context.newPage()
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('websocket', (ws) => requests.push(ws.url()))
  return { name, page, requests, close: () => context.close() }
}

/** Opens a capability link, fills the join form and waits until the board is connected. */
export async function joinBoard(actor: Actor, link: string, college?: CollegeId): Promise<void> {
  const { page } = actor
  await page.goto(link)
  await page.getByTestId('join-name').fill(actor.name)
  if (college) await page.getByTestId('join-college').selectOption(college)
  await page.getByTestId('join-submit').click()
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await page.waitForFunction(() => Boolean(window.__atelier?.editor))
}

/** Texts of the notes on the current page, as this actor's editor sees them. */
export function noteTexts(actor: Actor): Promise<string[]> {
  return actor.page.evaluate(() =>
    window
      .__atelier!.editor.getCurrentPageShapes()
      .filter((s) => s.type === 'note')
      .map((s) => JSON.stringify((s.props as { richText?: unknown }).richText ?? '')),
  )
}

export function foreignRequests(actor: Actor, origin: string): string[] {
  const host = new URL(origin).host
  return actor.requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false
    return new URL(url).host !== host
  })
}

/**
 * Per test file: one Atelier server on loopback, and the actors each test opens,
 * closed after it. `server` is reassigned when a test restarts the server.
 */
export function atelierPerFile(options: StartOptions = {}) {
  let server: ServerProcess | null = null
  const actors: Actor[] = []
  test.beforeAll(async () => {
    server = await startServerProcess(options)
  })
  test.afterEach(async () => {
    for (const actor of actors.splice(0)) await actor.close()
  })
  test.afterAll(async () => {
    await server?.stop()
  })
  return {
    get server(): ServerProcess {
      if (!server) throw new Error('server not started')
      return server
    },
    set server(s: ServerProcess) {
      server = s
    },
    async actor(browser: Browser, name: string): Promise<Actor> {
      const a = await openActor(browser, name)
      actors.push(a)
      return a
    },
  }
}
