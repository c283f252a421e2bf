// A v1 client on an in-process sandbox, as staff or as its seeded customer (help-center module suites).
import * as E from 'fp-ts/Either'
import { createV1Sandbox } from '../../src/sandbox/v1/handler'
import { CUSTOMER_EMAIL, SEED_PASSWORD } from '../../src/sandbox/v1/seed'
import { v1 } from '../../src/v1/internal/executor'

export const sandboxClients = () => {
  const sandbox = createV1Sandbox()
  const transport = (r: Parameters<typeof sandbox.handle>[0]) => async () => E.right(await sandbox.handle(r))
  const url = 'http://127.0.0.1:1/api/v1'
  return {
    staff: v1({ url, auth: sandbox.credentials, transport }),
    customer: v1({ url, auth: { username: CUSTOMER_EMAIL, password: SEED_PASSWORD }, transport })
  }
}
