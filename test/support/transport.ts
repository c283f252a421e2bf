import * as E from 'fp-ts/Either'
import type { HttpRequest, HttpResponse, Transport } from '../../src/core/http'

/** A transport that answers from a list (the last answer repeats) and records what it was sent. */
export const canned = (...responses: ReadonlyArray<Partial<HttpResponse>>) => {
  const sent: Array<HttpRequest> = []
  const transport: Transport = (request) => async () => {
    sent.push(request)
    const r = responses[Math.min(sent.length - 1, responses.length - 1)] ?? {}
    return E.right({ status: r.status ?? 200, headers: r.headers ?? {}, body: r.body ?? '' })
  }
  return { transport, sent }
}

export const bodyText = (request: HttpRequest | undefined): string =>
  request?.body === undefined ? '' : typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body)

/** Form body → pairs, decoded. */
export const formPairs = (body: string): Array<[string, string]> =>
  body === '' ? [] : body.split('&').map((p) => p.split('=').map(decodeURIComponent) as [string, string])

export const unwrap = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected Right, got ${JSON.stringify(e.left)}`)
  return e.right
}

export const unwrapLeft = <L>(e: E.Either<L, unknown>): L => {
  if (E.isRight(e)) throw new Error(`expected Left, got Right ${JSON.stringify(e.right)}`)
  return e.left
}
