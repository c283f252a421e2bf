/**
 * `/Core/TestAPI` (and the older `/Core/Test`): echoes the call as the server's test controller does (spec §2.17), a
 * credentials check. Like PHP's `print_r`, but the credentials themselves are left out of the echo.
 */
import type { Context, Controller, Reply } from '../controller'
import type { PhpArray, PhpValue } from '../vars'

const SECRET = new Set(['apikey', 'salt', 'signature'])

/** PHP `print_r` of a value. */
const printR = (value: PhpValue | ReadonlyArray<string>, indent = ''): string => {
  if (typeof value === 'string') return value
  const entries: ReadonlyArray<readonly [string, PhpValue]> = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : [...(value as PhpArray)]
  const inner = entries.map(([k, v]) => `${indent}    [${k}] => ${printR(v, `${indent}        `)}\n`).join('')
  return `Array\n${indent}(\n${inner}${indent})\n`
}

const withoutSecrets = (vars: PhpArray): PhpArray => new Map([...vars].filter(([k]) => !SECRET.has(k)))

const echo =
  (title: (args: ReadonlyArray<string>) => string, showVars: boolean) =>
  (ctx: Context, args: ReadonlyArray<string>): Reply => ({
    status: 200,
    body: `${title(args)}\n\nARGS: ${printR(args.length === 0 ? [''] : args)}${showVars ? `\nVARS: ${printR(withoutSecrets(ctx.vars))}` : ''}`
  })

export const TestAPI: Controller = {
  getList: echo(() => 'GET List', true),
  get: echo(([id]) => `GET: ${id ?? ''}`, true),
  post: echo(() => 'POST', true),
  put: echo(([id]) => `PUT: ${id ?? ''}`, true),
  delete: echo(([id]) => `DELETE: ${id ?? ''}`, false)
}
