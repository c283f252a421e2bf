// A v1 executor over an in-process v1 sandbox (its handler as the transport), for module suites that check decoded
// values against the sandbox's seed.
import * as E from 'fp-ts/Either'
import type { Transport } from '../../src/core/http'
import { createV1Sandbox } from '../../src/sandbox/v1/handler'
import { v1 } from '../../src/v1/internal/executor'
import type { V1Request } from '../../src/v1/internal/request'
import { unwrap, unwrapLeft } from '../support/transport'

export const sandboxRun = (who: 'admin' | 'agent' | 'customer' = 'admin') => {
  const sandbox = createV1Sandbox()
  const transport: Transport = (request) => async () => E.right(await sandbox.handle(request))
  const auth = who === 'admin' ? sandbox.credentials : sandbox.accounts[who]
  const run = v1({ url: 'http://127.0.0.1:1/api/v1', auth, transport })
  return {
    sandbox,
    run,
    /** The result of a request that must succeed. */
    ok: async <A>(request: V1Request<A>): Promise<A> => unwrap(await run(request)()),
    /** The error of a request that must fail. */
    fails: async (request: V1Request<unknown>) => unwrapLeft(await run(request)())
  }
}
