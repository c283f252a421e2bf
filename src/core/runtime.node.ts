/**
 * `runtime.ts` in the Node builds: a keep-alive `node:http(s)` transport, shared by every executor that is given no
 * `transport` and made on the first request (idle sockets are unref'd: a process exits without closing it). Like the
 * transport it stands for, it keeps the executors' deadlines itself (`KEEPS_DEADLINE`), and the executors' deadline
 * lets a transport that keeps it do so. Only the Node builds carry this: no edge bundle pays its bytes.
 */
import { deadline, KEEPS_DEADLINE, type KeepsDeadline, type MayKeepDeadline } from './deadline'
import type { HttpRequest, Transport } from './http'
import { nodeTransport } from '../node/index'

let shared: Transport | undefined

const node = (): Transport => (shared ??= nodeTransport())

const keeps: KeepsDeadline = (request, ms) => ((node() as MayKeepDeadline)[KEEPS_DEADLINE] as KeepsDeadline)(request, ms)

export const defaultTransport: Transport = /*#__PURE__*/ Object.assign((request: HttpRequest) => node()(request), { [KEEPS_DEADLINE]: keeps })

/**
 * The executors' deadline: a transport that keeps deadlines itself (`nodeTransport`, `defaultTransport`) is handed
 * `ms` instead of being wrapped (no AbortController, signal listeners or extra promise per request); any other gets
 * the generic `deadline`.
 */
export const executorDeadline: typeof deadline = (ms, clock, send) => (transport) => {
  const keeper = (transport as MayKeepDeadline)[KEEPS_DEADLINE]
  return keeper ? (request) => () => keeper(request, ms) : deadline(ms, clock, send)(transport)
}
