/**
 * `/Core/TestAPI` (and the older `/Core/Test`): echoes the call as plain text (spec §2.17), a credentials check.
 * The credentials themselves are not echoed.
 */
import type { Context, Controller, Reply } from '../controller'
import type { PhpArray, PhpValue } from '../vars'

const SECRET = new Set(['apikey', 'salt', 'signature'])

const show = (value: PhpValue): string => (typeof value === 'string' ? value : `[${[...value.entries()].map(([k, v]) => `${k} => ${show(v)}`).join(', ')}]`)

const variables = (vars: PhpArray): string =>
  [...vars.entries()]
    .filter(([k]) => !SECRET.has(k))
    .map(([k, v]) => `${k} = ${show(v)}`)
    .join('\n')

const echo = (method: string) => (ctx: Context, args: ReadonlyArray<string>): Reply => ({
  status: 200,
  body: `Method: ${method}\nArguments: ${args.join(', ')}\nVariables:\n${variables(ctx.vars)}`.trim(),
  contentType: 'text/plain; charset=UTF-8'
})

export const TestAPI: Controller = { getList: echo('GetList'), get: echo('Get'), post: echo('Post'), put: echo('Put'), delete: echo('Delete') }
