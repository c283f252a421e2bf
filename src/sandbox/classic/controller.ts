/**
 * What a controller is, and the answers it gives. Dispatch follows `Controller_api::__call` (spec §1.1): a named
 * action (`ListAll`, `Filter`, `ListOptions`, `GetTicketCount`, case-insensitive like PHP method names) is called with
 * the remaining segments; otherwise the verb picks `Get`/`Post`/`Put`/`Delete`, and a GET without segments `GetList`.
 */
import type { Store } from './store'
import { document } from './xml'
import type { PhpArray, UploadedFile } from './vars'

export interface Reply {
  readonly status: number
  readonly body: string
  readonly contentType?: string
  /** A PHP notice the real server prints before this answer (shown only with the `phpNotices` option). */
  readonly notice?: string
}

export interface Context {
  readonly store: Store
  /** The variables the server reads for this verb (`$_GET` for GET/DELETE, `$_POST` for POST/PUT). */
  readonly vars: PhpArray
  /** `$_FILES` (multipart uploads). */
  readonly files: ReadonlyMap<string, UploadedFile>
  readonly method: string
  /** Unix seconds. */
  readonly now: number
}

export type Action = (ctx: Context, args: ReadonlyArray<string>) => Reply

export interface Controller {
  /** Named actions, keys in lower case. */
  readonly actions?: Readonly<Record<string, Action>>
  readonly getList?: Action
  readonly get?: Action
  readonly post?: Action
  readonly put?: Action
  readonly delete?: Action
}

export const xmlReply = (root: string): Reply => ({ status: 200, body: document(root) })

export const badRequest = (message: string): Reply => ({ status: 400, body: message })
export const notFound = (message: string): Reply => ({ status: 404, body: message })
/** DELETE success: 200 with an empty body (spec §2 common behaviours). */
export const deleted: Reply = { status: 200, body: '' }

export const undeclared = (method: string): Reply =>
  // Spec §3: the server throws `Undeclared Function Called in API Controller: <Method>`; its rendering is
  // UNCONFIRMED, the sandbox answers 400 with that text.
  badRequest(`Undeclared Function Called in API Controller: ${method}`)

const VERB_METHOD: Readonly<Record<string, 'get' | 'post' | 'put' | 'delete'>> = { GET: 'get', POST: 'post', PUT: 'put', DELETE: 'delete' }
const METHOD_NAME = { get: 'Get', post: 'Post', put: 'Put', delete: 'Delete' } as const
const PUBLIC_METHOD: Readonly<Record<string, 'get' | 'post' | 'put' | 'delete' | 'getList'>> = {
  get: 'get',
  post: 'post',
  put: 'put',
  delete: 'delete',
  getlist: 'getList'
}

export const dispatch = (controller: Controller, ctx: Context, segments: ReadonlyArray<string>): Reply => {
  const [action, ...rest] = segments
  if (action !== undefined) {
    const named = controller.actions?.[action.toLowerCase()]
    if (named !== undefined) return named(ctx, rest)
    // Any public method is callable by name whatever the verb (`L/MVC/class.SWIFT_Controller.php:229-330`): e.g.
    // `GET /Base/Department/Delete/5` deletes, `POST …/Get/5` reads.
    const method = PUBLIC_METHOD[action.toLowerCase()]
    const handler = method === undefined ? undefined : controller[method]
    if (handler !== undefined) return handler(ctx, rest)
  }
  const verb = VERB_METHOD[ctx.method]
  if (verb === undefined) return undeclared(ctx.method)
  if (verb === 'get' && segments.length === 0) {
    return controller.getList !== undefined ? controller.getList(ctx, []) : undeclared('GetList')
  }
  const handler = controller[verb]
  return handler === undefined ? undeclared(METHOD_NAME[verb]) : handler(ctx, segments)
}
