// The two ways the v1 end-to-end suites reach the v1 sandbox: in process (its handler as the transport) and over
// real HTTP (fetch against `startSandbox`). `close` ends what `mount` started (nothing in process).
import * as E from 'fp-ts/Either'
import { fetchTransport, type Transport } from '../../src/core/http'
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { createV1Sandbox } from '../../src/sandbox/v1/handler'

export interface Mount {
  readonly url: string
  readonly credentials: { readonly username: string; readonly password: string }
  readonly transport: Transport
}

export interface Mounting {
  readonly name: string
  readonly mount: () => Promise<Mount>
  readonly close: () => Promise<void>
}

const inProcess: Mounting = {
  name: 'in process',
  mount: async () => {
    const sandbox = createV1Sandbox()
    return { url: 'http://127.0.0.1:1/api/v1', credentials: sandbox.credentials, transport: (request) => async () => E.right(await sandbox.handle(request)) }
  },
  close: async () => undefined
}

const overHttp = (): Mounting => {
  let server: RunningSandbox | undefined
  return {
    name: 'over HTTP',
    mount: async () => {
      server = await startSandbox()
      const side = server.v1
      if (side === undefined) throw new Error('startSandbox serves no v1 API')
      return { url: side.url, credentials: { username: side.username, password: side.password }, transport: fetchTransport }
    },
    close: async () => {
      await server?.close()
      server = undefined
    }
  }
}

/** Both mounts, each with its own server. */
export const v1Mounts = (): ReadonlyArray<Mounting> => [inProcess, overHttp()]
