// The v1 API takes its credentials as query arguments too (spec v1-api.md §1.4 and the special arguments of §2:
// `_session_id`, `_token`, `_otp`, `_jwt`). A value the executor never held (a session id in a URL it was handed) is
// not known to the scrubber, so only the redaction by name keeps it out of errors, log entries and recordings.
import { pipe } from 'fp-ts/lib/function.js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { redactUrl } from '../../src/core/error'
import { withLogger } from '../../src/core/policy'
import { recordTransport, requestKey } from '../../src/testing/index'
import { v1 } from '../../src/v1/internal/executor'
import { withQuery } from '../../src/v1/internal/request'
import * as Team from '../../src/v1/Team'
import { canned, unwrapLeft } from '../support/transport'

const ARGUMENTS = ['_session_id', '_token', '_otp', '_jwt'] as const
const SENTINEL = 'Sentinel-Argument-5e1d0c'

test('redactUrl and requestKey leave out every credential argument of the v1 API, in any letter case', () => {
  for (const name of ARGUMENTS) {
    for (const written of [name, name.toUpperCase(), encodeURIComponent(name)]) {
      const url = `https://h.example/api/v1/cases/2?include=user&${written}=${SENTINEL}`
      assert.is(redactUrl(url), `https://h.example/api/v1/cases/2?include=user&${written}=[redacted]`, written)
      assert.equal(requestKey(url), { route: '/cases/2', query: 'include=user' }, written)
    }
  }
})

test('a session id sent as `_session_id` reaches no error, log entry or recording', async () => {
  const { transport, sent } = canned({ status: 500, body: 'down' })
  const recorder = recordTransport(transport)
  const entries: Array<unknown> = []
  const log = (...args: ReadonlyArray<unknown>): void => {
    entries.push(...args)
  }
  const logger = { debug: log, info: log, warn: log, error: log }
  const run = v1({
    url: 'https://h.example/api/v1',
    auth: { bearer: 'Bearer-Token-Sentinel' },
    transport: pipe(recorder, withLogger(logger)),
    deadlineMs: 5_000
  })
  for (const name of ARGUMENTS) {
    const error = unwrapLeft(await run(pipe(Team.get(1), withQuery({ [name]: SENTINEL })))())
    assert.ok(sent.at(-1)?.url.includes(`${name}=${SENTINEL}`), `the argument was sent: ${sent.at(-1)?.url}`)
    assert.is(error._tag, 'HttpError')
    assert.not.ok(JSON.stringify(error).includes(SENTINEL), `the error holds ${name}: ${JSON.stringify(error)}`)
  }
  assert.ok(entries.length > 0)
  assert.not.ok(JSON.stringify(entries).includes(SENTINEL), JSON.stringify(entries))
  assert.is(recorder.recordings.length, ARGUMENTS.length)
  assert.not.ok(JSON.stringify(recorder.recordings).includes(SENTINEL), JSON.stringify(recorder.recordings))
})

test.run()
