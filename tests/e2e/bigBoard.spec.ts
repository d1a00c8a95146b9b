/**
 * A plenary's board in Chromium (issue 7 item 3): 1,000 sticky notes in 20
 * frames, 30 other participants moving their cursors 10 times a second, and
 * someone panning across it with the hand tool for 10 s.
 *
 * Figures, not pass/fail (generous guards only):
 *   - frame times while panning: requestAnimationFrame deltas (p50, p95, p99,
 *     longest, frames over 50 ms) and the long tasks seen meanwhile;
 *   - time to first interactive canvas, from navigation (the session already
 *     held, as on a reload): the first note drawn on screen, then the editor
 *     accepting input — a click on that note selects it.
 * The board is seeded through the real server by y-websocket clients from this
 * process; the 30 cursors are 30 more, publishing tldraw presence records as
 * our page does (client/board/presenceSync.ts).
 */

import { expect, type Page, test } from '@playwright/test'
import { InstancePresenceRecordType, type TLRecord } from '@tldraw/tlschema'
import WebSocket from 'ws'
import { openSyncDoc } from '../../client/sync/boardConnection'
import type { CreateWorkshopResponse } from '../../shared/api'
import { boardDocName } from '../../shared/boardDoc'
import { createWorkshop, join } from '../support/api'
import { writeBoard } from '../support/boardClient'
import { frameRecord, noteRecord, PAGE_ID } from '../support/records'
import { atelierPerFile, joinBoard } from './actors'

const atelier = atelierPerFile()

const FRAMES = 20
const NOTES_PER_FRAME = 50
const COLUMNS = 5
const NOTE_PITCH = 220
const FRAME = { w: 10 * NOTE_PITCH + 40, h: 5 * NOTE_PITCH + 40 }
const FRAME_PITCH = { x: FRAME.w + 200, y: FRAME.h + 200 }
const BOARD = { w: COLUMNS * FRAME_PITCH.x, h: (FRAMES / COLUMNS) * FRAME_PITCH.y }
const CURSORS = 30
const CURSOR_HZ = 10
const PAN_MS = 10_000
/** About five frames (250 notes) on a 1280 × 800 screen. */
const PAN_ZOOM = 0.25

/** 20 frames (enjeux) in 5 columns, each holding 50 notes. */
function bigBoardRecords(): TLRecord[] {
  const records: TLRecord[] = []
  for (let f = 0; f < FRAMES; f++) {
    const frameId = `frame${f}`
    const x = (f % COLUMNS) * FRAME_PITCH.x
    const y = Math.floor(f / COLUMNS) * FRAME_PITCH.y
    records.push({
      ...frameRecord(frameId, `Enjeu ${f + 1}`, x, y, `a${f}`),
      props: { ...FRAME, name: `Enjeu ${f + 1}`, color: 'black' },
    } as TLRecord)
    for (let n = 0; n < NOTES_PER_FRAME; n++) {
      const text = `Idée ${f * NOTES_PER_FRAME + n + 1} : accompagner les habitants de la commune ${n + 1}`
      const note = noteRecord(
        `f${f}n${n}`,
        text,
        20 + (n % 10) * NOTE_PITCH,
        20 + Math.floor(n / 10) * NOTE_PITCH,
        `a${n}`,
      )
      records.push({ ...note, parentId: `shape:${frameId}` } as TLRecord)
    }
  }
  return records
}

/**
 * 30 participants whose cursors wander over the board at 10 Hz, as tldraw presence in awareness,
 * each on the connection our page opens (client/sync/boardConnection.ts): a stock provider would
 * echo the 290 updates a second it hears from the others and be closed for its rate (4429).
 */
async function movingCursors(workshop: CreateWorkshopResponse) {
  const { url } = atelier.server
  const baseUrl = `${url.replace(/^http/, 'ws')}/sync`
  const cursors = await Promise.all(
    Array.from({ length: CURSORS }, async (_, i) => {
      const name = `Curseur ${i + 1}`
      const { token, participantId } = await join(url, workshop, 'participant', name)
      const connection = openSyncDoc(boardDocName(workshop.id), {
        presence: true,
        transport: {
          baseUrl,
          params: { token },
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        },
      })
      return { connection, user: { id: participantId, name, color: `hsl(${(i * 37) % 360} 70% 45%)` } }
    }),
  )
  let tick = 0
  const move = () => {
    tick++
    cursors.forEach(({ connection, user }, i) => {
      const angle = tick / 10 + i
      const presence = InstancePresenceRecordType.create({
        id: InstancePresenceRecordType.createId(String(connection.doc.clientID)),
        userId: user.id,
        userName: user.name,
        color: user.color,
        currentPageId: PAGE_ID as never,
        lastActivityTimestamp: Date.now(),
        cursor: {
          x: ((i + 0.5) / CURSORS) * BOARD.w + Math.cos(angle) * 800,
          y: BOARD.h / 2 + Math.sin(angle * 1.3) * (BOARD.h / 2.5),
          type: 'default',
          rotation: 0,
        },
      })
      connection.provider.awareness.setLocalState({ user, presence })
    })
  }
  move()
  const timer = setInterval(move, 1000 / CURSOR_HZ)
  return {
    stop() {
      clearInterval(timer)
      for (const { connection } of cursors) connection.destroy()
    },
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

/** Drags the canvas with the hand tool for `ms`: strokes across the screen, rightwards then back. */
async function panFor(page: Page, ms: number): Promise<number> {
  await page.keyboard.press('h')
  const y = 420
  const start = Date.now()
  let strokes = 0
  while (Date.now() - start < ms) {
    // Dragging leftwards moves the view rightwards over the board; two strokes each way keep the
    // view over it (a stroke is 920 px, 3,700 page units at zoom 0.25, of the board's 13,200).
    const leftwards = Math.floor(strokes / 2) % 2 === 0
    const [from, to] = leftwards ? [1100, 180] : [180, 1100]
    await page.mouse.move(from, y)
    await page.mouse.down()
    const strokeStart = Date.now()
    for (let t = 0; t < 1; t = (Date.now() - strokeStart) / 900) {
      await page.mouse.move(from + (to - from) * t, y + Math.sin(t * Math.PI) * 120)
      if (Date.now() - start >= ms) break
    }
    await page.mouse.up()
    strokes++
  }
  return strokes
}

test('1,000 notes, 20 frames and 30 moving cursors: frame times while panning, time to an interactive canvas', async ({
  browser,
}) => {
  test.setTimeout(240_000)
  const { url, adminToken } = atelier.server
  const workshop = await createWorkshop(url, adminToken, 'Plénière départementale — 1 000 idées')
  const seeder = await join(url, workshop, 'facilitator', 'Préparation')
  const records = bigBoardRecords()
  const seedStart = Date.now()
  await writeBoard(url, workshop.id, seeder.token, records)
  console.log(`figure: big board seeded (${records.length} records) in ${Date.now() - seedStart} ms`)

  const cursors = await movingCursors(workshop)
  try {
    const actor = await atelier.actor(browser, 'Camille Martin')
    const { page } = actor
    await joinBoard(actor, workshop.links.participant)

    // ---- time to first interactive canvas: navigation with the session held (a reload)
    await page.addInitScript(() => {
      const w = window as unknown as { __firstNoteAt?: number; __loadTasks: number[][]; __click?: number[] }
      // Where the time goes: the main thread's long tasks, and how long our click waited for it.
      w.__loadTasks = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__loadTasks.push([e.startTime, e.duration])
      }).observe({ type: 'longtask', buffered: true })
      addEventListener('pointerdown', (e) => (w.__click ??= [e.timeStamp, performance.now()]), { capture: true })
      const look = () => {
        const note = document.querySelector('.tl-shape[data-shape-type="note"]')
        if (note && note.getBoundingClientRect().width > 0) w.__firstNoteAt = performance.now()
        else requestAnimationFrame(look)
      }
      requestAnimationFrame(look)
    })
    await page.goto(`${url}/w/${workshop.id}`)
    await page.waitForFunction(() => (window as unknown as { __firstNoteAt?: number }).__firstNoteAt, undefined, {
      timeout: 60_000,
    })
    const firstNote = page.locator('.tl-shape[data-shape-type="note"]').first()
    const box = (await firstNote.boundingBox())!
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    const interactiveAt = await page.waitForFunction(
      () => (window.__atelier?.editor.getSelectedShapeIds().length ?? 0) === 1 && performance.now(),
      undefined,
      { timeout: 30_000, polling: 'raf' },
    )
    const interactive = (await interactiveAt.jsonValue()) as number
    const { firstNoteAt, loadTasks, click } = await page.evaluate(() => {
      const w = window as unknown as { __firstNoteAt: number; __loadTasks: number[][]; __click: number[] }
      return { firstNoteAt: w.__firstNoteAt, loadTasks: w.__loadTasks as [number, number][], click: w.__click }
    })
    // Interactive: a note is drawn and the loading's long tasks are over, so input is handled at
    // once. (When the test's click lands depends on Playwright's round trips, not on the page.)
    const [clickSent, clickHandled] = click as [number, number]
    const loading = loadTasks.filter(([start]) => start < clickSent)
    const quietAt = Math.max(0, ...loading.map(([start, duration]) => start + duration))
    const shapes = await page.evaluate(() => window.__atelier!.editor.getCurrentPageShapeIds().size)
    console.log(
      `figure: time to first interactive canvas ${Math.max(firstNoteAt, quietAt).toFixed(0)} ms from navigation ` +
        `(first note drawn ${firstNoteAt.toFixed(0)} ms, loading's last long task over ${quietAt.toFixed(0)} ms; ` +
        `${shapes} shapes); a click then waited ${(clickHandled - clickSent).toFixed(0)} ms for the main thread ` +
        `and selected its note ${(interactive - clickSent).toFixed(0)} ms after it was sent`,
    )
    console.log(
      `figure: loading's long tasks [start, duration] ms: ${JSON.stringify(loading.map((t) => t.map(Math.round)))}`,
    )
    expect(shapes).toBe(records.length)
    await page.keyboard.press('Escape')

    // ---- panning at a zoom that shows about a quarter of the board, with the cursors moving
    await page.evaluate((z) => window.__atelier!.editor.setCamera({ x: 0, y: 200, z }), PAN_ZOOM)
    await expect
      .poll(() => page.evaluate(() => window.__atelier!.editor.store.query.records('instance_presence').get().length))
      .toBeGreaterThanOrEqual(CURSORS)
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __longTasks: number[]; __stop: boolean }
      w.__frames = []
      w.__longTasks = []
      w.__stop = false
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration)
      }).observe({ type: 'longtask' })
      let last = performance.now()
      const frame = (now: number) => {
        w.__frames.push(now - last)
        last = now
        if (!w.__stop) requestAnimationFrame(frame)
      }
      requestAnimationFrame(frame)
    })
    const cameraBefore = await page.evaluate(() => window.__atelier!.editor.getCamera())
    const strokes = await panFor(page, PAN_MS)
    const { frames, longTasks, onScreen, camera, cursorsSeen } = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __longTasks: number[]; __stop: boolean }
      w.__stop = true
      const editor = window.__atelier!.editor
      return {
        frames: w.__frames.slice(1),
        longTasks: w.__longTasks,
        onScreen: editor.getCurrentPageShapeIds().size - editor.getCulledShapes().size,
        camera: editor.getCamera(),
        cursorsSeen: editor.store.query.records('instance_presence').get().length,
      }
    })
    await page.screenshot({ path: test.info().outputPath('big-board-panned.png') })

    const sorted = [...frames].sort((a, b) => a - b)
    const total = frames.reduce((a, b) => a + b, 0)
    console.log(
      `figure: panning ${PAN_MS / 1000} s at zoom ${PAN_ZOOM} (${strokes} strokes, ${onScreen} shapes on screen at the end, ` +
        `${cursorsSeen} remote cursors): ${frames.length} frames, ${((frames.length * 1000) / total).toFixed(0)} fps; ` +
        `frame time p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, ` +
        `p99 ${percentile(sorted, 99).toFixed(1)} ms, longest ${sorted.at(-1)!.toFixed(0)} ms, ` +
        `${frames.filter((f) => f > 50).length} frames over 50 ms; ` +
        `${longTasks.length} long tasks (${longTasks.reduce((a, b) => a + b, 0).toFixed(0)} ms in all)`,
    )
    // The pan did move the view, across the board.
    expect(Math.abs(camera.x - cameraBefore.x)).toBeGreaterThan(1000)
    expect(cursorsSeen).toBeGreaterThanOrEqual(CURSORS)
    // Generous guard only: the figures above are the measure.
    expect(percentile(sorted, 95)).toBeLessThan(200)
  } finally {
    cursors.stop()
  }
})
