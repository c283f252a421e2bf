// Real answers to decode in property tests: every valid GET that a probe argument list builds, run through an
// executor against a sandbox handler, keeping a few answer bodies per module.
import * as E from 'fp-ts/Either'
import type * as TE from 'fp-ts/TaskEither'
import type { HttpRequest, HttpResponse, Transport } from '../../src/core/http'

export type Builder = (...args: ReadonlyArray<unknown>) => unknown

export interface ProbedModule {
  readonly name: string
  readonly builders: ReadonlyArray<readonly [string, Builder]>
}

interface Probe<R> {
  readonly modules: ReadonlyArray<ProbedModule>
  readonly probes: ReadonlyArray<ReadonlyArray<unknown>>
  readonly isRequest: (value: unknown) => value is R
  /** The sandbox. */
  readonly handle: (request: HttpRequest) => Promise<HttpResponse>
  /** The executor over a transport. */
  readonly executor: (transport: Transport) => (request: R) => TE.TaskEither<unknown, unknown>
  /** Which answers are documents worth keeping. */
  readonly keep: (request: HttpRequest, response: HttpResponse) => boolean
}

const BODIES_PER_MODULE = 4

export const probeBodies = async <R extends { readonly method: string; readonly issues: ReadonlyArray<unknown> }>(
  probe: Probe<R>
): Promise<ReadonlyMap<string, ReadonlyArray<string>>> => {
  const bodies = new Map<string, Set<string>>()
  let current = ''
  const transport: Transport = (request) => async () => {
    const response = await probe.handle(request)
    if (probe.keep(request, response)) {
      const set = bodies.get(current) ?? new Set<string>()
      if (set.size < BODIES_PER_MODULE) set.add(response.body)
      bodies.set(current, set)
    }
    return E.right<never, HttpResponse>(response)
  }
  const run = probe.executor(transport)
  for (const module of probe.modules) {
    current = module.name
    for (const [, build] of module.builders) {
      for (const args of probe.probes) {
        let request: unknown
        try {
          request = build(...args)
        } catch {
          continue // the builder suites report throwing builders
        }
        if (probe.isRequest(request) && request.method === 'GET' && request.issues.length === 0) await run(request)()
      }
    }
  }
  return new Map([...bodies].map(([k, v]) => [k, [...v]]))
}
