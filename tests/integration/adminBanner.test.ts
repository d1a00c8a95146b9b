/**
 * The admin token in clear is printed once, at the start that generates it: a
 * process manager that keeps stderr must not collect it again at every restart.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { type ServerProcess, startServerProcess } from '../support/serverProcess'

async function banner(server: ServerProcess): Promise<string> {
  const deadline = Date.now() + 5_000
  while (!server.stderr().includes('Atelier is running') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20))
  return server.stderr()
}

test('the generated admin token is printed at the first start only', async () => {
  const first = await startServerProcess({ env: { ATELIER_ADMIN_TOKEN: '' } })
  try {
    const token = fs.readFileSync(path.join(first.dataDir, 'admin-token'), 'utf8').trim()
    assert.ok(token.length >= 16)
    assert.match(await banner(first), new RegExp(`#token=${token}`), 'first start: the admin page with its token')
    await first.stop()
    const second = await startServerProcess({ dataDir: first.dataDir, env: { ATELIER_ADMIN_TOKEN: '' } })
    try {
      const text = await banner(second)
      assert.match(text, /Admin page: .*admin-token/, 'later starts say where the token is kept')
      assert.ok(!text.includes(token), 'and never print it again')
    } finally {
      await second.stop()
    }
  } finally {
    await first.stop()
    fs.rmSync(first.dataDir, { recursive: true, force: true })
  }
})

test('a configured admin token is never printed', async () => {
  const server = await startServerProcess()
  try {
    const text = await banner(server)
    assert.match(text, /ATELIER_ADMIN_TOKEN/)
    assert.ok(!text.includes(server.adminToken))
  } finally {
    await server.stop()
    fs.rmSync(server.dataDir, { recursive: true, force: true })
  }
})
