/**
 * The deadline under `withTimeout` and the executors' default `deadlineMs`, on its own so that an executor's bundle
 * carries it without the other policies (retry, logging, concurrency, and their scrubbing of request bodies): the
 * executor scrubs whatever comes back anyway.
 */
import { redact, transportError, causeText, type KayakoError, type TransferPhase } from './error'
import type { HttpRequest, HttpResponse, Transport } from './http'

type Sent = { readonly _tag: 'Left'; readonly left: KayakoError } | { readonly _tag: 'Right'; readonly right: HttpResponse }

/** Time as the policies see it. `systemClock` in production; a fake clock in tests. */
export interface Clock {
  readonly now: () => number
  readonly setTimeout: (callback: () => void, ms: number) => unknown
  readonly clearTimeout: (handle: unknown) => void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}

/** How a deadline runs the transport: never throwing (a throw or a rejection is a `TransportError`). */
export type Send = (transport: Transport, request: HttpRequest) => Promise<Sent>

export const reasonText = (reason: unknown): string => (reason === undefined ? 'no reason given' : causeText(reason))

/** `withTimeout`'s machinery, given how to send (see `withTimeout` in `policy.ts` for the behaviour). */
export const deadline =
  (ms: number, clock: Clock, send: Send) =>
  (transport: Transport): Transport =>
  (request) =>
  () =>
    new Promise<Sent>((resolve) => {
      const fail = (cause: string, phase?: TransferPhase): Sent => ({
        _tag: 'Left',
        left: { ...transportError(request.operation ?? 'request', redact(request), cause), ...(phase && { phase }) }
      })
      const outer = request.signal
      if (outer?.aborted === true) return resolve(fail(`aborted before sending: ${reasonText(outer.reason)}`))
      const controller = new AbortController()
      let settled = false
      const finish = (sent: Sent): void => {
        if (settled) return
        settled = true
        clock.clearTimeout(timer)
        outer?.removeEventListener('abort', onCallerAbort)
        resolve(sent)
      }
      const onCallerAbort = (): void => {
        controller.abort(outer?.reason)
        finish(fail(`aborted: ${reasonText(outer?.reason)}`))
      }
      let phase: TransferPhase | undefined
      const onPhase = (next: TransferPhase): void => {
        phase = next
        request.onPhase?.(next)
      }
      const timer = clock.setTimeout(() => {
        const cause = `timed out after ${ms} ms${phase === undefined ? '' : ` ${PHASE_TEXT[phase]}`}`
        controller.abort(typeof DOMException === 'function' ? new DOMException(cause, 'TimeoutError') : new Error(cause))
        finish(fail(cause, phase))
      }, ms)
      outer?.addEventListener('abort', onCallerAbort, { once: true })
      void send(transport, { ...request, signal: controller.signal, onPhase }).then(finish)
    })

const PHASE_TEXT: Readonly<Record<TransferPhase, string>> = {
  connect: 'while connecting',
  headers: 'waiting for the response headers',
  body: 'while reading the response body'
}
