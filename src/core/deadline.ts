/**
 * The deadline under `withTimeout` and the executors' default `deadlineMs`, on its own so that an executor's bundle
 * carries it without the other policies (retry, logging, concurrency, and their scrubbing of request bodies): the
 * executor scrubs whatever comes back anyway.
 */
import * as E from './either'
import { noResponse, type KayakoError, type TransferPhase, type TransportError } from './error'
import type { HttpRequest, HttpResponse, Transport } from './http'

export type Sent = { readonly _tag: 'Left'; readonly left: KayakoError } | { readonly _tag: 'Right'; readonly right: HttpResponse }

/** Time as the policies see it. `systemClock` in production; a fake clock in tests. */
export interface Clock {
  /** The time in epoch milliseconds, as `Date.now`. */
  readonly now: () => number
  /** Calls `callback` after `ms` milliseconds; the handle is what `clearTimeout` takes. */
  readonly setTimeout: (callback: () => void, ms: number) => unknown
  /** Cancels a timer `setTimeout` started. */
  readonly clearTimeout: (handle: unknown) => void
}

/** The real clock: `Date.now` and the global timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}

/** How a deadline runs the transport: never throwing (a throw or a rejection is a `TransportError`). */
export type Send = (transport: Transport, request: HttpRequest) => Promise<Sent>

/**
 * The deadline itself (see `withTimeout` in `policy.ts`, which adds what a caller's own signal needs): `ms` for the
 * whole exchange, the request aborted through its signal when it runs out, the `Left` naming the phase it ran out in.
 * Without a clock, the global timers (the executors' deadline: no clock object in their bundles).
 */
export const deadline =
  (ms: number, clock: Clock | undefined, send: Send) =>
  (transport: Transport): Transport =>
  (request) =>
  () =>
    new Promise<Sent>((resolve) => {
      // (called on globalThis: browsers refuse timers called on another object)
      const timers = clock ?? (globalThis as unknown as Clock)
      // (the executors' requests carry no signal; `withTimeout` links a caller's one to this one below the deadline)
      const controller = new AbortController()
      let phase: TransferPhase | undefined
      const timer = timers.setTimeout(
        () => {
          const late = lateError(request, ms, phase)
          controller.abort(new DOMException(late.cause, 'TimeoutError'))
          // (a promise settles once: whichever of the answer and the deadline comes first wins)
          resolve(E.left(late))
          // Timers hold at most 2^31 − 1 ms (24.8 days); a longer delay would fire at once.
        },
        Math.min(ms, 2 ** 31 - 1)
      )
      const onPhase = (next: TransferPhase): void => {
        phase = next
        request.onPhase?.(next)
      }
      void send(transport, { ...request, signal: controller.signal, onPhase }).then((sent) => {
        timers.clearTimeout(timer)
        resolve(sent)
      })
    })

/** The `TransportError` of a request that ran out of time in `phase`, as `deadline` makes it (for transports that keep it). */
export const lateError = (request: HttpRequest, ms: number, phase: TransferPhase | undefined): TransportError =>
  noResponse(request, `timed out after ${ms} ms${phase ? `, in the ${phase} phase` : ''}`, phase)

/**
 * A transport may keep the deadline itself, more cheaply than `deadline` (no AbortController, signal listeners or
 * extra promise per request): `nodeTransport` does. The pipeline then hands it the deadline instead of wrapping it;
 * its answer to a late request is `lateError`, and the request is ended. A transport wrapped by anything (a policy)
 * loses the mark, and the wrapper gets the generic deadline, which bounds whatever the wrapper does too.
 */
export const KEEPS_DEADLINE: unique symbol = /*#__PURE__*/ Symbol.for('kayako-fp.deadline')

/** Sends `request`, answering `lateError` if no complete answer came within `ms`. */
export type KeepsDeadline = (request: HttpRequest, ms: number) => Promise<Sent>

/** A transport, and its deadline-keeping send if it has one. */
export type MayKeepDeadline = Transport & { readonly [KEEPS_DEADLINE]?: KeepsDeadline }
