/**
 * The one execution pipeline both executors configure:
 *
 *   validate → encode → sign or authenticate → send (deadline, maxBodyBytes) → check the size → interpret the status
 *   → parse (bounded) → decode → scrub
 *
 * The pipeline owns what is the same for every API: the transport with its deadline and body limit, a transport that
 * throws, the size check, the decode step (errors capped, a throwing decoder a `DecodeError`), the configuration's
 * refusal, and the one scrubbing boundary every `Left` passes. An executor declares the rest (Classic: form,
 * signature, XML; v1: JSON, session, envelope) as the `exchange` of each call.
 */
import * as E from './either'
import { drawErrors, type Decoder } from './decoder'
import { causeText, decodeError, noResponse, parseError, scrubError, transportError, validationError, type KayakoError, type RedactedRequest } from './error'
import { bodyTooLarge, DEFAULT_DEADLINE_MS, DEFAULT_MAX_BODY_BYTES, type HttpRequest, type HttpResponse, type Transport } from './http'
import type { Send } from './deadline'
import { defaultTransport, executorDeadline } from './runtime'
import type { Issues } from './validate'

export type Sent = E.Either<KayakoError, HttpResponse>

/** What every executor's configuration has in common. */
export interface PipelineConfig {
  readonly transport?: Transport
  readonly maxBodyBytes?: number
  readonly deadlineMs?: number
}

/** One call as an executor declares it. */
export interface Call<A> {
  readonly operation: string
  /** The arguments' issues: with any, nothing is sent. */
  readonly issues: Issues
  /** Every secret the call may meet; read when scrubbing, so it holds what the call learned on the way. */
  readonly secrets: () => Iterable<string>
  /** Where the call was going, for a failure nothing else explains. */
  readonly target: () => RedactedRequest
  /** encode → sign or authenticate → send (through `Pipeline.send`) → interpret → parse → decode. */
  readonly exchange: () => Promise<E.Either<KayakoError, A>>
}

export interface Pipeline {
  /** Sends with the deadline and `maxBodyBytes`: a throwing transport is a `TransportError`. */
  readonly send: (http: HttpRequest) => Promise<Sent>
  /**
   * The size check: a body over `maxBodyBytes` as a `ParseError` (never parsed), else `undefined`. Each API says which
   * answers need their body (v1: all; Classic: not a DELETE's 200, nor a status whose body is only quoted).
   */
  readonly tooLarge: (operation: string, response: HttpResponse) => KayakoError | undefined
  /** Runs a call: its issues as a `ValidationError`, else its exchange; every `Left` scrubbed. Never throws. */
  readonly run: <A>(call: Call<A>) => Promise<E.Either<KayakoError, A>>
}

// A transport that throws or rejects: no complete response is known to have arrived.
const guarded: Send = async (transport, request) => {
  try {
    return await transport(request)()
  } catch (thrown) {
    return E.left(noResponse(request, causeText(thrown)))
  }
}

export const pipeline = (config: PipelineConfig): Pipeline => {
  const deadlineMs = config.deadlineMs ?? DEFAULT_DEADLINE_MS
  const given = config.transport ?? defaultTransport
  const transport = deadlineMs === Infinity ? given : executorDeadline(deadlineMs, undefined, guarded)(given)
  const maxBodyBytes = config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  return {
    // (Object.assign: a spread copy that then adds a property takes a slow path in V8, 2–4 µs a request)
    send: (http) => guarded(transport, Object.assign({}, http, { maxBodyBytes })),
    tooLarge: (operation, response) => {
      const message = bodyTooLarge(response, maxBodyBytes)
      return message === undefined ? undefined : parseError(operation, message, response.body)
    },
    run: async (call) => {
      let result: E.Either<KayakoError, unknown>
      try {
        result = call.issues.length > 0 ? E.left(validationError(call.operation, call.issues)) : await call.exchange()
      } catch (thrown) {
        result = E.left(transportError(call.operation, call.target(), causeText(thrown)))
      }
      return (E.isLeft(result) ? E.left(scrubError(result.left, call.secrets())) : result) as never
    }
  }
}

/** The decode step: a complete answer arrived, so whatever goes wrong here is about the document, never "no response". */
export const decode = <I, A>(operation: string, decoder: Decoder<I, A>, input: I): E.Either<KayakoError, A> => {
  try {
    const decoded = decoder.decode(input)
    return E.isLeft(decoded) ? E.left(decodeError(operation, drawErrors(decoded.left))) : decoded
  } catch (thrown) {
    return E.left(decodeError(operation, [`(root): could not be decoded (${causeText(thrown)})`]))
  }
}

/** A configuration that cannot work: every call is a `ValidationError` naming its fields, and nothing is sent. */
export const refuse = (issues: Issues) => (req: { readonly operation: string }) => (): Promise<E.Either<KayakoError, never>> =>
  Promise.resolve(E.left(validationError(req.operation, issues)))
