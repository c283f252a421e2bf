/**
 * `runtime.ts` in the Node builds: a keep-alive `node:http(s)` transport, shared by every executor that is given no
 * `transport` and made on the first request (idle sockets are unref'd: a process exits without closing it). Like the
 * transport it stands for, it keeps the executors' deadlines itself (`KEEPS_DEADLINE`).
 */
import { KEEPS_DEADLINE, type KeepsDeadline, type MayKeepDeadline } from './deadline'
import type { HttpRequest, Transport } from './http'
import { nodeTransport } from '../node/index'

let shared: Transport | undefined

const node = (): Transport => (shared ??= nodeTransport())

const keeps: KeepsDeadline = (request, ms) => ((node() as MayKeepDeadline)[KEEPS_DEADLINE] as KeepsDeadline)(request, ms)

export const defaultTransport: Transport = /*#__PURE__*/ Object.assign((request: HttpRequest) => node()(request), { [KEEPS_DEADLINE]: keeps })
