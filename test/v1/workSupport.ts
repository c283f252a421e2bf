// The v1 executor against an in-process v1 sandbox on a fixed clock, recording what is sent (for the work-record
// suites: TimeTracking, Macro, Case's work records).
import * as E from 'fp-ts/Either'
import type { HttpRequest, Transport } from '../../src/core/http'
import { createV1Sandbox } from '../../src/sandbox/v1/handler'
import { v1 } from '../../src/v1/internal/executor'

/** 2026-01-05T09:00:00Z: the seeded cases (2015) that are closed are archived by then. */
export const NOW = Date.UTC(2026, 0, 5, 9, 0, 0)

export const sandboxRun = (who: 'admin' | 'agent' = 'admin') => {
  let now = NOW
  const sandbox = createV1Sandbox({ now: () => now })
  const sent: Array<HttpRequest> = []
  const transport: Transport = (request) => async () => {
    sent.push(request)
    return E.right(await sandbox.handle(request))
  }
  const auth = who === 'admin' ? sandbox.credentials : sandbox.accounts.agent
  const run = v1({ url: 'http://127.0.0.1:1/api/v1', auth, transport })
  return { sandbox, run, sent, advance: (ms: number) => void (now += ms) }
}
