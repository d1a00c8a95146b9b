/**
 * One server per data directory: a second server started on a directory a live one
 * serves is refused with a clear error before it opens the database (two processes
 * would both append to the SQLite log and compact the same documents), and the first
 * keeps serving. A pid file left by a killed server does not block the next start.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createWorkshop, join } from '../support/api'
import { connectBoard, eventually } from '../support/boardClient'
import { noteRecord } from '../support/records'
import { startServerProcess, tempDataDir } from '../support/serverProcess'

test('a second server on a data directory in use is refused; the first keeps serving; a killed one does not block', async () => {
  const dataDir = tempDataDir()
  const first = await startServerProcess({ dataDir })
  try {
    const ws = await createWorkshop(first.url, first.adminToken, 'Un seul serveur')
    const paul = await join(first.url, ws, 'participant', 'Paul')
    const writer = connectBoard(first.url, ws.id, { token: paul.token })
    await writer.synced()
    writer.put(noteRecord('n1', 'Avant le second démarrage', 0))
    await new Promise((r) => setTimeout(r, 300))

    await assert.rejects(startServerProcess({ dataDir }), (error: Error) => {
      assert.match(error.message, /server exited with 1/)
      assert.match(error.message, new RegExp(`already served by another Atelier \\(pid ${first.child.pid}\\)`))
      return true
    })

    // The first server still takes writes and serves them.
    writer.put(noteRecord('n2', 'Après le refus', 230))
    const reader = connectBoard(first.url, ws.id, { token: paul.token })
    await reader.synced()
    await eventually(
      () => reader.get('shape:n1') !== undefined && reader.get('shape:n2') !== undefined,
      5000,
      'both notes',
    )
    writer.destroy()
    reader.destroy()
    await first.stop()

    // A server killed outright leaves its pid file behind: it names a dead process.
    const second = await startServerProcess({ dataDir })
    await second.kill()
    const third = await startServerProcess({ dataDir })
    try {
      const check = connectBoard(third.url, ws.id, { token: paul.token })
      await check.synced()
      await eventually(() => check.get('shape:n2') !== undefined, 5000, 'the notes after restarts')
      check.destroy()
    } finally {
      await third.stop()
    }
  } finally {
    await first.stop()
  }
})
