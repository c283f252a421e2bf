/**
 * The Classic executor: validate → sign → send → check the status → parse → decode, for any `ClassicRequest`.
 * The executor value is the seed's "client instance": configuration lives in it, never in a global.
 */
import * as E from '../../core/either'
import type * as TE from 'fp-ts/TaskEither'
import {
  apiError,
  causeText,
  excerpt,
  httpError,
  isSecretName,
  parseError,
  redact,
  scrub,
  userInfoOf,
  validationError,
  type KayakoError
} from '../../core/error'
import { redirectMessage, type HttpRequest, type HttpResponse, type Transport } from '../../core/http'
import { decode, pipeline, refuse, type Pipeline } from '../../core/pipeline'
import { classicConfigIssues } from './config'
import { encodeForm, type ClassicRequest, type FormPairs } from './request'
import { randomSalt } from './sign'
import { defaultSigner } from './runtime'
import { scanWith, type Scanned } from './scan'
import type { Signer } from './signer'
import { parseWith, plainText, scanDocument, type XmlParser } from './xml'

/** What `classic` needs: the helpdesk's API entry point and keys, and optionally a transport, a signer and limits. */
export interface ClassicConfig {
  /** The API entry point, e.g. `https://help.example.com/api/index.php`. */
  readonly url: string
  readonly apiKey: string
  readonly secretKey: string
  /**
   * How requests are sent; default a keep-alive `node:http(s)` transport on Node, `fetchTransport` elsewhere (chosen
   * by the package's `node` export condition). Swap it to mock, or wrap it with policies.
   */
  readonly transport?: Transport
  /** The salt source; default 32 random alphanumerics per request. */
  readonly salt?: () => string
  /**
   * How salts are signed; default `nodeSigner` (node:crypto, synchronous) on Node, `webCryptoSigner` (WebCrypto)
   * elsewhere, chosen by the package's `node` export condition.
   */
  readonly signer?: Signer
  /**
   * Text → element tree (e.g. `txmlParser`); the answer is then parsed into a tree and decoded from it. Default: none,
   * the answer is decoded straight from its text (`scan.ts`), with the same results and `Left`s.
   */
  readonly xmlParser?: XmlParser
  /** Called with any PHP notice or warning the server printed before an otherwise good XML answer. */
  readonly onNotice?: (notice: string, operation: string) => void
  /**
   * The largest response body read, in bytes; default 32 MiB (`DEFAULT_MAX_BODY_BYTES`), `Infinity` for no limit.
   * A larger body is a `ParseError` and is never parsed; transports that can stop reading early do (fetchTransport).
   */
  readonly maxBodyBytes?: number
  /**
   * Each request's deadline, end to end (connecting, the headers, the whole body, any retries inside `transport`);
   * default 60 s (`DEFAULT_DEADLINE_MS`), `Infinity` for none. A late request is a `TransportError` naming the phase.
   */
  readonly deadlineMs?: number
  /**
   * The most elements an answer may hold; default 1,000,000 (`DEFAULT_MAX_ELEMENTS`, twice a real 32 MiB ticket
   * list). More is a `ParseError`, found in the linear check before the tree is built, so memory stays bounded.
   */
  readonly maxElements?: number
}

/** Runs a Classic request description: signs, sends, parses and decodes it into a `TaskEither`. Made by `classic`. */
export interface ClassicExecutor {
  <A>(request: ClassicRequest<A>): TE.TaskEither<KayakoError, A>
}

/** Statuses whose plain-text body is the server's own message (spec §3). */
const API_STATUSES: ReadonlyArray<number> = [400, 401, 404]

/** The Classic specifics on the shared pipeline (`core/pipeline.ts`): a form, signed with a fresh salt, answered in XML. */
export const classic = (config: ClassicConfig): ClassicExecutor => {
  const invalid = classicConfigIssues(config)
  if (invalid.length > 0) return refuse(invalid)
  const { send, run, tooLarge } = pipeline(config)
  const nextSalt = config.salt ?? (() => randomSalt())
  const parser = config.xmlParser
  const makeSigner = config.signer ?? defaultSigner
  let sign: ReturnType<Signer> | undefined
  const onNotice = config.onNotice
  const credentials = [config.apiKey, config.secretKey, ...userInfoOf(config.url)]

  return <A>(req: ClassicRequest<A>): TE.TaskEither<KayakoError, A> => {
    // Credentials, the URL's user-info, and the values of form fields that are secrets themselves (a password).
    const known = [...credentials, ...req.form.filter(([name]) => isSecretName(name)).map(([, value]) => value)]
    return () => {
      // With this run's salt and signature once they exist (a list per run: a task run again and again keeps two).
      const secrets = [...known]
      return run({
        operation: req.operation,
        issues: req.issues,
        secrets: () => secrets,
        target: () => ({
          method: req.method,
          url: `${config.url} (e=${req.route})`,
          headers: {}
        }),
        exchange: async () => {
          let salt: string
          let signature: string
          let step: 'salt' | 'signer' = 'salt'
          try {
            salt = nextSalt()
            secrets.push(salt)
            step = 'signer'
            sign ??= makeSigner(config.secretKey)
            signature = await sign(salt)
            secrets.push(signature)
          } catch (thrown) {
            return E.left(unsigned(req.operation, step, (step === 'salt' ? config.salt : config.signer) === undefined, thrown))
          }
          const http = toHttpRequest(config.url, req, { apikey: config.apiKey, salt, signature }, () => secrets)
          const sent = await send(http)
          return E.isLeft(sent)
            ? sent
            : interpret(
                req,
                http,
                sent.right,
                tooLarge,
                parser,
                onNotice && ((notice, operation) => onNotice(scrub(notice, secrets), operation)),
                config.maxElements
              )
        }
      })
    }
  }
}

/** Signing failed, so nothing was sent: the configuration (or the runtime) is at fault, never the network. */
const unsigned = (operation: string, step: 'salt' | 'signer', byDefault: boolean, thrown: unknown): KayakoError => {
  const webCrypto = (globalThis as { crypto?: { subtle?: { sign?: unknown } } }).crypto
  const message =
    byDefault && typeof webCrypto?.subtle?.sign !== 'function'
      ? 'no WebCrypto (globalThis.crypto): use Node 20 or later, or pass salt and signer'
      : `the ${step} failed (${causeText(thrown)})`
  return validationError(operation, [{ path: `config.${step}`, message: `${message}; nothing was sent` }])
}

interface Credentials {
  readonly apikey: string
  readonly salt: string
  readonly signature: string
}

/**
 * `e=<route>` in the query always; credentials in the query for GET/DELETE, in the body for POST/PUT (spec §1.3).
 * `secrets` is the executor's list, carried for the policies (never sent).
 */
export const toHttpRequest = (baseUrl: string, req: ClassicRequest<unknown>, credentials: Credentials, secrets?: () => ReadonlyArray<string>): HttpRequest => {
  const auth: FormPairs = [
    ['apikey', credentials.apikey],
    ['salt', credentials.salt],
    ['signature', credentials.signature]
  ]
  const headers: Record<string, string> = {
    accept: 'text/xml, application/xml'
  }
  let url = `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}e=${encodeRoute(req.route)}${req.query.length > 0 ? `&${encodeForm(req.query)}` : ''}`
  let body: string | Uint8Array | undefined
  if (req.method === 'GET' || req.method === 'DELETE') url += `&${encodeForm(auth)}`
  else if (req.multipart !== undefined) {
    // Not derived from the salt: the boundary is in a header that is logged, and any secret in it would be sent twice.
    const boundary = `----kayako-fp-${randomSalt(24)}`
    headers['content-type'] = `multipart/form-data; boundary=${boundary}`
    body = req.multipart(boundary, [...req.form, ...auth], req.files)
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = encodeForm([...req.form, ...auth])
  }
  // `maxBodyBytes` is the pipeline's to set, on its copy of this request: already a property here, it is overwritten
  // (V8 adds a property to an object copied by spread some 50 times slower than it overwrites one: ≈ 2–4 µs a request).
  return { method: req.method, url, headers, body, operation: req.operation, secrets, maxBodyBytes: undefined }
}

/** Route segments keep their slashes and commas readable (`%2F`, `%2C` decoded back); everything else is percent-encoded. */
const encodeRoute = (route: string): string => encodeURIComponent(route).replaceAll('%2F', '/').replaceAll('%2C', ',')

const interpret = <A>(
  req: ClassicRequest<A>,
  http: HttpRequest,
  response: HttpResponse,
  tooLarge: Pipeline['tooLarge'],
  parser: XmlParser | undefined,
  onNotice: ClassicConfig['onNotice'],
  maxElements: number | undefined
): E.Either<KayakoError, A> => {
  const { status, body } = response
  const oversized = (): KayakoError | undefined => tooLarge(req.operation, response)
  if (status !== 200) {
    if (API_STATUSES.includes(status)) {
      const big = oversized()
      if (big !== undefined) return E.left(big)
      // The server's texts are short; a huge body (a proxy's page, a hostile server) keeps its first 2 KB.
      const message = excerpt(plainText(body))
      return E.left(apiError(req.operation, status, [{ message: message === '' ? `HTTP ${status}` : message }]))
    }
    return E.left(httpError(req.operation, redact(http), status, body, redirectMessage(response)))
  }
  if (req.response._tag === 'Void') return E.right(undefined as A)
  const big = oversized()
  if (big !== undefined) return E.left(big)
  // The tree path only for a parser of the user's, so txml is in no bundle that does not ask for it.
  const doc = parser === undefined ? scanDocument(body, maxElements) : parseWith(body, parser, maxElements)
  if (E.isLeft(doc)) return E.left(parseError(req.operation, doc.left, body))
  if (doc.right.notice !== '' && onNotice !== undefined) {
    try {
      onNotice(doc.right.notice, req.operation)
    } catch {
      // a failing callback must not turn a good answer into an error
    }
  }
  const decoder = req.response.decoder
  if ('scanned' in doc.right) return decode(req.operation, { decode: (scanned: Scanned) => scanWith(decoder, scanned, 0) }, doc.right.scanned)
  return decode(req.operation, decoder, doc.right.root)
}
