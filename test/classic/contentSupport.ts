// Helpers for the Knowledgebase/News/Troubleshooter suites: XML written the way the 4.98.8 server writes it
// (declaration, CDATA values, `<tag />` for empty values, containers without CDATA, no indentation), a canned
// executor; the decoding helpers of test/support/decode.ts.
import { classic } from '../../src/classic/internal/executor'
import type { ClassicRequest } from '../../src/classic/internal/request'
import type { HttpResponse } from '../../src/core/http'
import { canned, unwrapLeft } from '../support/transport'

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

// The decoding seam is the shared one, under the names these suites use.
export { decodeBody as decode, decodeEither as decodeWith, described, issuePaths as paths } from '../support/decode'

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
