import type { HttpMethod } from '../../../core/http'
import type { Ctx, Principal } from '../context'
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

/** The `:name` segments of a route path: `'cases/:id/notes/:note_id'` → `'id' | 'note_id'`. */
type ParamNames<P extends string> = P extends `${infer Head}/${infer Rest}` ? ParamNames<Head> | ParamNames<Rest> : P extends `:${infer Name}` ? Name : never

/**
 * What a handler sees: its route's `:name` values, every one present (the handler runs only when the path matched),
 * and, for a route that is not public, the principal (`allowed` turned the anonymous caller away).
 */
export type RouteCtx<Names extends string, A extends Access = Access> = Omit<Ctx, 'params' | 'principal'> & {
  readonly params: Readonly<Record<Names, number>>
  readonly principal: A extends 'public' ? Principal | undefined : Principal
}

export const route = <P extends string, A extends Access>(
  method: HttpMethod,
  path: P,
  access: A,
  handle: (ctx: RouteCtx<ParamNames<P>, A>) => Reply,
  rawBody = false
): Route => ({
  method,
  segments: path.split('/'),
  access,
  // The router calls `handle` after `matchPath` matched this path and `allowed(access, …)` passed: what RouteCtx says.
  handle: handle as (ctx: Ctx) => Reply,
  rawBody
})

/** The route's `:name` values when the path matches it. */
export const matchPath = (r: Route, segments: ReadonlyArray<string>): Record<string, number> | undefined => {
  if (r.segments.length !== segments.length) return undefined
  const params: Record<string, number> = {}
  for (const [i, pattern] of r.segments.entries()) {
    const actual = segments[i] ?? ''
    if (pattern.startsWith(':')) {
      if (!/^\d+$/.test(actual)) return undefined
      params[pattern.slice(1)] = Number(actual)
    } else if (pattern !== actual.toLowerCase()) {
      return undefined
    }
  }
  return params
}
