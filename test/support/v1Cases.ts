// Every v1 resource module and the decoders its builders use, found from `src/v1/index.ts`, with real bodies to
// damage: the shared fixtures of the module, and answers of the v1 sandbox (its documents follow the fixtures).
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createV1Sandbox } from '../../src/sandbox/v1/handler'
import { v1 } from '../../src/v1/internal/executor'
import * as V1 from '../../src/v1/index'
import type { V1Request } from '../../src/v1/internal/request'
import { probeBodies, type Builder } from './probeBodies'
import { FIXTURES, fixture } from './fixtures'

export interface V1Module {
  readonly name: string
  readonly builders: ReadonlyArray<readonly [string, Builder]>
}

export const v1Modules: ReadonlyArray<V1Module> = Object.entries(V1)
  .filter(([name, value]) => /^[A-Z]/.test(name) && value !== null && typeof value === 'object')
  .map(([name, value]) => ({
    name,
    builders: Object.entries(value as Record<string, unknown>).filter((e): e is [string, Builder] => typeof e[1] === 'function')
  }))

const PROBES: ReadonlyArray<ReadonlyArray<unknown>> = [[], [1], [1, 1], [{}], [1, {}], [1, 1, {}], ['x'], ['x', 1], [[1]], [1, 1, 1], [{ limit: 5 }]]

export const isV1Request = (value: unknown): value is V1Request<unknown> =>
  value !== null && typeof value === 'object' && 'decoder' in value && 'path' in value && 'operation' in value

/** Which fixtures belong to which module (file names follow the API's paths, not the module names). */
const FIXTURE_PREFIXES: Readonly<Record<string, ReadonlyArray<string>>> = {
  BusinessHour: ['business_hours.'],
  Case: ['cases.list'],
  CaseStatus: ['cases.statuses.'],
  Channel: ['cases.channels.'],
  Conversation: ['conversations.'],
  OAuthClient: ['oauth.clients.'],
  Role: ['roles.'],
  Session: ['session.', 'auth.basic.'],
  Team: ['teams.'],
  Test: ['tests.']
}

export interface V1DecoderCase {
  readonly module: string
  readonly operation: string
  readonly request: V1Request<unknown>
  readonly bodies: ReadonlyArray<string>
}

/** The v1 sandbox's answer to every request a probe builds (GET only, valid ones), by module. */
const sandboxBodies = (): Promise<ReadonlyMap<string, ReadonlyArray<string>>> => {
  const sandbox = createV1Sandbox()
  return probeBodies({
    modules: v1Modules,
    probes: PROBES,
    isRequest: isV1Request,
    handle: sandbox.handle,
    executor: (transport) => v1({ url: 'http://sandbox', auth: sandbox.credentials, transport }),
    keep: (request, response) => response.status >= 200 && response.status < 300 && response.body.trim().startsWith('{') && !request.url.endsWith('/session')
  })
}

export const v1DecoderCases = async (): Promise<ReadonlyArray<V1DecoderCase>> => {
  const names = readdirSync(join(FIXTURES, 'v1')).filter((f) => f.endsWith('.json') && !f.startsWith('errors.'))
  const fromSandbox = await sandboxBodies()
  const cases: Array<V1DecoderCase> = []
  for (const module of v1Modules) {
    const own = names.filter((n) => (FIXTURE_PREFIXES[module.name] ?? []).some((p) => n.startsWith(p))).map((n) => fixture(`v1/${n}`))
    const bodies = [...own, ...(fromSandbox.get(module.name) ?? [])]
    // One request per operation: a valid one where a probe builds it; else an invalid one with its issues and body
    // dropped (the decoder is what matters here).
    const chosen = new Map<string, V1Request<unknown>>()
    for (const [, build] of module.builders) {
      for (const args of PROBES) {
        let request: unknown
        try {
          request = build(...args)
        } catch {
          continue // the builder suite reports throwing builders
        }
        // A download answers bytes, whatever they are: no decoder to damage.
        if (!isV1Request(request) || request.download !== undefined) continue
        const current = chosen.get(request.operation)
        if (current === undefined || (current.issues.length > 0 && request.issues.length === 0)) chosen.set(request.operation, request)
      }
    }
    for (const [operation, request] of chosen) {
      cases.push({
        module: module.name,
        operation,
        request: request.issues.length === 0 ? request : { ...request, issues: [], body: undefined },
        bodies: bodies.length > 0 ? bodies : names.map((n) => fixture(`v1/${n}`))
      })
    }
  }
  return cases
}
