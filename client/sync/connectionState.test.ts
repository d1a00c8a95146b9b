/** What people see of the connection, from the provider's events. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CloseCodes } from '../../shared/protocol'
import { shouldReconnect } from './closeCodes'
import {
  type ConnectionEvent,
  initialConnectionState,
  OFFLINE_AFTER_FAILURES,
  reduceConnection,
} from './connectionState'

const run = (...events: ConnectionEvent[]) => events.reduce(reduceConnection, initialConnectionState())

test('connecting, then connected', () => {
  assert.equal(run().phase, 'connecting')
  assert.equal(run({ type: 'status', status: 'connected' }).phase, 'connected')
})

test('a server restart (1012) shows « Reconnexion… », then connected again', () => {
  const s = run(
    { type: 'status', status: 'connected' },
    { type: 'close', code: CloseCodes.serviceRestart.code },
    { type: 'status', status: 'disconnected' },
  )
  assert.equal(s.phase, 'connecting')
  assert.equal(s.everConnected, true)
  assert.equal(reduceConnection(s, { type: 'status', status: 'connected' }).phase, 'connected')
  assert.equal(shouldReconnect({ code: CloseCodes.serviceRestart.code }), true)
})

test('repeated failures or the browser going offline show « Hors ligne »', () => {
  const closes = Array.from({ length: OFFLINE_AFTER_FAILURES }, () => ({ type: 'close', code: 1006 }) as const)
  assert.equal(run({ type: 'status', status: 'connected' }, ...closes).phase, 'offline')
  assert.equal(run({ type: 'browser', online: false }).phase, 'offline')
})

test('fatal codes refuse for good; transient ones reconnect', () => {
  for (const code of [
    CloseCodes.readOnly.code,
    CloseCodes.sessionRevoked.code,
    CloseCodes.invalidMessage.code,
    CloseCodes.rateLimited.code,
  ]) {
    const s = run({ type: 'status', status: 'connected' }, { type: 'close', code })
    assert.equal(s.phase, 'refused')
    assert.equal(reduceConnection(s, { type: 'status', status: 'connected' }).phase, 'refused')
    assert.equal(shouldReconnect({ code }), false)
  }
  assert.equal(run({ type: 'close', code: CloseCodes.readOnly.code }).fatal, 'readOnly')
  assert.equal(run({ type: 'close', code: CloseCodes.rateLimited.code }).fatal, 'rateLimited')
  for (const code of [CloseCodes.storageFailure.code, CloseCodes.messageTooBig.code, 1006]) {
    assert.equal(shouldReconnect({ code }), true)
    assert.equal(run({ type: 'close', code }).phase, 'connecting')
  }
})

test('a write refused on a locked board (4423) is not fatal: a fresh connection follows', () => {
  const code = CloseCodes.boardLocked.code
  const s = run(
    { type: 'status', status: 'connected' },
    { type: 'close', code },
    { type: 'status', status: 'disconnected' },
  )
  assert.equal(s.phase, 'connecting')
  assert.equal(s.fatal, null)
  assert.equal(s.failures, 0)
  // The refused copy itself must not reconnect: its sync would offer the write again.
  assert.equal(shouldReconnect({ code }), false)
  assert.equal(reduceConnection(s, { type: 'status', status: 'connected' }).phase, 'connected')
})

test('a silent socket: « Reconnexion… » while a probe waits, « Hors ligne » once given up, connected when answered', () => {
  const connected = run({ type: 'status', status: 'connected' })
  const stale = reduceConnection(connected, { type: 'stale' })
  assert.equal(stale.phase, 'connecting')
  assert.equal(stale.everConnected, true)
  assert.equal(reduceConnection(stale, { type: 'answered' }).phase, 'connected')
  // One timeout is enough: the network drops everything, no error will come to count.
  const dead = reduceConnection(stale, { type: 'timeout' })
  assert.equal(dead.phase, 'offline')
  assert.equal(reduceConnection(dead, { type: 'status', status: 'connecting' }).phase, 'offline')
  assert.equal(reduceConnection(dead, { type: 'status', status: 'connected' }).phase, 'connected')
})

test('unsent changes are counted in every phase, refused included', () => {
  const refused = run({ type: 'close', code: CloseCodes.readOnly.code })
  assert.equal(reduceConnection(refused, { type: 'unsent', count: 3 }).unsent, 3)
  assert.equal(run({ type: 'unsent', count: 2 }, { type: 'status', status: 'connected' }).unsent, 2)
})
