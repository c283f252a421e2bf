// Properties of the policies over random scripts of answers, on a fake clock.
import * as E from 'fp-ts/Either'
import * as fc from 'fast-check'
import { pipe } from 'fp-ts/function'
import { test } from 'uvu'
import type { KayakoError } from '../../src/core/error'
import type { HttpMethod, HttpRequest, HttpResponse, Transport } from '../../src/core/http'
import { RETRY_STATUSES, retryBudget, withConcurrency, withRetry, withTimeout } from '../../src/core/policy'
import { fakeClock } from '../support/clock'

type Step = { readonly status: number; readonly retryAfter?: string } | 'reset'

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant('reset' as const),
  fc.record({ status: fc.constantFrom(200, 201, 400, 401, 404, 408, 429, 500, 501, 502, 503, 504) }),
  fc.record({ status: fc.constantFrom(429, 503), retryAfter: fc.constantFrom('0', '1', '30', '61', '3600', 'soon', 'Thu, 01 Jan 1970 00:00:00 GMT') })
)

const retryable = (s: Step): boolean => s === 'reset' || RETRY_STATUSES.includes(s.status)

test('retry: sends at most maxAttempts, only idempotent methods repeat, and the answer is the last one sent', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(step, { minLength: 1, maxLength: 8 }),
      fc.constantFrom<HttpMethod>('GET', 'PUT', 'DELETE', 'POST', 'PATCH'),
      fc.integer({ min: 1, max: 6 }),
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      async (script, method, maxAttempts, random) => {
        const { clock, run, delays } = fakeClock()
        let sent = 0
        const transport: Transport = (request) => async () => {
          const s = script[Math.min(sent++, script.length - 1)] as Step
          if (s === 'reset') return E.left<KayakoError>({ _tag: 'TransportError', operation: 'x', request, cause: 'reset' })
          const headers: Record<string, string> = s.retryAfter === undefined ? {} : { 'retry-after': s.retryAfter }
          return E.right<KayakoError, HttpResponse>({ status: s.status, headers, body: String(sent) })
        }
        const request: HttpRequest = { method, url: 'https://h/', headers: {} }
        const result = await run(withRetry({ clock, random: () => random, maxAttempts, budget: retryBudget({ initial: 100 }) })(transport)(request))
        // The sends the policy should make: stop at a final answer, at maxAttempts, or at a Retry-After beyond 60 s.
        let expected = 1
        if (['GET', 'PUT', 'DELETE'].includes(method)) {
          for (let i = 0; i < maxAttempts - 1; i++) {
            const s = script[Math.min(i, script.length - 1)] as Step
            if (!retryable(s)) break
            if (s !== 'reset' && (s.retryAfter === '3600' || s.retryAfter === '61')) break
            expected++
          }
        }
        const last = script[Math.min(expected - 1, script.length - 1)] as Step
        const answered = E.isRight(result) ? result.right.status : 'reset'
        return (
          sent === expected &&
          delays.length === expected - 1 &&
          answered === (last === 'reset' ? 'reset' : last.status) &&
          delays.every((d) => d >= 0 && d <= 60_000)
        )
      }
    ),
    { numRuns: 300 }
  )
})

test('concurrency: never more than n in flight, starts in arrival order, every request answered', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 30 }), async (limit, durations) => {
      const { clock, run } = fakeClock()
      let inFlight = 0
      let most = 0
      const started: Array<string> = []
      const transport: Transport = (request) => () =>
        new Promise((resolve) => {
          inFlight++
          most = Math.max(most, inFlight)
          started.push(request.url)
          clock.setTimeout(
            () => {
              inFlight--
              resolve(E.right<never, HttpResponse>({ status: 200, headers: {}, body: request.url }))
            },
            Number(request.url.split(':')[1])
          )
        })
      const limited = pipe(transport, withTimeout(10_000, { clock }), withConcurrency(limit))
      const urls = durations.map((d, i) => `${i}:${d}`)
      const results = await run(() => Promise.all(urls.map((url) => limited({ method: 'GET', url, headers: {} })())))
      return (
        most <= limit &&
        most === Math.min(limit, urls.length) &&
        started.join() === urls.join() &&
        results.every((r, i) => E.isRight(r) && r.right.body === urls[i])
      )
    }),
    { numRuns: 200 }
  )
})

test.run()
