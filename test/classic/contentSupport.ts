// Helpers for the Knowledgebase/News/Troubleshooter suites: XML written the way the 4.98.8 server writes it
// (declaration, CDATA values, `<tag />` for empty values, containers without CDATA, no indentation), a canned
// executor, and a decoder runner.
import type * as E from 'fp-ts/Either'
import { classic } from '../../src/classic/executor'
import type { ClassicRequest } from '../../src/classic/request'
import { parseDocument } from '../../src/classic/xml'
import type { HttpResponse } from '../../src/core/http'
import { canned, unwrap, unwrapLeft } from '../support/transport'

export type XmlValue = string | number | ReadonlyArray<string>

/** One line per element: scalars in CDATA (or `<tag />` when empty), arrays as containers of already built lines. */
export const el = (tag: string, value: XmlValue): string =>
  Array.isArray(value)
    ? `<${tag}>\n${(value as ReadonlyArray<string>).join('')}</${tag}>\n`
    : String(value) === ''
      ? `<${tag} />\n`
      : `<${tag}><![CDATA[${String(value)}]]></${tag}>\n`

export const item = (tag: string, fields: Readonly<Record<string, XmlValue>>): string =>
  el(
    tag,
    Object.entries(fields).map(([k, v]) => el(k, v))
  )

/** `ids('usergroupid', [1, 2])` → the lines of a container's items. */
export const ids = (tag: string, values: ReadonlyArray<number>): ReadonlyArray<string> => values.map((v) => el(tag, v))

export const document = (root: string, items: ReadonlyArray<string>, comment?: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>\n${comment === undefined ? '' : `<!-- ${comment} -->\n`}${items.join('')}</${root}>`

/** Decodes a body with the request's decoder (as the executor does after a 200). */
export const decodeWith = <A>(req: ClassicRequest<A>, body: string): E.Either<unknown, A> => {
  if (req.response._tag !== 'Xml') throw new Error(`${req.operation} expects no body`)
  return req.response.decoder.decode(unwrap(parseDocument(body)).root)
}

export const decode = <A>(req: ClassicRequest<A>, body: string): A => unwrap(decodeWith(req, body))

/** A description without its decoder, for exact comparisons. */
export const described = (req: ClassicRequest<unknown>) => ({
  operation: req.operation,
  method: req.method,
  route: req.route,
  query: req.query,
  form: req.form,
  files: req.files,
  issues: req.issues
})

/** Runs a request against canned answers; returns the result and what was sent. */
export const runCanned = async <A>(req: ClassicRequest<A>, ...responses: ReadonlyArray<Partial<HttpResponse>>) => {
  const { transport, sent } = canned(...responses)
  const run = classic({ url: 'https://help.example.com/api/index.php', apiKey: 'KEY', secretKey: 'secret', salt: () => 'salt', transport })
  return { result: await run(req)(), sent }
}

/** The ApiError a plain-text error answer becomes: [tag, status, messages]. */
export const apiErrorOf = async (req: ClassicRequest<unknown>, status: number, body: string) => {
  const { result } = await runCanned(req, { status, body })
  const error = unwrapLeft(result) as { _tag: string; status?: number; messages?: ReadonlyArray<string> }
  return [error._tag, error.status, error.messages]
}

export const paths = (req: ClassicRequest<unknown>): ReadonlyArray<string> => req.issues.map((i) => i.path)
