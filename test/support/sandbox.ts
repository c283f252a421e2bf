// Raw Classic calls against a sandbox (signed the way the official clients sign), for tests that must not depend on
// our own client: `call(handle, 'GET', '/Base/Department/1')`.
import type { HttpRequest, HttpResponse } from '../../src/core/http'
import { signature } from '../../src/classic/internal/sign'
import { parseDocument, type XmlElement } from '../../src/classic/internal/xml'
import { DEFAULT_API_KEY, DEFAULT_SECRET_KEY } from '../../src/sandbox/handler'

export type Handle = (request: HttpRequest) => Promise<HttpResponse>

export const SALT = 'test-salt-0123456789'
let signed: string | undefined
export const sig = async (): Promise<string> => (signed ??= await signature(DEFAULT_SECRET_KEY, SALT))

export const authPairs = async (): Promise<Array<[string, string]>> => [
  ['apikey', DEFAULT_API_KEY],
  ['salt', SALT],
  ['signature', await sig()]
]

export const form = (pairs: ReadonlyArray<readonly [string, string]>): string =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')

export const BASE = 'http://sandbox.test/api/index.php'

/** `e=` routing; GET/DELETE: credentials in the query; POST/PUT: in a form body. */
export const call = async (
  handle: Handle,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  route: string,
  fields: ReadonlyArray<readonly [string, string]> = [],
  base = BASE
): Promise<HttpResponse> => {
  const auth = await authPairs()
  if (method === 'GET' || method === 'DELETE') {
    return handle({ method, url: `${base}?e=${encodeURIComponent(route)}&${form([...fields, ...auth])}`, headers: {} })
  }
  return handle({
    method,
    url: `${base}?e=${encodeURIComponent(route)}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form([...fields, ...auth])
  })
}

export const root = (response: HttpResponse): XmlElement => {
  const doc = parseDocument(response.body)
  if (doc._tag === 'Left') throw new Error(`not XML (${response.status}): ${doc.left}: ${response.body.slice(0, 200)}`)
  return doc.right.root
}

export const children = (el: XmlElement, tag?: string): Array<XmlElement> =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && (tag === undefined || c.tagName === tag))

export const text = (el: XmlElement, tag: string): string => {
  const child = children(el, tag)[0]
  return child === undefined ? '' : child.children.filter((c): c is string => typeof c === 'string').join('')
}

export const ownText = (el: XmlElement): string => el.children.filter((c): c is string => typeof c === 'string').join('')
