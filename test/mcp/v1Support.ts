// The v1 tools run directly (no SDK) against an in-process v1 sandbox: arguments checked by the tool's input schema as
// the server checks them, and every answer checked against the output schema, as plain JSON, and free of credentials.
import * as E from 'fp-ts/Either'
import * as assert from 'uvu/assert'
import { z } from 'zod'
import type { ClassicExecutor } from '../../src/classic'
import { V1_TOOLS } from '../../src/mcp/v1/index'
import type { ToolDefinition, ToolError, ToolOutcome } from '../../src/mcp/tool'
import { collect } from '../../src/v1/internal/paging'
import type { Page, V1Request } from '../../src/v1/internal/request'
import { unwrap } from '../support/transport'
import { sandboxRun } from '../v1/sandboxRun'

export const tool = (name: string): ToolDefinition => {
  const found = V1_TOOLS.find((t) => t.name === name)
  if (found === undefined) throw new Error(`no tool ${name}`)
  return found
}

/** A fresh sandbox and a `call(name, args)` that runs a tool as the server would, checking what it answers. */
export const v1Tools = () => {
  const env = sandboxRun()
  const secrets = [env.sandbox.credentials.password, env.sandbox.bearerToken]
  const call = async (name: string, args: Record<string, unknown> = {}): Promise<E.Either<ToolError, ToolOutcome<Record<string, unknown>>>> => {
    const t = tool(name)
    const parsed = z.object(t.input).parse(args)
    const outcome = await t.run(parsed, { v1: env.run, classic: undefined as unknown as ClassicExecutor })
    const wire = JSON.stringify(outcome)
    for (const secret of secrets) assert.not.ok(wire.includes(secret), `${name} answered with a credential`)
    if (E.isRight(outcome)) {
      const structured = outcome.right.structured
      // plain JSON (ISO strings, no Date or class instance) …
      assert.equal(JSON.parse(JSON.stringify(structured)), structured, `${name}: structured content is not plain JSON`)
      // … matching the output schema exactly: parsing neither fails nor drops a key
      assert.equal(z.object(t.output).parse(structured), structured, `${name}: structured content does not match the output schema`)
      assert.type(outcome.right.text, 'string')
    }
    return outcome
  }
  /** The structured answer of a call that must succeed. */
  const ok = async <A = Record<string, unknown>>(name: string, args: Record<string, unknown> = {}): Promise<{ structured: A; text: string }> => {
    const outcome = await call(name, args)
    if (E.isLeft(outcome)) throw new Error(`${name} failed: ${JSON.stringify(outcome.left)}`)
    return outcome.right as unknown as { structured: A; text: string }
  }
  /** The tool error of a call that must fail. */
  const fails = async (name: string, args: Record<string, unknown> = {}): Promise<ToolError> => {
    const outcome = await call(name, args)
    if (E.isRight(outcome)) throw new Error(`${name} should have failed: ${JSON.stringify(outcome.right.structured).slice(0, 300)}`)
    return outcome.left
  }
  /** The library's answer on the same sandbox (what the tools are checked against). */
  const lib = env.ok
  /** Every item of a library list on the same sandbox. */
  const every = async <A>(first: V1Request<Page<A>>): Promise<ReadonlyArray<A>> => unwrap(await collect(env.run)(first)())
  return { sandbox: env.sandbox, run: env.run, lib, every, call, ok, fails }
}

/** Every item of a list tool, page after page with its cursor; `pages` counts the calls. */
export const walk = async <A>(tools: ReturnType<typeof v1Tools>, name: string, args: Record<string, unknown>): Promise<{ items: Array<A>; pages: number }> => {
  const items: Array<A> = []
  let cursor: string | undefined
  let pages = 0
  do {
    const { structured } = await tools.ok<{ items: Array<A>; next: string | null }>(name, cursor === undefined ? args : { ...args, cursor })
    items.push(...structured.items)
    cursor = structured.next ?? undefined
    pages++
    if (pages > 100) throw new Error(`${name}: the cursor never ends`)
  } while (cursor !== undefined)
  return { items, pages }
}

export interface CaseItem {
  readonly id: number
  readonly subject: string
  readonly status: { readonly id: number; readonly name: string | null; readonly type: string | null } | null
  readonly requester: { readonly id: number; readonly name: string | null } | null
  readonly tags: ReadonlyArray<string>
}
