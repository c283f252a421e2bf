/**
 * `withCache(run)`: an executor that runs each GET request once within its scope — the lifetime of the executor it
 * returns (make one per unit of work: a request handler, a job). As the seed promises for associated objects, a
 * department that fifty tickets refer to is fetched once.
 *
 * - GETs are keyed by operation, route and query; concurrent identical calls share one in-flight request.
 * - Failures are not cached: the next identical call tries again.
 * - Anything else (POST, PUT, DELETE) passes through and clears the cache, before it is sent and after it answers,
 *   so nothing read before a change is served after it.
 */
import * as E from '../../core/either'
import type * as TE from 'fp-ts/TaskEither'
import type { KayakoError } from '../../core/error'
import type { ClassicExecutor } from './executor'
import { encodeForm, type ClassicRequest } from './request'

export interface CachedExecutor extends ClassicExecutor {
  /** Forgets every cached answer (in-flight requests still answer their callers). */
  readonly clear: () => void
}

/**
 * An executor that runs each GET once while it lives (identical concurrent GETs share one request; failures are
 * not kept); POST, PUT and DELETE pass through and empty it. Make one per unit of work.
 */
export const withCache = (run: ClassicExecutor): CachedExecutor => {
  const answers = new Map<string, Promise<E.Either<KayakoError, unknown>>>()

  const cached = <A>(req: ClassicRequest<A>): TE.TaskEither<KayakoError, A> => {
    if (req.method !== 'GET') {
      return () => {
        answers.clear()
        return run(req)().finally(() => answers.clear())
      }
    }
    const key = `${req.operation}\n${req.route}\n${encodeForm(req.query)}`
    return () => {
      const hit = answers.get(key) as Promise<E.Either<KayakoError, A>> | undefined
      if (hit !== undefined) return hit
      const forget = () => {
        // Only this answer: a clear() and a newer request may have replaced it meanwhile.
        if (answers.get(key) === answer) answers.delete(key)
      }
      const answer: Promise<E.Either<KayakoError, A>> = run(req)().then(
        (result) => {
          if (E.isLeft(result)) forget()
          return result
        },
        (thrown: unknown) => {
          forget()
          throw thrown
        }
      )
      answers.set(key, answer)
      return answer
    }
  }

  return Object.assign(cached, { clear: () => answers.clear() })
}
