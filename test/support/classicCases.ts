// Every Classic resource module and the response decoders its builders use, found from `src/classic/index.ts`, so
// the reliability suites cover each module as it lands without being told about it. The bodies to damage are the
// module's shared fixtures and the sandbox's answers (whose element names follow the real documents).
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { classic } from '../../src/classic/internal/executor'
import * as Classic from '../../src/classic/index'
import type { ClassicRequest } from '../../src/classic/internal/request'
import { createSandbox } from '../../src/sandbox/handler'
import { FIXTURES, fixture } from './fixtures'
import { probeBodies, type Builder } from './probeBodies'

export type { Builder } from './probeBodies'

export interface ClassicModule {
  readonly name: string
  readonly builders: ReadonlyArray<readonly [string, Builder]>
}

// Enough argument shapes to reach every builder's description (issues do not matter: only the decoder is kept).
const PROBES: ReadonlyArray<ReadonlyArray<unknown>> = [[], [1], [1, 1], [{}], [1, {}], [1, 1, {}], ['x'], ['x', 1], [[1]], [1, 1, 1]]

const isRequest = (value: unknown): value is ClassicRequest<unknown> =>
  value !== null && typeof value === 'object' && 'response' in value && 'route' in value && 'operation' in value

/** A builder is an exported function that answers some argument shape with a description (value helpers do not). */
const isBuilder = (f: Builder): boolean =>
  PROBES.some((args) => {
    try {
      return isRequest(f(...args))
    } catch {
      return true // a throwing function is reported by the builder suite, not skipped
    }
  })

export const classicModules: ReadonlyArray<ClassicModule> = Object.entries(Classic)
  .filter(([name, value]) => /^[A-Z]/.test(name) && value !== null && typeof value === 'object')
  .map(([name, value]) => ({
    name,
    builders: Object.entries(value as Record<string, unknown>).filter((e): e is [string, Builder] => typeof e[1] === 'function' && isBuilder(e[1] as Builder))
  }))

export interface DecoderCase {
  readonly module: string
  readonly operation: string
  /** A valid description using the decoder (issues cleared): run it through an executor. */
  readonly request: ClassicRequest<unknown>
  /** Real bodies of this module (fixtures, sandbox answers), or every fixture when it has none. */
  readonly fixtures: ReadonlyArray<string>
}

const classicFixtureNames = (): ReadonlyArray<string> => readdirSync(join(FIXTURES, 'classic')).filter((f) => f.endsWith('.xml'))

/** The sandbox's answer to every valid GET a probe builds, by module (a few per module). */
const sandboxBodies = (): Promise<ReadonlyMap<string, ReadonlyArray<string>>> => {
  const sandbox = createSandbox()
  return probeBodies({
    modules: classicModules,
    probes: PROBES,
    isRequest,
    handle: sandbox.handle,
    executor: (transport) => classic({ url: 'http://sandbox/api/index.php', apiKey: sandbox.apiKey, secretKey: sandbox.secretKey, transport }),
    keep: (_, response) => response.status === 200 && response.body.includes('<?xml')
  })
}

export const classicDecoderCases = async (): Promise<ReadonlyArray<DecoderCase>> => {
  const names = classicFixtureNames()
  const everything = names.map((n) => fixture(`classic/${n}`))
  const fromSandbox = await sandboxBodies()
  const cases: Array<DecoderCase> = []
  for (const module of classicModules) {
    const own = [...names.filter((n) => n.startsWith(`${module.name}_`)).map((n) => fixture(`classic/${n}`)), ...(fromSandbox.get(module.name) ?? [])]
    const seen = new Set<unknown>()
    for (const [, build] of module.builders) {
      for (const args of PROBES) {
        let request: unknown
        try {
          request = build(...args)
        } catch {
          continue // the builder suite reports throwing builders
        }
        if (!isRequest(request) || request.response._tag !== 'Xml' || seen.has(request.operation)) continue
        seen.add(request.operation)
        cases.push({ module: module.name, operation: request.operation, request: { ...request, issues: [] }, fixtures: own.length > 0 ? own : everything })
      }
    }
  }
  return cases
}
