// Helpers of the export suites: executors on a sandbox, the events of a run, what the sandbox holds per resource.
import { createHash } from 'node:crypto'
import { classic, type ClassicExecutor } from '../../src/classic/index'
import type { Transport } from '../../src/core/http'
import type { ExportEvent } from '../../src/export/index'
import { nodeSigner } from '../../src/node/index'
import { sandboxTransport, type Sandbox } from '../../src/sandbox/handler'
import { v1, type V1Executor } from '../../src/v1/index'

/** Where the v1 sandbox's seeded (and bulk) files point: the executor must be on that origin to download them. */
export const V1_URL = 'https://brewfictus.kayako.com/api/v1'

/** A Classic executor on the sandbox; a fixed salt, so the sandbox's signature cache answers (the suites stay fast). */
export const classicOn = (sandbox: Sandbox, transport: Transport = sandboxTransport(sandbox), url = 'http://sandbox.test/api/index.php'): ClassicExecutor =>
  classic({ url, apiKey: sandbox.apiKey, secretKey: sandbox.secretKey, transport, salt: () => 'export-suite-salt', signer: nodeSigner, deadlineMs: Infinity })

/** A v1 executor on the sandbox, logged in as its administrator. */
export const v1On = (sandbox: Sandbox, transport: Transport = sandboxTransport(sandbox)): V1Executor => {
  const login = sandbox.v1?.credentials
  if (login === undefined) throw new Error('no v1 sandbox')
  return v1({ url: V1_URL, auth: { username: login.username, password: login.password }, transport, deadlineMs: Infinity })
}

/** Every event of a run. */
export const eventsOf = async (run: AsyncIterable<ExportEvent>): Promise<Array<ExportEvent>> => {
  const out: Array<ExportEvent> = []
  for await (const event of run) out.push(event)
  return out
}

/** An event as text, files by their bytes' hash: for comparing runs. */
export const textOf = (event: ExportEvent): string => JSON.stringify(event.type === 'file' ? { ...event, bytes: sha(event.bytes) } : event)

export const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** Per resource, the record ids in order, and the files by id (their hash). */
export const summary = (events: ReadonlyArray<ExportEvent>) => {
  const ids = new Map<string, Array<string>>()
  const files = new Map<string, string>()
  const errors: Array<ExportEvent> = []
  for (const e of events) {
    if (e.type === 'record') ids.set(e.resource, [...(ids.get(e.resource) ?? []), e.id])
    if (e.type === 'file') files.set(`${e.resource}/${e.id}`, sha(e.bytes))
    if (e.type === 'error') errors.push(e)
  }
  return { ids, files, errors }
}

/** Ids as a sorted list of numbers' text, for comparing sets. */
export const sorted = (ids: Iterable<number | string>): Array<string> => [...ids].map(String).sort((a, b) => Number(a) - Number(b))

/** A transport that records the method of every request before passing it on. */
export const recording =
  (transport: Transport, methods: Array<string>): Transport =>
  (request) => {
    methods.push(request.method)
    return transport(request)
  }

/** A clock for `withRetry` whose waits pass a thousand times faster (the waits it reports are the real ones). */
export const fastClock = {
  now: () => Date.now(),
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms / 1000),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}
