/**
 * `runtime.ts` in the Node builds: a keep-alive `node:http(s)` transport, shared by every executor that is given no
 * `transport` and made on the first request (idle sockets are unref'd: a process exits without closing it).
 */
import type { Transport } from './http'
import { nodeTransport } from '../node/index'

let shared: Transport | undefined

export const defaultTransport: Transport = (request) => (shared ??= nodeTransport())(request)
