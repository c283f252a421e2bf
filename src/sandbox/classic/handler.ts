/**
 * The Classic API mount: request → route → controller → credentials → action → answer. Every failure becomes an
 * answer (never a rejection): unreadable input is a 400 with a clear text, an unexpected exception a 500.
 */
import type { HttpRequest, HttpResponse } from '../../core/http'
import { authenticator } from './auth'
import { dispatch, type Reply } from './controller'
import { CONTROLLERS } from './controllers/index'
import { bodyBytes, parseRequest } from './router'
import type { Store } from './store'
import { InvalidUtf8, MalformedBody } from './vars'

export interface ClassicHandlerOptions {
  readonly store: Store
  readonly apiKey: string
  readonly secretKey: string
  /** Bodies above this many bytes are refused with 400. */
  readonly maxBodyBytes: number
  /** false: the helpdesk's API interface is switched off (`g_enableapiinterface`): every call is a 403, empty body. */
  readonly apiEnabled: boolean
  /** Print the PHP notices 4.98.8 prints (e.g. a TicketPost without `isprivate`) before the XML. */
  readonly phpNotices: boolean
}

/** How PHP's error handler in Kayako renders a notice (fixture `Error_PHPWarning_body.html`). */
export const noticeHtml = (text: string): string =>
  `<div style="BACKGROUND: #f8ebeb; FONT: 13px Trebuchet MS, Verdana, Helvetica, Arial; BORDER: 1px SOLID #751616; PADDING: 10px; MARGIN: 5px;"><font color="red">[Notice]: ${text}</font></div>`

const XML_TYPE = 'text/xml'
const HTML_TYPE = 'text/html; charset=UTF-8'

/** The apps the routed controllers belong to. */
const APPS: ReadonlySet<string> = /*#__PURE__*/ new Set(Object.keys(CONTROLLERS).map((key) => key.split('/')[0] as string))

/** PHP `Clean()` (`F:1010-1017`): only `[A-Za-z0-9_:,-]` is kept. */
export const phpClean = (text: string): string => text.replace(/[^a-zA-Z0-9\-_:,]/g, '').trim()

/**
 * The arguments after the action, as `SWIFT_Router::ParseURIArguments` passes them (`L/Router/class.SWIFT_Router.php:
 * 666-712`): `R:` segments are skipped, `name=value` passes its value, anything else is `Clean()`ed (`12.0` → `120`).
 */
export const routeArguments = (segments: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (const segment of segments) {
    if (segment.startsWith('R:') || segment.startsWith('&')) continue
    const pair = /([a-zA-Z0-9_]*)=([a-zA-Z\s0-9,~%.:_-]+)/.exec(segment)
    out.push(pair === null ? phpClean(segment) : (pair[2] as string).trim())
  }
  return out
}
const TEXT_TYPE = 'text/plain; charset=UTF-8'

const respond = (reply: Reply, contentType: string): HttpResponse => ({
  status: reply.status,
  headers: { 'content-type': reply.contentType ?? contentType },
  body: reply.body
})

export const tooLarge = (size: number, limit: number): HttpResponse =>
  respond({ status: 400, body: `Request body too large: ${size} bytes (the sandbox accepts at most ${limit})` }, TEXT_TYPE)

export const createClassicHandler = (options: ClassicHandlerOptions) => {
  const authenticate = authenticator(options.apiKey, options.secretKey)

  return async (req: HttpRequest): Promise<HttpResponse | undefined> => {
    const size = bodyBytes(req).length
    if (size > options.maxBodyBytes) return tooLarge(size, options.maxBodyBytes)
    let parsed
    try {
      parsed = parseRequest(req, (name) => options.store.behaviour.lenient(name))
    } catch (thrown) {
      if (thrown instanceof InvalidUtf8 || thrown instanceof MalformedBody) return respond({ status: 400, body: thrown.message }, TEXT_TYPE)
      throw thrown
    }
    if (parsed === undefined) return undefined
    const [app, name, action, ...rest] = parsed.segments
    if (app === undefined) {
      return respond(
        { status: 400, body: 'No route specified: use index.php?e=/App/Controller[/…] (or index.php/App/Controller, or index.php?/App/Controller)' },
        TEXT_TYPE
      )
    }
    // `SWIFT_Router::ParseURIToRouteContainer` (`L/Router/class.SWIFT_Router.php:562-599`): an unknown app, then an
    // unknown controller (the fallback `Default` controller does not exist in the api interface), are FileNotFound
    // pages (`F:112-132`, status 404).
    if (!APPS.has(app.toLowerCase())) return respond({ status: 404, body: `"${phpClean(app)}" SWIFT App does not exist` }, HTML_TYPE)
    const controller = name === undefined ? undefined : CONTROLLERS[`${app}/${name}`.toLowerCase()]
    if (controller === undefined) {
      return respond(
        { status: 404, body: `"Default" Controller OR a DEFAULT Controller in SWIFT App "${phpClean(app)}" for Interface "api" does not exist (DEFAULT-MAIN)` },
        HTML_TYPE
      )
    }
    // `SWIFT_Router::FilterURI` on every segment (:615, :784-811): letters, digits, blanks and `,~%.:=_-` only.
    if (parsed.segments.some((segment) => !/^[a-zA-Z\s0-9,~%.:=_-]+$/.test(segment))) {
      return respond({ status: 400, body: 'The URI you submitted has disallowed characters.' }, HTML_TYPE)
    }
    const args = action === undefined ? [] : [action, ...routeArguments(rest)]
    // The controller's constructor first checks that the API is enabled, then the credentials (spec §1.2, §3).
    if (!options.apiEnabled) return { status: 403, headers: { 'content-type': 'text/html; charset=UTF-8' }, body: '' }
    const refused = await authenticate(parsed.authVars)
    if (refused !== undefined) return respond(refused, TEXT_TYPE)
    const reply = dispatch(controller, { store: options.store, vars: parsed.vars, files: parsed.files, method: parsed.method, now: options.store.now() }, args)
    // After a successful check the server sends `Content-type: text/xml`, also on its 400/404 texts (spec §3).
    const shown = options.phpNotices && reply.notice !== undefined ? { ...reply, body: noticeHtml(reply.notice) + reply.body } : reply
    return respond(shown, XML_TYPE)
  }
}
