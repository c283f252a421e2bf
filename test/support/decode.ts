// Decodes a body with a Classic request's own decoder, without an executor (the decoding seam of the tests).
import type * as E from 'fp-ts/Either'
import type { ClassicRequest } from '../../src/classic/internal/request'
import { parseDocument } from '../../src/classic/internal/xml'
import { unwrap } from './transport'

/** The request's decoding result for a body (Left = decode errors). */
export const decodeEither = <A>(req: ClassicRequest<A>, body: string): E.Either<unknown, A> => {
  if (req.response._tag !== 'Xml') throw new Error(`${req.operation} decodes no body`)
  return req.response.decoder.decode(unwrap(parseDocument(body)).root)
}

/** The decoded value; throws (failing the test) when decoding fails. */
export const decodeBody = <A>(req: ClassicRequest<A>, body: string): A => unwrap(decodeEither(req, body))

/** A description without its decoder, for exact comparison. */
export const described = <A>(req: ClassicRequest<A>) => ({
  operation: req.operation,
  method: req.method,
  route: req.route,
  query: req.query,
  form: req.form,
  files: req.files,
  issues: req.issues
})

/** The paths of a description's validation issues. */
export const issuePaths = <A>(req: ClassicRequest<A>): ReadonlyArray<string> => req.issues.map((i) => i.path)
