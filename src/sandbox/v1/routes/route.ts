import type { HttpMethod } from '../../../core/http'
import type { Ctx } from '../context'
import type { Reply } from '../render'

/** Who may call a route: anyone, any signed-in user, staff (agents, collaborators, admins, owners), admins/owners. */
export type Access = 'public' | 'customer' | 'agent' | 'admin'

export interface Route {
  readonly method: HttpMethod
  /** `cases/:id/posts`: `:name` segments match decimal ids. */
  readonly segments: ReadonlyArray<string>
  readonly access: Access
  readonly handle: (ctx: Ctx) => Reply
  /** The body is data (a file upload), not parameters. */
  readonly rawBody?: boolean
}

export const route = (method: HttpMethod, path: string, access: Access, handle: (ctx: Ctx) => Reply, rawBody = false): Route => ({
  method,
  segments: path.split('/'),
  access,
  handle,
  rawBody
})

/** The route's `:name` values when the path matches it. */
export const matchPath = (r: Route, segments: ReadonlyArray<string>): Record<string, number> | undefined => {
  if (r.segments.length !== segments.length) return undefined
  const params: Record<string, number> = {}
  for (let i = 0; i < segments.length; i++) {
    const pattern = r.segments[i]!
    const actual = segments[i]!
    if (pattern.startsWith(':')) {
      if (!/^\d+$/.test(actual)) return undefined
      params[pattern.slice(1)] = Number(actual)
    } else if (pattern !== actual.toLowerCase()) {
      return undefined
    }
  }
  return params
}
