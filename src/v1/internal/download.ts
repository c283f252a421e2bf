/**
 * Downloads (spec §2.12): an attachment's or a file's bytes, fetched with the executor's credentials through its session
 * and never read as an envelope (a JSON file is bytes like any other). Only the helpdesk's own origin (scheme, host and
 * port of the executor's `url`) is sent to: another URL is refused before anything is sent, a redirect within the
 * origin is followed (GET, at most `MAX_HOPS`), a redirect elsewhere is an `HttpError` naming its `Location` (the
 * redirect rule of the Reliability section). The executor's `maxBodyBytes` bounds the body. Here, not in the executor,
 * so that only the bundles that download carry it.
 */
import * as E from '../../core/either'
import { utf8, utf8Decode } from '../../core/bytes'
import { validationError, type KayakoError } from '../../core/error'
import { REDIRECT_STATUSES } from '../../core/http'
import * as V from '../../core/validate'
import { failed, isSuccess, parseAnswer } from './envelope'
import { DEFAULT_MAX_VALUES } from './flat'
import type { Answer } from './executor'
import { request, type DownloadDeps, type V1Request } from './request'

/** At most this many redirects within the helpdesk's origin are followed. */
const MAX_HOPS = 5

/** `url` (resolved against `base`) when it is on the origin of `base`, else `undefined`. */
const sameOrigin = (url: string, base: string): string | undefined => {
  try {
    const resolved = new URL(url, base)
    return resolved.origin === new URL(base).origin ? resolved.href : undefined
  } catch {
    return undefined
  }
}

const fetchBytes = async (operation: string, url: string, deps: DownloadDeps): Promise<E.Either<KayakoError, Answer<Uint8Array>>> => {
  let target = sameOrigin(url, deps.root)
  for (let hops = 0; target !== undefined; hops++) {
    const exchanged = await deps.exchange({ method: 'GET', url: target, headers: { accept: '*/*' }, operation, bytes: true })
    if (E.isLeft(exchanged)) return exchanged
    const [http, response] = exchanged.right
    const next = hops < MAX_HOPS && REDIRECT_STATUSES.includes(response.status) ? sameOrigin(response.headers.location ?? '', target) : undefined
    if (next !== undefined && sameOrigin(next, deps.root) !== undefined) {
      target = next
      continue
    }
    const bytes = response.bytes ?? utf8(response.body)
    if (isSuccess(response.status)) return E.right({ operation, status: response.status, notifications: [], logs: [], value: bytes })
    // A failure is the API's answer: its text, read as an envelope (its errors[]); bounded by maxBodyBytes already.
    const body = utf8Decode(bytes)
    return E.left(failed(operation, http, { ...response, body }, parseAnswer(body, DEFAULT_MAX_VALUES)))
  }
  return E.left(
    validationError(operation, [
      { path: 'url', message: `must be on the helpdesk's origin (${new URL(deps.root).origin}): its credentials go nowhere else; nothing was sent` }
    ])
  )
}

/** A download of `url` (an attachment's `urlDownload`, a file's `contentUrl`): its bytes, never parsed. */
export const downloadRequest = (operation: string, url: unknown): V1Request<Uint8Array> => ({
  ...request(operation, 'GET', pathOf(url), NO_ENVELOPE, { issues: V.httpUrl('url', url) }),
  download: (deps) => fetchBytes(operation, url as string, deps)
})

/** The URL's path, for the description (`path`); the download itself goes to the whole URL. */
const pathOf = (url: unknown): string => {
  try {
    // (an opaque URL such as `a:b` has a path without its slash, or none: it is refused by the checks anyway)
    const path = new URL(url as string).pathname
    return path.startsWith('/') ? path : '/'
  } catch {
    return '/'
  }
}

// A download's result is its bytes: the executor runs `download` instead, so this decoder never runs.
const NO_ENVELOPE = { decode: () => E.left([]) } as unknown as V1Request<Uint8Array>['decoder']
