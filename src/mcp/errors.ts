/**
 * Tool errors from the library's typed failures: the kind, the server's own words or v1 code, and a hint the model can
 * act on. The executors scrubbed every error already (`scrubError`); `toolError` keeps only texts the library wrote
 * or the server's messages, never a request (URL, headers) or a body.
 */
import * as E from '../core/either'
import type { TaskEither } from 'fp-ts/TaskEither'
import { describe, type KayakoError } from '../core/error'
import type { ToolError } from './tool'

const RATE_LIMITED_CODES: ReadonlyArray<string> = ['RATE_LIMIT_REACHED', 'AUTHENTICATION_LOCKED']
const NOT_FOUND_CODES: ReadonlyArray<string> = ['RESOURCE_NOT_FOUND', 'NOT_FOUND']

/** A tool error for a library failure. `retryAfterSeconds`: the wait the server asked for, when known. */
export const toolError = (e: KayakoError, retryAfterSeconds?: number): ToolError => {
  const message = describe(e)
  const wait = retryAfterSeconds === undefined ? {} : { retryAfterSeconds }
  switch (e._tag) {
    case 'ValidationError':
      return {
        kind: 'ValidationError',
        message,
        hint: `Nothing was sent. Fix the named argument${e.issues.length === 1 ? '' : 's'} (${e.issues.map((i) => i.path).join(', ')}) and call again.`
      }
    case 'ApiError': {
      const code = e.errors.find((entry) => entry.code !== undefined)?.code
      const withCode = code === undefined ? {} : { code }
      if (e.status === 429 || (code !== undefined && RATE_LIMITED_CODES.includes(code)))
        return { kind: 'RateLimited', message, hint: 'The helpdesk is rate limiting this account: wait, then retry the same call.', ...withCode, ...wait }
      if (e.status === 404 || (code !== undefined && NOT_FOUND_CODES.includes(code)))
        return { kind: 'NotFound', message, hint: 'No such record: check the id, or find it first with a search or list tool.', ...withCode }
      if (e.status === 401)
        return {
          kind: 'ApiError',
          message,
          hint: 'The helpdesk refused the credentials: the server operator must fix its configuration; retrying will not help.',
          ...withCode
        }
      return { kind: 'ApiError', message, hint: 'The helpdesk refused the request in the words quoted: change the arguments accordingly.', ...withCode }
    }
    case 'HttpError':
      if (e.status === 429)
        return { kind: 'RateLimited', message, hint: 'The helpdesk is rate limiting this account: wait, then retry the same call.', ...wait }
      if (e.status === 404) return { kind: 'NotFound', message, hint: 'No such record or endpoint: check the id, or find it with a search or list tool.' }
      if (e.status === 401 || e.status === 403)
        return {
          kind: 'HttpError',
          message,
          hint: 'The helpdesk refused access: the server operator must fix the credentials or permissions; retrying will not help.'
        }
      return {
        kind: 'HttpError',
        message,
        hint: e.status >= 500 ? 'The helpdesk failed: retry later.' : 'The helpdesk answered with an unexpected status: retry later or try another tool.'
      }
    case 'TransportError':
      return {
        kind: 'TransportError',
        message,
        hint: 'No answer arrived from the helpdesk: retry later; a write may or may not have happened, so read before writing again.'
      }
    case 'ParseError':
      return { kind: 'ParseError', message, hint: 'The helpdesk answered with something that is not an API document (an error page?): retry later.' }
    case 'DecodeError':
      return { kind: 'DecodeError', message, hint: 'The helpdesk answered with data of an unexpected shape: try a narrower query or another tool.' }
  }
}

/** A tool error for arguments the tool itself refuses (nothing was sent). */
export const invalid = (message: string, hint: string): ToolError => ({ kind: 'ValidationError', message, hint })

/** A tool error for an API the server was not given credentials for. */
export const notConfigured = (api: 'classic' | 'v1'): ToolError => ({
  kind: 'NotConfigured',
  message: `This server has no ${api === 'classic' ? 'Classic' : 'v1'} credentials.`,
  hint: `Use the ${api === 'classic' ? 'v1_…' : 'classic_…'} tools, or ask the operator to configure the ${api} API.`
})

/** Runs a library call, its failure as a tool error. */
export const attempt = async <A>(task: TaskEither<KayakoError, A>): Promise<E.Either<ToolError, A>> => fromLibrary(await task())

const fromLibrary = <A>(result: E.Either<KayakoError, A>): E.Either<ToolError, A> => (E.isLeft(result) ? E.left(toolError(result.left)) : result)
